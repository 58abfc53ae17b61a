import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../api/context.js';
import type { Booking } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';

/** Cancels a booking with a reason the invitee is told; the API's sentence when it refuses. */
export function CancelForm({
  booking,
  onDone,
  onClose,
}: {
  booking: Booking;
  onDone(sentence: string): void;
  onClose(): void;
}) {
  const strings = useStrings();
  const b = strings.bookings;
  const api = useApi();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      aria-label={b.cancelTitle(booking.invitee.name)}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        api
          .hostCancel(booking.id, reason.trim() || undefined)
          .then(() => onDone(b.cancelled(booking.invitee.name)))
          .catch((err: Error) => setError(err.message))
          .finally(() => setBusy(false));
      }}
    >
      <h3>{b.cancelTitle(booking.invitee.name)}</h3>
      <Field label={b.cancelReason}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button type="submit" appearance="primary" disabled={busy}>
        {b.confirmCancel}
      </Button>{' '}
      <Button type="button" onClick={onClose}>
        {b.keep}
      </Button>
    </form>
  );
}
