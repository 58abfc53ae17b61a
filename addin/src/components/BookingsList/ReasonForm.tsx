import { Button, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useState } from 'react';

/**
 * Acts on one booking with an optional reason the invitee is told (cancelling, declining).
 * `send` gets the trimmed reason, or nothing when the host left it empty.
 */
export function ReasonForm({
  title,
  reasonLabel,
  confirmLabel,
  closeLabel,
  send,
  onSent,
  onRefused,
  onClose,
}: {
  title: string;
  reasonLabel: string;
  confirmLabel: string;
  closeLabel: string;
  send(reason: string | undefined): Promise<unknown>;
  onSent(): void;
  /** The API refused; without this the form shows the API's sentence itself. */
  onRefused?(error: Error): void;
  onClose(): void;
}) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  return (
    <form
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        send(reason.trim() || undefined)
          .then(onSent)
          .catch((err: Error) => {
            setBusy(false);
            if (onRefused) onRefused(err);
            else setError(err.message);
          });
      }}
    >
      <h3>{title}</h3>
      <Field label={reasonLabel}>
        <Textarea value={reason} onChange={(_, d) => setReason(d.value)} />
      </Field>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button type="submit" appearance="primary" disabled={busy}>
        {confirmLabel}
      </Button>{' '}
      <Button type="button" onClick={onClose}>
        {closeLabel}
      </Button>
    </form>
  );
}
