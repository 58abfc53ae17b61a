import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { Slot } from '../../api/types.js';
import { canonicalZone, dateInZone, isKnownZone } from '../../time/zones.js';
import { defaultDuration, slotsQuery, startingZone } from './firstSlotsQuery.js';
import type { Loadable, SlotPickerOptions, SlotPickerState } from './SlotPicker.types.js';

const loading = { status: 'loading' } as const;

interface FetchedSlots {
  month: string;
  duration: number;
  generation: number;
  slots: Loadable<Slot[]>;
  paused?: string | undefined;
}

export function useSlotPicker(options: SlotPickerOptions): SlotPickerState {
  const api = useApi();
  const { pageId, durations, locale } = options;
  const [now] = useState(() => options.now ?? new Date());
  const [zone, setZoneState] = useState(() => startingZone(options.initialZone));
  const minMonth = dateInZone(now, zone).slice(0, 7);
  const [month, setMonth] = useState(minMonth);
  // Until the page's durations are known (they load alongside the slots), the first request asks for
  // the most common one; the page's own first duration replaces it when it differs.
  const [wantedDuration, setDuration] = useState(durations?.[0] ?? defaultDuration);
  const duration =
    durations === undefined || durations.includes(wantedDuration)
      ? wantedDuration
      : (durations[0] ?? wantedDuration);
  const [answer, setAnswer] = useState<FetchedSlots | undefined>();
  const [generation, setGeneration] = useState(0);
  const [selectedDate, setSelectedDate] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (!pageId) return;
    let current = true;
    const asked = { month, duration, generation };
    // The available set does not depend on the zone (slots are instants); only their labels do, so a
    // zone change regroups locally and the query keeps the zone the page was opened in.
    api
      .slots(pageId, slotsQuery(month, duration, zone))
      .then((value) => {
        if (!current) return;
        setAnswer({ ...asked, slots: { status: 'ready', value: value.slots }, paused: value.paused?.detail });
      })
      .catch((error: Error) => current && setAnswer({ ...asked, slots: { status: 'error', error } }));
    return () => {
      current = false;
    };
  }, [api, pageId, month, duration, generation]);

  // An answer for another month, duration or an earlier read is not shown: the page waits for its own.
  const fresh =
    answer !== undefined &&
    answer.month === month &&
    answer.duration === duration &&
    answer.generation === generation;
  const slots = fresh ? answer.slots : loading;
  const paused = fresh ? answer.paused : undefined;

  const byDate = useMemo(() => {
    const map = new Map<string, Slot[]>();
    if (slots.status !== 'ready') return map;
    for (const slot of slots.value) {
      const date = dateInZone(slot.start, zone);
      if (!date.startsWith(month) || Date.parse(slot.start) < now.getTime()) continue;
      const list = map.get(date) ?? [];
      list.push(slot);
      map.set(date, list);
    }
    return map;
  }, [slots, zone, month, now]);

  // A day stays chosen while it has times; otherwise the first day with times is shown, in the same
  // render as the times themselves.
  const shownDate =
    selectedDate !== undefined && byDate.has(selectedDate) ? selectedDate : [...byDate.keys()].sort()[0];

  return {
    zone,
    setZone: (z) => isKnownZone(z) && setZoneState(canonicalZone(z)),
    duration,
    setDuration,
    durations: durations ?? [duration],
    month,
    minMonth,
    setMonth,
    slots,
    paused,
    byDate,
    selectedDate: shownDate,
    setSelectedDate,
    refresh: () => setGeneration((g) => g + 1),
    locale,
  };
}
