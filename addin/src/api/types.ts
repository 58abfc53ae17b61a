// The API's contracts as types (never runtime code: the front end talks to the API over HTTP only),
// plus the answers of the host tools the front end relies on (see addin/README.md).
export type {
  Booking,
  BookingPage,
  BookingPageInputBody,
  BookingRequest,
  CancelRequest,
  FieldError,
  Me,
  Problem,
  PublicPage,
  RescheduleRequest,
  SlotsAnswer,
} from '@tandem/api/contracts';

import type { BookingPageInputBody, Booking } from '@tandem/api/contracts';

export type Slot = { start: string; end: string; inviteeDate: string };
export type BookingCreated = { booking: Booking; manageToken: string };

/** One reason of the engine's explain (docs/scheduling.md, "Explain"). */
export interface ExplainReason {
  code: string;
  calendarId?: string;
  start?: string;
  end?: string;
  showAs?: string;
  bookingId?: string;
  hostId?: string;
  members?: { hostId: string; reasons: ExplainReason[] }[];
}
/** Why a start is or is not offered: no reason means it is offered. */
export interface ExplainAnswer {
  start: string;
  reasons: ExplainReason[];
}

/** A page being edited, previewed before it is saved. */
export interface PreviewQuery {
  page: BookingPageInputBody;
  start: string;
  end: string;
  duration: number;
  timeZone: string;
}

export type { SyncHealth } from '@tandem/api/contracts';
export interface SelfTestStep {
  step: number;
  ok: boolean;
  detail: string;
}
