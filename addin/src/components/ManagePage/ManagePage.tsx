import { Button, Field, MessageBar, MessageBarBody, Spinner, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/context.js';
import type { Booking } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { formatDateTime } from '../../time/zones.js';
import { useBookingPageStyles } from '../BookingPage/useBookingPageStyles.styles.js';
import { SlotPicker, useSlotPicker } from '../SlotPicker/SlotPicker.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

export interface ManagePageProps {
  token: string | undefined;
  locale: string;
}

/** The invitee's own booking behind a signed link: reschedule (the same picker) or cancel with a reason. */
export function ManagePage({ token, locale }: ManagePageProps) {
  const api = useApi();
  const t = useStrings();
  const classes = useBookingPageStyles();
  const [booking, setBooking] = useState<Loadable<Booking>>({ status: 'loading' });
  useEffect(() => {
    if (!token) return setBooking({ status: 'error', error: new Error(t.manage.missingToken) });
    api
      .manageView(token)
      .then((value) => setBooking({ status: 'ready', value }))
      .catch((error: Error) => setBooking({ status: 'error', error }));
  }, [api, token, t]);
  return (
    <main className={classes.main}>
      <h1 className={classes.title}>{t.manage.title}</h1>
      {booking.status === 'loading' && <Spinner label={t.loading} />}
      {booking.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{booking.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {booking.status === 'ready' && (
        <ManageBooking
          token={token!}
          booking={booking.value}
          locale={locale}
          onChange={(value) => setBooking({ status: 'ready', value })}
        />
      )}
    </main>
  );
}

type Mode = 'view' | 'reschedule' | 'cancel';

function ManageBooking(props: {
  token: string;
  booking: Booking;
  locale: string;
  onChange(b: Booking): void;
}) {
  const api = useApi();
  const t = useStrings();
  const { booking, locale } = props;
  const [mode, setMode] = useState<Mode>('view');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const picker = useSlotPicker({
    pageId: booking.pageId,
    durations: [booking.durationMinutes],
    locale,
    initialZone: booking.invitee.timeZone,
  });
  const fail = (e: Error) => {
    if (e instanceof ApiError && e.status === 409) {
      setError(t.booking.slotTaken);
      picker.refresh();
    } else {
      setError(e.message);
      // Bookings with this host are paused: the picker then says why instead of offering times.
      if (e instanceof ApiError && e.code === 'HOST_DISCONNECTED') picker.refresh();
    }
  };
  return (
    <>
      <p>
        {t.confirmation.when}: {formatDateTime(booking.start, picker.zone, locale)} ·{' '}
        {booking.awaitingApproval && booking.status === 'pending'
          ? t.manage.awaitingApproval
          : t.manage.status[booking.status]}
      </p>
      {booking.awaitingApproval && booking.status === 'pending' && <p>{t.manage.awaitingApprovalDetail}</p>}
      {done && (
        <MessageBar intent="success">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {booking.status === 'cancelled' && !done && <p>{t.manage.cancelled}</p>}
      {booking.status !== 'cancelled' && mode === 'view' && (
        <div>
          <Button appearance="primary" onClick={() => setMode('reschedule')}>
            {t.manage.reschedule}
          </Button>{' '}
          <Button onClick={() => setMode('cancel')}>{t.manage.cancel}</Button>
        </div>
      )}
      {mode === 'reschedule' && (
        <SlotPicker
          state={picker}
          onPick={(slot) => {
            setError(undefined);
            api
              .manageReschedule(props.token, { start: slot.start, timeZone: picker.zone })
              .then((b) => {
                props.onChange(b);
                setDone(t.manage.rescheduleDone);
                setMode('view');
              })
              .catch(fail);
          }}
        />
      )}
      {mode === 'cancel' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            api
              .manageCancel(props.token, reason.trim() || undefined)
              .then((b) => {
                props.onChange(b);
                setDone(t.manage.cancelDone);
                setMode('view');
              })
              .catch(fail);
          }}
        >
          <Field label={t.manage.cancelReason}>
            <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Button type="submit" appearance="primary">
            {t.manage.confirmCancel}
          </Button>{' '}
          <Button type="button" onClick={() => setMode('view')}>
            {t.manage.keep}
          </Button>
        </form>
      )}
    </>
  );
}
