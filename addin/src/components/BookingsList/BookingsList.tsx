import { Button, Field, Input, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { Booking } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { detectZone, formatDateTime } from '../../time/zones.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

/** The host's bookings with cancel (and a reason) and reschedule to a new start. */
export function BookingsList({ locale }: { locale: string }) {
  const t = useStrings();
  const b = t.bookings;
  const api = useApi();
  const zone = detectZone();
  const [list, setList] = useState<Loadable<Booking[]>>({ status: 'loading' });
  const [acting, setActing] = useState<{ id: string; kind: 'cancel' | 'reschedule' } | undefined>();
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    api
      .listBookings({ from: new Date().toISOString() })
      .then((answer) => setList({ status: 'ready', value: answer.bookings }))
      .catch((e: Error) => setList({ status: 'error', error: e }));
  }, [api]);
  useEffect(load, [load]);

  const act = () => {
    if (!acting) return;
    const call =
      acting.kind === 'cancel'
        ? api.hostCancel(acting.id, input.trim() || undefined)
        : api.hostReschedule(acting.id, { start: new Date(input).toISOString() });
    call
      .then(() => {
        setActing(undefined);
        setInput('');
        load();
      })
      .catch((e: Error) => setError(e.message));
  };

  if (list.status === 'loading') return <Spinner label={t.loading} />;
  if (list.status === 'error')
    return (
      <MessageBar intent="error">
        <MessageBarBody>{list.error.message}</MessageBarBody>
      </MessageBar>
    );
  if (list.value.length === 0) return <p>{b.empty}</p>;
  return (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{b.invitee}</th>
            <th scope="col">{b.when}</th>
            <th scope="col">{b.status}</th>
            <th scope="col">{b.actions}</th>
          </tr>
        </thead>
        <tbody>
          {list.value.map((booking) => (
            <tr key={booking.id}>
              <td>
                {booking.invitee.name} ({booking.invitee.email})
              </td>
              <td>{formatDateTime(booking.start, zone, locale)}</td>
              <td>{t.manage.status[booking.status]}</td>
              <td>
                {booking.status !== 'cancelled' && (
                  <>
                    <Button size="small" onClick={() => setActing({ id: booking.id, kind: 'reschedule' })}>
                      {b.reschedule}
                    </Button>{' '}
                    <Button size="small" onClick={() => setActing({ id: booking.id, kind: 'cancel' })}>
                      {b.cancel}
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {acting && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            act();
          }}
        >
          <Field label={acting.kind === 'cancel' ? b.cancelReason : b.newStart}>
            <Input
              type={acting.kind === 'cancel' ? 'text' : 'datetime-local'}
              value={input}
              onChange={(_, d) => setInput(d.value)}
            />
          </Field>
          <Button type="submit" appearance="primary">
            {acting.kind === 'cancel' ? b.confirmCancel : b.confirmReschedule}
          </Button>{' '}
          <Button type="button" onClick={() => setActing(undefined)}>
            {t.close}
          </Button>
        </form>
      )}
    </>
  );
}
