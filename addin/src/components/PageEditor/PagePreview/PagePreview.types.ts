import type { ExplainAnswer, FieldError, Slot } from '../../../api/types.js';
import type { Loadable } from '../../SlotPicker/SlotPicker.types.js';
import type { PageDraft } from '../draft.js';

export interface PagePreviewProps {
  draft: PageDraft;
  /** The saved page being edited (its bookings count towards the daily limit). */
  pageId?: string | undefined;
  /** The host's own id: their reasons read "You". */
  hostId?: string | undefined;
  zone: string;
  locale: string;
  /** The API's field errors of the draft from each preview (empty when it accepted the draft). */
  onFieldErrors(errors: FieldError[]): void;
  /** Wait this long after the last change before asking the API. @default 400 */
  debounceMs?: number;
  /** "now", for the first day shown. @default the current time */
  now?: Date;
}

export type PreviewSlots = Loadable<Slot[]> | { status: 'invalid'; detail: string };

export interface PagePreviewState {
  day: string;
  setDay(day: string): void;
  duration: number;
  setDuration(minutes: number): void;
  durations: number[];
  /** Refreshing: the shown slots are of an older draft. */
  updating: boolean;
  slots: PreviewSlots;
  /** Every start of the day on the page's step, offered or not. */
  times: { start: string; offered: boolean }[];
  explained: { start: string; answer: Loadable<ExplainAnswer> } | undefined;
  explain(start: string): void;
  zone: string;
  locale: string;
  hostId: string | undefined;
}
