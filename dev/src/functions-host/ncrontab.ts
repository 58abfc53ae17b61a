/**
 * Six-field NCRONTAB schedules, as Azure Functions timer triggers write them:
 * `{second} {minute} {hour} {day} {month} {day-of-week}`, evaluated in UTC.
 *
 * Supported in each field: `*`, a value (`5`), a range (`9-17`), a list (`0,30`), a step (`*\/10`,
 * `9-17/2`, `5/15`), and English names for months (`Jan`) and days (`Mon`). Day of week is 0–6 from
 * Sunday (7 is Sunday too). As in NCrontab, a time matches when every field matches (day of month AND
 * day of week). Not supported: the TimeSpan form (`01:00:00`) and `WEBSITE_TIME_ZONE`.
 */
export interface Schedule {
  seconds: ReadonlySet<number>;
  minutes: ReadonlySet<number>;
  hours: ReadonlySet<number>;
  days: ReadonlySet<number>;
  months: ReadonlySet<number>;
  weekdays: ReadonlySet<number>;
}

/** A schedule the host cannot read; `field` names the part. */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  readonly code = 'INVALID_SCHEDULE';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const dayNames = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const fields = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: monthNames, offset: 1 },
  { name: 'day-of-week', min: 0, max: 7, names: dayNames, offset: 0 },
] as const;

type FieldSpec = (typeof fields)[number];

function value(text: string, spec: FieldSpec): number {
  const lower = text.toLowerCase();
  if ('names' in spec) {
    const index = spec.names.indexOf(lower);
    if (index >= 0) return index + spec.offset;
  }
  if (!/^\d+$/.test(text)) throw new ScheduleError(spec.name, `"${text}" is not a ${spec.name} value.`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) {
    throw new ScheduleError(spec.name, `${spec.name} ${n} is outside ${spec.min}–${spec.max}.`);
  }
  return n;
}

function parseField(text: string, spec: FieldSpec): Set<number> {
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1)
      throw new ScheduleError(spec.name, `Step "${stepText}" must be a whole number ≥ 1.`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [spec.min, spec.max];
    else if (range!.includes('-')) {
      const [a, b] = range!.split('-');
      [from, to] = [value(a!, spec), value(b!, spec)];
      if (to < from) throw new ScheduleError(spec.name, `Range "${range}" runs backwards.`);
    } else {
      from = value(range!, spec);
      to = stepText === undefined ? from : spec.max;
    }
    for (let n = from; n <= to; n += step) out.add(spec.name === 'day-of-week' && n === 7 ? 0 : n);
  }
  return out;
}

export function parseSchedule(expression: string): Schedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new ScheduleError(
      'schedule',
      `"${expression}" has ${parts.length} fields; NCRONTAB needs six: second minute hour day month day-of-week.`,
    );
  }
  const [seconds, minutes, hours, days, months, weekdays] = parts.map((p, i) => parseField(p, fields[i]!));
  return {
    seconds: seconds!,
    minutes: minutes!,
    hours: hours!,
    days: days!,
    months: months!,
    weekdays: weekdays!,
  };
}

/**
 * The first instant strictly after `after` that the schedule names.
 * @example
 * nextOccurrence(parseSchedule('0 *\/5 * * * *'), new Date('2026-04-15T09:02:30Z')) // 09:05:00Z
 */
export function nextOccurrence(schedule: Schedule, after: Date): Date {
  let t = Math.floor(after.getTime() / 1000) * 1000 + 1000;
  const limit = t + 5 * 366 * 86_400_000;
  while (t < limit) {
    const d = new Date(t);
    const [y, mo, day, h, mi] = [
      d.getUTCFullYear(),
      d.getUTCMonth(),
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
    ];
    if (!schedule.months.has(mo + 1) || !schedule.days.has(day) || !schedule.weekdays.has(d.getUTCDay())) {
      t = Date.UTC(y, mo, day + 1);
    } else if (!schedule.hours.has(h)) {
      t = Date.UTC(y, mo, day, h + 1);
    } else if (!schedule.minutes.has(mi)) {
      t = Date.UTC(y, mo, day, h, mi + 1);
    } else if (!schedule.seconds.has(d.getUTCSeconds())) {
      t += 1000;
    } else {
      return d;
    }
  }
  throw new ScheduleError('schedule', 'The schedule names no time in the next five years.');
}
