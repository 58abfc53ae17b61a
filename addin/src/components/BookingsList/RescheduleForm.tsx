import { Button, Field, MessageBar, MessageBarBody, Select, Spinner } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client.js';
import { useApi } from '../../api/context.js';
import type { Booking, Slot } from '../../api/types.js';
import { useStrings } from '../../i18n/index.js';
import { formatDay, formatDateTime, formatTime } from '../../time/zones.js';
import type { Loadable } from '../SlotPicker/SlotPicker.types.js';

/** How far ahead a reschedule looks for free times of the booking's page. */
const aheadDays = 28;

/**
 * Moves a booking to another free time of its page (same duration), chosen from the page's slots in
 * the host's zone; when the time was just taken the fresh slots are read again.
 */
export function RescheduleForm({
  booking,
  zone,
  locale,
  onDone,
  onClose,
}: {
  booking: Booking;
  zone: string;
  locale: string;
  onDone(sentence: string): void;
  onClose(): void;
}) {
  const strings = useStrings();
  const b = strings.bookings;
  const api = useApi();
  const [slots, setSlots] = useState<Loadable<Slot[]>>({ status: 'loading' });
  const [paused, setPaused] = useState<string | undefined>();
  const [start, setStart] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const load = useCallback(() => {
    const from = new Date();
    api
      .slots(booking.pageId, {
        start: from.toISOString(),
        end: new Date(from.getTime() + aheadDays * 86_400_000).toISOString(),
        duration: booking.durationMinutes,
        timeZone: zone,
      })
      .then((answer) => {
        const others = answer.slots.filter((s) => Date.parse(s.start) !== Date.parse(booking.start));
        setPaused(answer.paused?.detail);
        setSlots({ status: 'ready', value: others });
        setStart(others[0]?.start ?? '');
      })
      .catch((e: Error) => setSlots({ status: 'error', error: e }));
  }, [api, booking, zone]);
  useEffect(load, [load]);
  const byDay = useMemo(() => {
    const groups = new Map<string, Slot[]>();
    if (slots.status === 'ready')
      for (const s of slots.value) groups.set(s.inviteeDate, [...(groups.get(s.inviteeDate) ?? []), s]);
    return groups;
  }, [slots]);

  return (
    <form
      aria-label={b.rescheduleTitle(booking.invitee.name)}
      onSubmit={(e) => {
        e.preventDefault();
        if (!start) return;
        setBusy(true);
        setError(undefined);
        api
          .hostReschedule(booking.id, { start })
          .then((moved) => onDone(b.moved(booking.invitee.name, formatDateTime(moved.start, zone, locale))))
          .catch((err: Error) => {
            setError(err.message);
            if (err instanceof ApiError && err.status === 409) load();
          })
          .finally(() => setBusy(false));
      }}
    >
      <h3>{b.rescheduleTitle(booking.invitee.name)}</h3>
      {slots.status === 'loading' && <Spinner size="tiny" label={strings.booking.loadingTimes} />}
      {slots.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>{slots.error.message}</MessageBarBody>
        </MessageBar>
      )}
      {slots.status === 'ready' &&
        (slots.value.length === 0 ? (
          <p>{paused ?? b.noFreeTimes(aheadDays)}</p>
        ) : (
          <Field label={b.newTime}>
            <Select value={start} onChange={(_, d) => setStart(d.value)}>
              {[...byDay].map(([day, list]) => (
                <optgroup key={day} label={formatDay(day, locale)}>
                  {list.map((s) => (
                    <option key={s.start} value={s.start}>
                      {`${formatDay(day, locale)}, ${formatTime(s.start, zone, locale)}`}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
        ))}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <Button type="submit" appearance="primary" disabled={busy || !start}>
        {b.confirmReschedule}
      </Button>{' '}
      <Button type="button" onClick={onClose}>
        {strings.close}
      </Button>
    </form>
  );
}
