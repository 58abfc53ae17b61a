import { Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useStrings } from '../../i18n/index.js';
import { knownZones, offsetLabel } from '../../time/zones.js';

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

/**
 * Every IANA zone in a native select (keyboard and screen readers know it), narrowed by a search box:
 * "tokyo", "new york" or "kolkata" find their zone by any part of the name.
 */
export function ZonePicker({ zone, onChange, at, locale }: ZonePickerProps) {
  const t = useStrings().booking;
  const s = useStyles();
  const zones = useMemo(knownZones, []);
  const [query, setQuery] = useState('');
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase().replace(/\s+/g, '_');
    const list = q ? zones.filter((z) => z.toLowerCase().includes(q)) : zones;
    return list.includes(zone) ? list : [zone, ...list];
  }, [zones, query, zone]);
  const onSearch = (value: string) => {
    setQuery(value);
    // One match is the answer: take it without a second step.
    const q = value.trim().toLowerCase().replace(/\s+/g, '_');
    const matches = q ? zones.filter((z) => z.toLowerCase().includes(q)) : [];
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
        <Select className={s.select} value={zone} onChange={(_, d) => onChange(d.value)}>
          {shown.map((z) => (
            <option key={z} value={z}>
              {label(z, at, locale)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
