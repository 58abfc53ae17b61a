import type { ApiError } from '../../api/client.js';
import type { Slot } from '../../api/types.js';

export type Loadable<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: ApiError | Error };

export interface SlotPickerOptions {
  /** Nothing is asked while there is no page id. */
  pageId: string | undefined;
  /**
   * The durations offered, the first one chosen at first; undefined while the page itself is still
   * loading (the slots are asked for at the same time, for a 30-minute meeting until it is known).
   */
  durations: number[] | undefined;
  /** The viewer's locale for every date and time. */
  locale: string;
  /** The zone to start in. @default the browser's zone */
  initialZone?: string;
  /** "now" as seen by the page (the first month shown). @default the current time */
  now?: Date;
}

/** The shared state of picking a time: zone, duration, month, the month's slots and the chosen day. */
export interface SlotPickerState {
  zone: string;
  setZone(zone: string): void;
  duration: number;
  setDuration(minutes: number): void;
  durations: number[];
  month: string;
  minMonth: string;
  setMonth(month: string): void;
  slots: Loadable<Slot[]>;
  /**
   * The API's sentence when no times can be offered for a reason other than a full calendar (the
   * host's Microsoft 365 connection is broken); shown instead of "no times".
   */
  paused: string | undefined;
  /** Slots grouped by their date in the current zone. */
  byDate: ReadonlyMap<string, Slot[]>;
  selectedDate: string | undefined;
  setSelectedDate(date: string): void;
  /** Fetch the month's slots again (after a slot was taken). */
  refresh(): void;
  locale: string;
}

export interface SlotPickerProps {
  state: SlotPickerState;
  onPick(slot: Slot): void;
  className?: string;
}
