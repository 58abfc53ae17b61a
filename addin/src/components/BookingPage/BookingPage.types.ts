import type { ApiError } from '../../api/client.js';
import type { BookingCreated, PublicPage, Slot } from '../../api/types.js';
import type { BookingFormValues } from '../BookingForm/BookingForm.js';
import type { Loadable, SlotPickerState } from '../SlotPicker/SlotPicker.types.js';

export interface BookingPageProps {
  /** The page id from the link (`?page=`). */
  pageId: string | undefined;
  locale: string;
  /** Builds the invitee's manage link from the signed token. */
  manageUrl(token: string): string;
  /** The zone to start in. @default the browser's zone */
  initialZone?: string;
  /** A slot start from a one-click link (`&start=`): opens the form for it when it is still free. */
  initialStart?: string;
  now?: Date;
}

/** @default 'pick' */
export type BookingStep = 'pick' | 'form' | 'done';

export interface BookingPageState {
  page: Loadable<PublicPage>;
  step: BookingStep;
  chosen: Slot | undefined;
  /** Shown above the picker, e.g. after a 409 ("that time was just taken"). */
  notice: string | undefined;
  submitting: boolean;
  submitError: ApiError | Error | undefined;
  created: BookingCreated | undefined;
  pick(slot: Slot): void;
  back(): void;
  submit(values: BookingFormValues): void;
}

export type BookingPageLoadedState = BookingPageState & { picker: SlotPickerState };
