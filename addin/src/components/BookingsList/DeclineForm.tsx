import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/context.js';
import type { Booking } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';

/** Declines a booking that waits for the host, with a reason the invitee is told. */
export function DeclineForm({
  booking,
  onDone,
  onRefused,
  onClose,
}: {
  booking: Booking;
  onDone(sentence: string): void;
  /** The API refused (e.g. 409: decided already); the list shows its sentence and the booking now. */
  onRefused(error: Error): void;
  onClose(): void;
}) {
  const strings = useStrings();
  const b = strings.bookings;
  const api = useApi();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      aria-label={b.declineTitle(booking.invitee.name)}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        api
          .decline(booking.id, reason.trim() || undefined)
          .then(() => onDone(b.declined(booking.invitee.name)))
          .catch((err: Error) => {
            setBusy(false);
            onRefused(err);
          });
      }}
    >
      <h3>{b.declineTitle(booking.invitee.name)}</h3>
      <Field label={b.declineReason}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy}>
        {b.confirmDecline}
      </Button>{' '}
      <Button type="button" onClick={onClose}>
        {strings.close}
      </Button>
    </form>
  );
}
