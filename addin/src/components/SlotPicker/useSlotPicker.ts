import { useEffect, useMemo, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { Slot } from '../../api/types.js';
import { dateInZone, detectZone, isKnownZone, monthRange } from '../../time/zones.js';
import type { Loadable, SlotPickerOptions, SlotPickerState } from './SlotPicker.types.js';

export function useSlotPicker(options: SlotPickerOptions): SlotPickerState {
  const api = useApi();
  const { pageId, durations, locale } = options;
  const [now] = useState(() => options.now ?? new Date());
  const [zone, setZoneState] = useState(() => {
    const wanted = options.initialZone ?? detectZone();
    return isKnownZone(wanted) ? wanted : 'UTC';
  });
  const minMonth = dateInZone(now, zone).slice(0, 7);
  const [month, setMonth] = useState(minMonth);
  const [duration, setDuration] = useState(durations[0] ?? 30);
  const [slots, setSlots] = useState<Loadable<Slot[]>>({ status: 'loading' });
  const [paused, setPaused] = useState<string | undefined>();
  const [selectedDate, setSelectedDate] = useState<string | undefined>(undefined);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!durations.includes(duration) && durations[0] !== undefined) setDuration(durations[0]);
  }, [durations, duration]);

  useEffect(() => {
    let current = true;
    setSlots({ status: 'loading' });
    // The available set does not depend on the zone (slots are instants); only their labels do, so a
    // zone change regroups locally and the query keeps the zone the page was opened in.
    api
      .slots(pageId, { ...monthRange(month), duration, timeZone: zone })
      .then((answer) => {
        if (!current) return;
        setPaused(answer.paused?.detail);
        setSlots({ status: 'ready', value: answer.slots });
      })
      .catch((error: Error) => current && setSlots({ status: 'error', error }));
    return () => {
      current = false;
    };
  }, [api, pageId, month, duration, generation]);

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

  // Keep a day chosen: the first day with times when the chosen one has none.
  useEffect(() => {
    if (slots.status !== 'ready') return;
    if (selectedDate && byDate.has(selectedDate)) return;
    const first = [...byDate.keys()].sort()[0];
    if (first !== selectedDate) setSelectedDate(first);
  }, [byDate, slots.status, selectedDate]);

  return {
    zone,
    setZone: (z) => isKnownZone(z) && setZoneState(z),
    duration,
    setDuration,
    durations,
    month,
    minMonth,
    setMonth,
    slots,
    paused,
    byDate,
    selectedDate,
    setSelectedDate,
    refresh: () => setGeneration((g) => g + 1),
    locale,
  };
}
