import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Interval } from '../draft.js';
import { errorProps } from './fieldProps.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
});

export interface IntervalRowsProps {
  intervals: readonly Interval[];
  onChange(intervals: Interval[]): void;
  /** Accessible names of each row's inputs and button ("Monday from (2)"). */
  labels: { from(n: number): string; to(n: number): string; remove(n: number): string };
  /** The API's sentence for an interval (`…[i]`, `…[i].from`, `…[i].to`). */
  error(i: number, part?: 'from' | 'to'): string | undefined;
}

/** Start and end times of one day's intervals, each removable. */
export function IntervalRows({ intervals, onChange, labels, error }: IntervalRowsProps) {
  const s = useStyles();
  const setAt = (i: number, change: Partial<Interval>) =>
    onChange(intervals.map((v, j) => (j === i ? { ...v, ...change } : v)));
  return (
    <>
      {intervals.map((interval, i) => {
        const n = i + 1;
        return (
          <div key={i} className={s.row}>
            <Field label={labels.from(n)} {...errorProps(error(i, 'from'))}>
              <Input type="time" value={interval.from} onChange={(_, d) => setAt(i, { from: d.value })} />
            </Field>
            <Field label={labels.to(n)} {...errorProps(error(i, 'to') ?? error(i))}>
              <Input
                type="time"
                // 24:00 (end of day) shows as 23:59 in a time input; typed back it stays 24:00.
                value={interval.to === '24:00' ? '23:59' : interval.to}
                onChange={(_, d) => setAt(i, { to: d.value === '23:59' ? '24:00' : d.value })}
              />
            </Field>
            <Button onClick={() => onChange(intervals.filter((_, j) => j !== i))}>{labels.remove(n)}</Button>
          </div>
        );
      })}
    </>
  );
}
