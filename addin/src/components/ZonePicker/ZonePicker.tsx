import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useStrings } from '../../i18n/index.js';
import { knownZones, offsetLabel, zoneSearchText } from '../../time/zones.js';

export interface ZonePickerProps {
  zone: string;
  onChange(zone: string): void;
  /** The instant offsets are shown for (offsets move with DST). */
  at: Date;
  locale: string;
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  select: { minWidth: '260px' },
});

const label = (zone: string, at: Date, locale: string) =>
  `${zone.replace(/_/g, ' ')} (${offsetLabel(zone, at, locale)})`;

const normalize = (query: string) =>
  query
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, ' ');

const matching = (query: string) => {
  const q = normalize(query);
  return q ? knownZones().filter((z) => zoneSearchText(z).includes(q)) : [];
};

/**
 * Every IANA zone in a native select (keyboard and screen readers know it), narrowed by a search box:
 * "tokyo", "new york", "kolkata" or "calcutta" find their zone by any part of the name. Until the
 * select is focused, pressed or searched, it holds only the current zone: labelling four hundred
 * zones is work the first view of the page does not need.
 */
export function ZonePicker({ zone, onChange, at, locale }: ZonePickerProps) {
  const t = useStrings().booking;
  const s = useStyles();
  const [expanded, setExpanded] = useState(false);
  const [query, setQuery] = useState('');
  const expand = () => setExpanded(true);

  const shown = useMemo(() => {
    if (!expanded && !query) return [zone];
    const list = query.trim() ? matching(query) : knownZones();
    return list.includes(zone) ? list : [zone, ...list];
  }, [expanded, query, zone]);
  // Offsets are read for the minute shown: re-labelling on every render would redo them all.
  const minute = Math.floor(at.getTime() / 60_000);
  const options = useMemo(() => {
    const instant = new Date(minute * 60_000);
    return shown.map((z) => (
      <option key={z} value={z}>
        {label(z, instant, locale)}
      </option>
    ));
  }, [shown, minute, locale]);

  const onSearch = (value: string) => {
    setQuery(value);
    setExpanded(true);
    // One match is the answer: take it without a second step.
    const matches = matching(value);
    if (matches.length === 1 && matches[0] !== zone) onChange(matches[0]!);
  };
  return (
    <div className={s.root}>
      <Field label={t.zoneSearch}>
        <Input
          type="search"
          value={query}
          placeholder={t.zoneSearchHint}
          onChange={(_, d) => onSearch(d.value)}
        />
      </Field>
      <Field label={t.timeZone}>
        <Select
          className={s.select}
          value={zone}
          onFocus={expand}
          onPointerDown={expand}
          onChange={(_, d) => onChange(d.value)}
        >
          {options}
        </Select>
      </Field>
    </div>
  );
}
