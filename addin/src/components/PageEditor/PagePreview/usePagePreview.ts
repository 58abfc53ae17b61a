import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../../../api/client.js';
import { useApi } from '../../../api/context.js';
import type { ExplainAnswer, Slot } from '../../../api/types.js';
import { addDays, zonedInstant } from '../../../time/wallclock.js';
import { dateInZone } from '../../../time/zones.js';
import type { Loadable } from '../../SlotPicker/SlotPicker.types.js';
import type { PageDraft } from '../draft.js';
import type { PagePreviewProps, PagePreviewState, PreviewSlots } from './PagePreview.types.js';

const dayMs = 86_400_000;
/** The day grid never shows more than 96 buttons (every 15 minutes), whatever the page's step. */
const minimumGridStep = 15;

const validDurations = (list: readonly number[]) =>
  list.filter((n) => Number.isInteger(n) && n >= 5 && n <= 480 && n % 5 === 0);

/**
 * Only what changes slots is previewed: a half-written title, location or question does not stop the
 * preview (saving still checks them).
 */
const previewable = (draft: PageDraft): PageDraft => ({
  ...draft,
  title: 'Preview',
  slug: 'preview',
  description: '',
  location: { kind: 'teams' },
  questions: [],
});

/**
 * The live preview of a drafted page: the day's slots, asked of the API a moment after the last change
 * (an answer to an older draft is dropped), and the engine's explanation of any time of the day.
 */
export function usePagePreview(props: PagePreviewProps): PagePreviewState {
  const { draft, pageId, zone, locale, onFieldErrors, debounceMs = 400 } = props;
  const api = useApi();
  const [day, setDay] = useState(() =>
    dateInZone(new Date((props.now ?? new Date()).getTime() + dayMs), zone),
  );
  const durations = validDurations(draft.durations);
  const [chosen, setDuration] = useState<number | undefined>(undefined);
  const duration = chosen !== undefined && durations.includes(chosen) ? chosen : (durations[0] ?? 30);
  const [slots, setSlots] = useState<PreviewSlots>({ status: 'loading' });
  const [updating, setUpdating] = useState(true);
  const [explained, setExplained] = useState<PagePreviewState['explained']>();
  const latest = useRef(0);
  const errorsCallback = useRef(onFieldErrors);
  errorsCallback.current = onFieldErrors;

  const range = useMemo(
    () => ({ start: zonedInstant(day, 0, zone), end: zonedInstant(addDays(day, 1), 0, zone) }),
    [day, zone],
  );
  const body = useMemo(
    () => ({ page: previewable(draft), ...(pageId && { pageId }), duration, timeZone: zone }),
    [draft, pageId, duration, zone],
  );

  useEffect(() => {
    const ticket = ++latest.current;
    setUpdating(true);
    setExplained(undefined);
    const timer = setTimeout(() => {
      api
        .previewSlots({ ...body, ...range })
        .then((answer) => {
          if (ticket !== latest.current) return;
          errorsCallback.current([]);
          setSlots({ status: 'ready', value: answer.slots });
        })
        .catch((error: Error) => {
          if (ticket !== latest.current) return;
          if (error instanceof ApiError && error.fieldErrors.length > 0) {
            errorsCallback.current(error.fieldErrors);
            setSlots({ status: 'invalid', detail: error.message });
          } else setSlots({ status: 'error', error });
        })
        .finally(() => ticket === latest.current && setUpdating(false));
    }, debounceMs);
    return () => clearTimeout(timer);
  }, [api, body, range, debounceMs]);

  const explain = useCallback(
    (start: string) => {
      const ticket = latest.current;
      setExplained({ start, answer: { status: 'loading' } });
      api
        .previewExplain({ ...body, start })
        .then((value) => {
          if (ticket === latest.current) setExplained({ start, answer: { status: 'ready', value } });
        })
        .catch((error: Error) => {
          if (ticket === latest.current) setExplained({ start, answer: { status: 'error', error } });
        });
    },
    [api, body],
  );

  const times = useMemo(() => {
    const offered = new Set(
      slots.status === 'ready' ? slots.value.map((s: Slot) => Date.parse(s.start)) : [],
    );
    const interval = draft.rules.slotIntervalMinutes;
    const pageStep =
      interval !== undefined && Number.isInteger(interval) && interval >= 5 ? interval : duration;
    const step = Math.ceil(Math.max(pageStep, minimumGridStep) / pageStep) * pageStep;
    const list: { start: string; offered: boolean }[] = [];
    for (let minute = 0; minute < 1440; minute += step) {
      const start = zonedInstant(day, minute, zone);
      if (dateInZone(start, zone) !== day) continue;
      list.push({ start, offered: offered.has(Date.parse(start)) });
    }
    // Offered times off the grid (a zone whose midnight is not the host's) are listed too.
    for (const at of offered)
      if (!list.some((t) => Date.parse(t.start) === at))
        list.push({ start: new Date(at).toISOString(), offered: true });
    return list.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }, [slots, day, zone, duration, draft.rules.slotIntervalMinutes]);

  return {
    day,
    setDay,
    duration,
    setDuration,
    durations,
    updating,
    slots,
    times,
    explained: explained as { start: string; answer: Loadable<ExplainAnswer> } | undefined,
    explain,
    zone,
    locale,
    hostId: props.hostId,
  };
}
