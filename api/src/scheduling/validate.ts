import { z } from 'zod';
import { SchedulingInputError } from './errors.js';
import type { MinuteInterval, ValidHost, ValidQuery } from './model.js';
import { DAY_MS, parseInstant, parseLocalDate, parseWallTime } from './time-text.js';
import type { AvailabilityQuery, SchedulingErrorCode } from './types.js';
import { validBookings, validBusyList } from './validate-items.js';
import { isKnownZone } from './wallclock.js';

const MAX_RANGE_MS = 366 * DAY_MS;

/** A zod issue's `params` carry the literal code the caller will see. */
const refusal = (code: SchedulingErrorCode, message: string) => ({ message, params: { code } });

const isWhole = (n: number): boolean => Number.isInteger(n) && n >= 0;

const instant = z.string().transform((text, ctx) => {
  const ms = parseInstant(text);
  if (ms !== undefined) return ms;
  ctx.addIssue({
    code: 'custom',
    ...refusal('INVALID_INSTANT', `"${text}" is not an ISO-8601 instant with an offset.`),
  });
  return z.NEVER;
});

const localDate = z.string().transform((text, ctx) => {
  const day = parseLocalDate(text);
  if (day !== undefined) return day;
  ctx.addIssue({ code: 'custom', ...refusal('INVALID_DATE', `"${text}" is not a date (YYYY-MM-DD).`) });
  return z.NEVER;
});

const wallTime = (allowEndOfDay: boolean) =>
  z.string().transform((text, ctx) => {
    const minute = parseWallTime(text, allowEndOfDay);
    if (minute !== undefined) return minute;
    const range = allowEndOfDay ? '00:00–24:00' : '00:00–23:59';
    ctx.addIssue({
      code: 'custom',
      ...refusal('INVALID_TIME', `"${text}" is not a time (HH:mm, ${range}).`),
    });
    return z.NEVER;
  });

const timeZone = z
  .string()
  .refine(isKnownZone, refusal('INVALID_TIME_ZONE', 'Not an IANA time zone (e.g. "Europe/London").'));

const minutes = z.number().refine(isWhole, refusal('INVALID_MINUTES', 'Minutes must be a whole number ≥ 0.'));
const fiveMinuteSteps = z
  .number()
  .refine(
    (n) => isWhole(n) && n % 5 === 0,
    refusal('INVALID_MINUTES', 'Minutes must be a multiple of 5, ≥ 0.'),
  );
const positiveFiveMinuteSteps = z
  .number()
  .refine(
    (n) => isWhole(n) && n > 0 && n % 5 === 0,
    refusal('INVALID_MINUTES', 'Minutes must be a multiple of 5, > 0.'),
  );
const count = z.number().refine(isWhole, refusal('INVALID_INPUT', 'Must be a whole number ≥ 0.'));

function endsAfterStart<T extends MinuteInterval>(value: T, ctx: z.RefinementCtx): T {
  if (value.to > value.from) return value;
  ctx.addIssue({
    code: 'custom',
    path: ['to'],
    ...refusal('OVERLAPPING_INTERVALS', 'A working-hours interval must end after it starts.'),
  });
  return z.NEVER;
}

const interval = z.object({ from: wallTime(false), to: wallTime(true) }).transform(endsAfterStart);

const isoWeekday = z
  .number()
  .refine(
    (n) => Number.isInteger(n) && n >= 1 && n <= 7,
    refusal('INVALID_INPUT', 'ISO weekday 1 (Monday) … 7 (Sunday).'),
  );
const weeklyRule = z
  .object({ day: isoWeekday, from: wallTime(false), to: wallTime(true) })
  .transform(endsAfterStart);

const workingHours = z.object({
  weekly: z.array(weeklyRule),
  overrides: z.array(z.object({ date: localDate, intervals: z.array(interval) })),
});

const host = z.object({
  id: z.string().min(1),
  timeZone,
  workingHours,
  // Checked by validate-items.ts after the schema.
  busy: z.unknown(),
  bookings: z.unknown(),
  weight: z
    .number()
    .refine((n) => Number.isFinite(n) && n > 0, refusal('INVALID_WEIGHT', 'A weight must be greater than 0.'))
    .optional(),
  priority: z
    .number()
    .refine(Number.isFinite, refusal('INVALID_INPUT', 'A priority must be a finite number.'))
    .optional(),
});

const page = z.object({
  id: z.string(),
  durations: z.array(positiveFiveMinuteSteps).min(1),
  slotIntervalMinutes: positiveFiveMinuteSteps.optional(),
  bufferBeforeMinutes: fiveMinuteSteps,
  bufferAfterMinutes: fiveMinuteSteps,
  minimumNoticeMinutes: minutes,
  window: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('rolling'), days: count }),
    z.object({ kind: z.literal('fixed'), startDate: localDate, endDate: localDate }),
  ]),
  maxBookingsPerDay: count.optional(),
  busyRules: z.object({
    tentativeBlocks: z.boolean().default(false),
    workingElsewhereBlocks: z.boolean().default(false),
    privateBlocks: z.boolean().default(true),
  }),
  team: z
    .object({
      kind: z.enum(['collective', 'roundRobin']),
      policy: z.enum(['equal', 'weighted', 'priority']).default('equal'),
      assignmentPeriodDays: count.default(30),
    })
    .optional(),
});

const query = z.object({
  page,
  hosts: z.array(host),
  now: instant,
  range: z.object({ start: instant, end: instant }),
  durationMinutes: positiveFiveMinuteSteps,
  inviteeTimeZone: timeZone,
  ignoreBookingId: z.string().optional(),
});

type ParsedQuery = z.infer<typeof query>;
type ParsedHost = ParsedQuery['hosts'][number];

/** `['hosts', 1, 'timeZone']` → `hosts[1].timeZone`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += (text === '' ? '' : '.') + String(key);
  }
  return text === '' ? 'query' : text;
}

function codeOf(issue: z.core.$ZodIssue): SchedulingErrorCode {
  const params =
    issue.code === 'custom' ? (issue.params as { code?: SchedulingErrorCode } | undefined) : undefined;
  return params?.code ?? 'INVALID_INPUT';
}

/** Sorts one day's intervals and refuses any two that overlap (touching is fine). */
function dayIntervals(intervals: { value: MinuteInterval; field: string }[]): MinuteInterval[] {
  intervals.sort((a, b) => a.value.from - b.value.from);
  for (let i = 1; i < intervals.length; i++) {
    const current = intervals[i]!;
    if (current.value.from < intervals[i - 1]!.value.to) {
      throw new SchedulingInputError(
        'OVERLAPPING_INTERVALS',
        current.field,
        'Working-hours intervals of one day overlap.',
      );
    }
  }
  return intervals.map(({ value }) => ({ from: value.from, to: value.to }));
}

function validHost(parsed: ParsedHost, index: number): ValidHost {
  const field = `hosts[${index}].workingHours`;
  const byDay: { value: MinuteInterval; field: string }[][] = [[], [], [], [], [], [], [], []];
  parsed.workingHours.weekly.forEach((rule, i) => {
    byDay[rule.day]!.push({ value: rule, field: `${field}.weekly[${i}]` });
  });
  const overrides = new Map<number, MinuteInterval[]>();
  parsed.workingHours.overrides.forEach((override, i) => {
    if (overrides.has(override.date)) {
      throw new SchedulingInputError(
        'INVALID_INPUT',
        `${field}.overrides[${i}].date`,
        'Two overrides for one date.',
      );
    }
    const intervals = override.intervals.map((value, j) => ({
      value,
      field: `${field}.overrides[${i}].intervals[${j}]`,
    }));
    overrides.set(override.date, dayIntervals(intervals));
  });
  return {
    id: parsed.id,
    timeZone: parsed.timeZone,
    weekly: byDay.map(dayIntervals),
    overrides,
    busy: validBusyList(parsed.busy, `hosts[${index}].busy`),
    bookings: validBookings(parsed.bookings, `hosts[${index}].bookings`),
    weight: parsed.weight ?? 1,
    priority: parsed.priority ?? 0,
  };
}

/**
 * Checks a query against docs/scheduling.md and returns it in the engine's working units.
 * @throws SchedulingInputError naming the first offending field.
 * @example
 * // a 7-minute buffer is refused: buffers are multiples of 5
 * validateQuery({ ...query, page: { ...page, bufferBeforeMinutes: 7 } });
 * // → SchedulingInputError { code: 'INVALID_MINUTES', field: 'page.bufferBeforeMinutes' }
 */
export function validateQuery(input: AvailabilityQuery): ValidQuery {
  const result = query.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new SchedulingInputError(codeOf(issue), fieldPath(issue.path), issue.message);
  }
  const parsed = result.data;
  if (parsed.hosts.length === 0) {
    throw new SchedulingInputError('EMPTY_TEAM', 'hosts', 'A page needs at least one host.');
  }
  if (parsed.page.team === undefined && parsed.hosts.length > 1) {
    throw new SchedulingInputError('INVALID_INPUT', 'hosts', 'A personal page has exactly one host.');
  }
  const ids = new Set<string>();
  parsed.hosts.forEach((h, i) => {
    if (ids.has(h.id))
      throw new SchedulingInputError('INVALID_INPUT', `hosts[${i}].id`, `Host "${h.id}" appears twice.`);
    ids.add(h.id);
  });
  if (parsed.range.end < parsed.range.start) {
    throw new SchedulingInputError('INVALID_RANGE', 'range.end', 'The range ends before it starts.');
  }
  if (parsed.range.end - parsed.range.start > MAX_RANGE_MS) {
    throw new SchedulingInputError('RANGE_TOO_LONG', 'range.end', 'The range spans more than 366 days.');
  }
  if (!parsed.page.durations.includes(parsed.durationMinutes)) {
    throw new SchedulingInputError(
      'DURATION_NOT_OFFERED',
      'durationMinutes',
      `The page does not offer ${parsed.durationMinutes} minutes.`,
    );
  }
  const window = parsed.page.window;
  if (window.kind === 'fixed' && window.endDate < window.startDate) {
    throw new SchedulingInputError(
      'INVALID_RANGE',
      'page.window.endDate',
      'The window ends before it starts.',
    );
  }
  return {
    page: {
      ...parsed.page,
      window:
        window.kind === 'rolling'
          ? window
          : { kind: 'fixed', startDay: window.startDate, endDay: window.endDate },
    },
    hosts: parsed.hosts.map(validHost),
    now: parsed.now,
    rangeStart: parsed.range.start,
    rangeEnd: parsed.range.end,
    durationMinutes: parsed.durationMinutes,
    inviteeTimeZone: parsed.inviteeTimeZone,
    ignoreBookingId: parsed.ignoreBookingId,
  };
}

/** An instant argument outside the query (explain's `start`). */
export function validateInstant(text: unknown, field: string): number {
  const ms = typeof text === 'string' ? parseInstant(text) : undefined;
  if (ms === undefined) {
    throw new SchedulingInputError(
      'INVALID_INSTANT',
      field,
      `${JSON.stringify(text)} is not an ISO-8601 instant with an offset.`,
    );
  }
  return ms;
}
