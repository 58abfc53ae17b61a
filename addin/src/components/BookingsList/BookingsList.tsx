import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { useApi } from '../../api/context.js';
import { useStrings } from '../../i18n/index.js';
import { formatDateTime } from '../../time/zones.js';
import { ReasonForm } from './ReasonForm.js';
import { RescheduleForm } from './RescheduleForm.js';
import { useBookingsList } from './useBookingsList.js';

/**
 * The host's upcoming bookings, each cancelled (with a reason) or moved to another free time; those
 * waiting for the host's approval are approved or declined (with a reason) here too.
 */
export function BookingsList({ locale }: { locale: string }) {
  const t = useStrings();
  const b = t.bookings;
  const api = useApi();
  const state = useBookingsList(locale);
  const { list, acting } = state;

  if (list.status === 'loading') return <Spinner label={t.loading} />;
  if (list.status === 'error')
    return (
      <MessageBar intent="error">
        <MessageBarBody>{list.error.message}</MessageBarBody>
      </MessageBar>
    );
  return (
    <>
      <p role="status">{state.done ?? ''}</p>
      {state.refusal && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{state.refusal}</MessageBarBody>
        </MessageBar>
      )}
      {list.value.length === 0 ? (
        <p>{b.empty}</p>
      ) : (
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
                <td>{formatDateTime(booking.start, state.zone, locale)}</td>
                <td>
                  {booking.awaitingApproval ? b.awaitingApproval : t.manage.status[booking.status]}
                  {booking.cancelReason && ` — ${booking.cancelReason}`}
                </td>
                <td>
                  {booking.awaitingApproval && (
                    <>
                      <Button
                        size="small"
                        appearance="primary"
                        aria-label={b.approveTitle(booking.invitee.name)}
                        disabled={state.approving === booking.id}
                        onClick={() => state.approve(booking)}
                      >
                        {b.approve}
                      </Button>{' '}
                      <Button
                        size="small"
                        aria-label={b.declineTitle(booking.invitee.name)}
                        disabled={state.approving === booking.id}
                        onClick={() => state.setActing({ booking, kind: 'decline' })}
                      >
                        {b.decline}
                      </Button>{' '}
                    </>
                  )}
                  {booking.status !== 'cancelled' && (
                    <>
                      <Button
                        size="small"
                        aria-label={b.rescheduleTitle(booking.invitee.name)}
                        onClick={() => state.setActing({ booking, kind: 'reschedule' })}
                      >
                        {b.reschedule}
                      </Button>{' '}
                      <Button
                        size="small"
                        aria-label={b.cancelTitle(booking.invitee.name)}
                        onClick={() => state.setActing({ booking, kind: 'cancel' })}
                      >
                        {b.cancel}
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {acting?.kind === 'cancel' && (
        <ReasonForm
          key={acting.booking.id}
          title={b.cancelTitle(acting.booking.invitee.name)}
          reasonLabel={b.cancelReason}
          confirmLabel={b.confirmCancel}
          closeLabel={b.keep}
          send={(reason) => api.hostCancel(acting.booking.id, reason)}
          onSent={() => state.finish(b.cancelled(acting.booking.invitee.name))}
          onClose={() => state.setActing(undefined)}
        />
      )}
      {acting?.kind === 'decline' && (
        <ReasonForm
          key={acting.booking.id}
          title={b.declineTitle(acting.booking.invitee.name)}
          reasonLabel={b.declineReason}
          confirmLabel={b.confirmDecline}
          closeLabel={t.close}
          send={(reason) => api.decline(acting.booking.id, reason)}
          onSent={() => state.finish(b.declined(acting.booking.invitee.name))}
          onRefused={state.refused}
          onClose={() => state.setActing(undefined)}
        />
      )}
      {acting?.kind === 'reschedule' && (
        <RescheduleForm
          key={acting.booking.id}
          booking={acting.booking}
          zone={state.zone}
          locale={locale}
          onDone={state.finish}
          onClose={() => state.setActing(undefined)}
        />
      )}
    </>
  );
}
