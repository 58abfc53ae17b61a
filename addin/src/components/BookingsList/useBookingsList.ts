import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/context.js';
import type { Booking } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { detectZone } from '../../time/zones.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

export type BookingAction = { booking: Booking; kind: 'cancel' | 'reschedule' | 'decline' };

export interface BookingsListState {
  list: Loadable<Booking[]>;
  acting: BookingAction | undefined;
  setActing(action: BookingAction | undefined): void;
  /** What the last action did, as a sentence for the status region. */
  done: string | undefined;
  /** The API's sentence when it refused the last action. */
  refusal: string | undefined;
  /** The booking being approved right now (its buttons wait). */
  approving: string | undefined;
  /** After an action succeeded: say so, close the form, read the list again. */
  finish(sentence: string): void;
  /** After an action was refused: show the API's sentence and the booking as it now stands. */
  refused(error: Error): void;
  approve(booking: Booking): void;
  zone: string;
  locale: string;
}

/** A booking the API sent back in a problem (`booking`, on a 409 about the booking's state). */
function bookingIn(error: Error): Booking | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const candidate = error.extensions.booking as Partial<Booking> | undefined;
  return typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.id === 'string' &&
    typeof candidate.status === 'string' &&
    typeof candidate.start === 'string' &&
    typeof candidate.invitee === 'object'
    ? (candidate as Booking)
    : undefined;
}

/** The host's upcoming bookings, the one being acted on, and approving those that wait for the host. */
export function useBookingsList(locale: string): BookingsListState {
  const api = useApi();
  const b = useStrings().bookings;
  const [list, setList] = useState<Loadable<Booking[]>>({ status: 'loading' });
  const [acting, setActing] = useState<BookingAction | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [refusal, setRefusal] = useState<string | undefined>();
  const [approving, setApproving] = useState<string | undefined>();
  const load = useCallback(() => {
    api
      .listBookings({ from: new Date().toISOString() })
      .then((answer) => setList({ status: 'ready', value: answer.bookings }))
      .catch((e: Error) => setList({ status: 'error', error: e }));
  }, [api]);
  useEffect(load, [load]);

  const finish = (sentence: string) => {
    setActing(undefined);
    setRefusal(undefined);
    setDone(sentence);
    load();
  };
  const refused = (error: Error) => {
    setActing(undefined);
    setDone(undefined);
    setRefusal(error.message);
    const current = bookingIn(error);
    if (current)
      setList((before) =>
        before.status === 'ready'
          ? { status: 'ready', value: before.value.map((x) => (x.id === current.id ? current : x)) }
          : before,
      );
    else if (error instanceof ApiError && error.status === 409) load();
  };
  return {
    list,
    acting,
    setActing: (action) => {
      setDone(undefined);
      setRefusal(undefined);
      setActing(action);
    },
    done,
    refusal,
    approving,
    finish,
    refused,
    approve: (booking) => {
      setApproving(booking.id);
      setDone(undefined);
      setRefusal(undefined);
      api
        .approve(booking.id)
        .then(() => finish(b.approved(booking.invitee.name)))
        .catch(refused)
        .finally(() => setApproving(undefined));
    },
    zone: detectZone(),
    locale,
  };
}
