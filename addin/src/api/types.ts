// The API's contracts as types (never runtime code: the front end talks to the API over HTTP only),
// plus the answers of the host tools the front end relies on (see addin/README.md).
export type {
  Booking,
  BookingPage,
  BookingPageInput,
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

/** Why a start is or is not offered by a drafted page (the engine's explain, docs/scheduling.md). */
export type {
  ExplainReason,
  PreviewExplanation as ExplainAnswer,
  PreviewExplainRequest,
  PreviewSlotsRequest,
  ReasonCode,
} from '@tandem/api/contracts';

/** The body of a preview: a page as drafted, not yet saved. */
export type PreviewQuery = {
  page: BookingPageInputBody;
  /** The saved page being edited: its bookings count towards the daily limit. */
  pageId?: string;
  start: string;
  end: string;
  duration: number;
  timeZone: string;
};

export type { SyncHealth } from '@tandem/api/contracts';

/**
 * The sync self-test run (`POST /api/sync/selftest`, then `GET /api/sync/selftest/{runId}`): the five
 * checks of the design against the host's own calendar, each step's state as it runs.
 */
export type { SelfTestRun, SelfTestStep } from '@tandem/api/contracts';
