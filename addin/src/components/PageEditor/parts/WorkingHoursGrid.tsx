import { Button, Checkbox, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { useStrings } from '../../../i18n/index.js';
import { addDays } from '../../../time/wallclock.js';
import { knownZones } from '../../../time/zones.js';
import type { PartProps } from '../PageEditor.types.js';
import { officeHours, type Interval, type WorkingHoursDraft } from '../draft.js';
import { errorProps } from './fieldProps.js';
import { IntervalRows } from './IntervalRows.js';

const useStyles = makeStyles({
  day: {
    display: 'grid',
    gridTemplateColumns: 'minmax(7em, max-content) 1fr',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    paddingBlock: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  dayName: { fontWeight: tokens.fontWeightSemibold, paddingTop: tokens.spacingVerticalS },
});

/**
 * Weekly hours in one zone (Monday to Sunday, several intervals a day) and date overrides (other hours,
 * or none for a day off). Unticking "Use my Outlook working hours" starts from Monday–Friday 09–17.
 */
export function WorkingHoursGrid({ draft, update, error, zone }: PartProps & { zone: string }) {
  const t = useStrings().editor;
  const s = useStyles();
  const zones = useMemo(knownZones, []);
  const hours = draft.workingHours;
  const setHours = (change: (h: WorkingHoursDraft) => WorkingHoursDraft) =>
    update((p) => (p.workingHours ? { ...p, workingHours: change(p.workingHours) } : p));

  return (
    <fieldset>
      <legend>{t.workingHours}</legend>
      <Checkbox
        label={t.useOutlookHours}
        checked={hours === undefined}
        onChange={(_, d) =>
          update(({ workingHours: _old, ...p }) =>
            d.checked === true ? p : { ...p, workingHours: officeHours(zone) },
          )
        }
      />
      {hours && (
        <>
          <Field label={t.workingZone} {...errorProps(error('workingHours.timeZone'))}>
            <Select
              value={hours.timeZone}
              onChange={(_, d) => setHours((h) => ({ ...h, timeZone: d.value }))}
            >
              {(zones.includes(hours.timeZone) ? zones : [hours.timeZone, ...zones]).map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </Select>
          </Field>
          {error('workingHours.weekly') && <p role="alert">{error('workingHours.weekly')}</p>}
          {t.days.map((dayName, index) => {
            const day = index + 1;
            const ofDay = hours.weekly
              .map((rule, at) => ({ rule, at }))
              .filter(({ rule }) => rule.day === day);
            const setDay = (intervals: Interval[]) =>
              setHours((h) => {
                // Keep the other days' rules in place; this day's follow in its new order.
                const others = h.weekly.filter((r) => r.day !== day);
                return { ...h, weekly: [...others, ...intervals.map((v) => ({ day, ...v }))] };
              });
            return (
              <div key={day} className={s.day} role="group" aria-label={dayName}>
                <span className={s.dayName}>{dayName}</span>
                <div>
                  {ofDay.length === 0 && <p>{t.unavailable}</p>}
                  <IntervalRows
                    intervals={ofDay.map(({ rule }) => ({ from: rule.from, to: rule.to }))}
                    onChange={setDay}
                    labels={{
                      from: (n) => t.fromOf(dayName, n),
                      to: (n) => t.toOf(dayName, n),
                      remove: (n) => t.removeHoursOf(dayName, n),
                    }}
                    error={(i, part) => {
                      const at = `workingHours.weekly[${ofDay[i]?.at ?? -1}]`;
                      return error(part ? `${at}.${part}` : at);
                    }}
                  />
                  <Button
                    onClick={() => {
                      const last = ofDay[ofDay.length - 1]?.rule;
                      const from = last ? last.to : '09:00';
                      setDay([
                        ...ofDay.map(({ rule }) => ({ from: rule.from, to: rule.to })),
                        { from, to: from < '23:00' ? addHour(from) : '24:00' },
                      ]);
                    }}
                  >
                    {t.addInterval(dayName)}
                  </Button>
                </div>
              </div>
            );
          })}
          <Overrides hours={hours} setHours={setHours} error={error} />
        </>
      )}
    </fieldset>
  );
}

/** Tomorrow, or the day after the latest override: a new override never repeats a date. */
function nextFreeDate(overrides: WorkingHoursDraft['overrides']): string {
  const tomorrow = addDays(new Date().toISOString().slice(0, 10), 1);
  const latest = overrides
    .map((o) => o.date)
    .sort()
    .at(-1);
  return latest && latest >= tomorrow ? addDays(latest, 1) : tomorrow;
}

function addHour(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return `${String(Math.min(h + 1, 24)).padStart(2, '0')}:${String(h + 1 >= 24 ? 0 : m).padStart(2, '0')}`;
}

/** Dates with other hours than the weekly ones; a date with no interval is a day off. */
function Overrides({
  hours,
  setHours,
  error,
}: {
  hours: WorkingHoursDraft;
  setHours(change: (h: WorkingHoursDraft) => WorkingHoursDraft): void;
  error: PartProps['error'];
}) {
  const t = useStrings().editor;
  const setAt = (i: number, change: Partial<WorkingHoursDraft['overrides'][number]>) =>
    setHours((h) => ({ ...h, overrides: h.overrides.map((o, j) => (j === i ? { ...o, ...change } : o)) }));
  return (
    <fieldset>
      <legend>{t.overrides}</legend>
      {hours.overrides.length === 0 && <p>{t.noOverrides}</p>}
      {hours.overrides.map((o, i) => {
        const n = i + 1;
        const at = `workingHours.overrides[${i}]`;
        return (
          <div key={i} role="group" aria-label={t.overrideN(n)}>
            <Field label={t.overrideDateN(n)} {...errorProps(error(`${at}.date`))}>
              <Input type="date" value={o.date} onChange={(_, d) => setAt(i, { date: d.value })} />
            </Field>
            {o.intervals.length === 0 && <p>{t.overrideDayOff}</p>}
            <IntervalRows
              intervals={o.intervals}
              onChange={(intervals) => setAt(i, { intervals })}
              labels={{
                from: (k) => t.fromOf(t.overrideN(n), k),
                to: (k) => t.toOf(t.overrideN(n), k),
                remove: (k) => t.removeHoursOf(t.overrideN(n), k),
              }}
              error={(k, part) => error(part ? `${at}.intervals[${k}].${part}` : `${at}.intervals[${k}]`)}
            />
            <Button onClick={() => setAt(i, { intervals: [...o.intervals, { from: '09:00', to: '17:00' }] })}>
              {t.addInterval(t.overrideN(n))}
            </Button>{' '}
            <Button
              onClick={() => setHours((h) => ({ ...h, overrides: h.overrides.filter((_, j) => j !== i) }))}
            >
              {t.removeOverrideN(n)}
            </Button>
          </div>
        );
      })}
      <Button
        onClick={() =>
          setHours((h) => ({
            ...h,
            overrides: [...h.overrides, { date: nextFreeDate(h.overrides), intervals: [] }],
          }))
        }
      >
        {t.addOverride}
      </Button>
    </fieldset>
  );
}
