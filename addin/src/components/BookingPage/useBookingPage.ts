import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/context.js';
import type { BookingCreated, PublicPage, Slot } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import type { BookingFormValues } from '../BookingForm/BookingForm.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';
import type { BookingPageProps, BookingPageState, BookingStep } from './BookingPage.types.js';

/** Loads the public page; the picking part lives in useSlotPicker once the page is known. */
export function usePublicPage(pageId: string | undefined): Loadable<PublicPage> {
  const api = useApi();
  const t = useStrings();
  const [page, setPage] = useState<Loadable<PublicPage>>({ status: 'loading' });
  useEffect(() => {
    if (!pageId) {
      setPage({ status: 'error', error: new Error(t.booking.missingPage) });
      return;
    }
    let current = true;
    api
      .publicPage(pageId)
      .then((value) => current && setPage({ status: 'ready', value }))
      .catch((error: Error) => current && setPage({ status: 'error', error }));
    return () => {
      current = false;
    };
  }, [api, pageId, t]);
  return page;
}

export function useBookingFlow(
  props: Pick<BookingPageProps, 'pageId'>,
  picker: { zone: string; duration: number; refresh(): void },
): Omit<BookingPageState, 'page'> {
  const api = useApi();
  const t = useStrings().booking;
  const [step, setStep] = useState<BookingStep>('pick');
  const [chosen, setChosen] = useState<Slot | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | Error | undefined>();
  const [created, setCreated] = useState<BookingCreated | undefined>();

  const submit = useCallback(
    (values: BookingFormValues) => {
      if (!chosen || !props.pageId) return;
      setSubmitting(true);
      setSubmitError(undefined);
      api
        .book(props.pageId, {
          ...values,
          durationMinutes: picker.duration,
          start: chosen.start,
          timeZone: picker.zone,
        })
        .then((answer) => {
          setCreated(answer);
          setStep('done');
        })
        .catch((error: Error) => {
          if (error instanceof ApiError && error.status === 409) {
            setNotice(t.slotTaken);
            setChosen(undefined);
            setStep('pick');
            picker.refresh();
          } else {
            setSubmitError(error);
            // Bookings with this host are paused: the picker then says why instead of offering times.
            if (error instanceof ApiError && error.code === 'HOST_DISCONNECTED') picker.refresh();
          }
        })
        .finally(() => setSubmitting(false));
    },
    [api, chosen, props.pageId, picker, t],
  );

  return {
    step,
    chosen,
    notice,
    submitting,
    submitError,
    created,
    pick(slot) {
      setChosen(slot);
      setNotice(undefined);
      setSubmitError(undefined);
      setStep('form');
    },
    back() {
      setStep('pick');
      setSubmitError(undefined);
    },
    submit,
  };
}
