import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { Booking } from '../../api/types.js';
import { detectZone } from '../../time/zones.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

export type BookingAction = { booking: Booking; kind: 'cancel' | 'reschedule' };

export interface BookingsListState {
  list: Loadable<Booking[]>;
  acting: BookingAction | undefined;
  setActing(action: BookingAction | undefined): void;
  /** What the last action did, as a sentence for the status region. */
  done: string | undefined;
  /** After an action succeeded: say so, close the form, read the list again. */
  finish(sentence: string): void;
  zone: string;
  locale: string;
}

/** The host's upcoming bookings and the one being cancelled or rescheduled. */
export function useBookingsList(locale: string): BookingsListState {
  const api = useApi();
  const [list, setList] = useState<Loadable<Booking[]>>({ status: 'loading' });
  const [acting, setActing] = useState<BookingAction | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const load = useCallback(() => {
    api
      .listBookings({ from: new Date().toISOString() })
      .then((answer) => setList({ status: 'ready', value: answer.bookings }))
      .catch((e: Error) => setList({ status: 'error', error: e }));
  }, [api]);
  useEffect(load, [load]);
  return {
    list,
    acting,
    setActing: (action) => {
      setDone(undefined);
      setActing(action);
    },
    done,
    finish: (sentence) => {
      setActing(undefined);
      setDone(sentence);
      load();
    },
    zone: detectZone(),
    locale,
  };
}
