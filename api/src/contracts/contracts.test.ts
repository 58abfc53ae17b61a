import fc from 'fast-check';
import type { z } from 'zod';
import {
  bookingListQuerySchema,
  bookingPageInputSchema,
  bookingRequestSchema,
  cancelRequestSchema,
  idempotencyKeySchema,
  rescheduleRequestSchema,
  settingsSchema,
  slotsQuerySchema,
  validationProblem,
} from './index.js';
import {
  exampleBookingRequest,
  exampleCancel,
  examplePage,
  exampleReschedule,
  exampleSettings,
  exampleSlotsQuery,
} from './examples.js';

const bodies: [string, z.ZodType, Record<string, unknown>][] = [
  ['booking page', bookingPageInputSchema, examplePage],
  ['booking request', bookingRequestSchema, exampleBookingRequest],
  ['slots query', slotsQuerySchema, exampleSlotsQuery],
  ['settings', settingsSchema, exampleSettings],
  ['reschedule', rescheduleRequestSchema, exampleReschedule],
  ['cancel', cancelRequestSchema, exampleCancel],
];

describe('valid examples', () => {
  test.each(bodies)('a complete %s is accepted', (_name, schema, body) => {
    expect(schema.safeParse(body).error).toBeUndefined();
  });

  it('fills page defaults: no buffers, rolling 60 days, private events block', () => {
    const page = bookingPageInputSchema.parse({
      title: 'x',
      slug: 'x',
      durations: [30],
      location: { kind: 'teams' },
    });
    expect(page.rules).toMatchObject({
      bufferBeforeMinutes: 0,
      window: { kind: 'rolling', days: 60 },
      busyRules: { privateBlocks: true },
    });
    expect(page.requiresConfirmation).toBe(false);
  });

  it('coerces the slots duration from the query string', () => {
    expect(slotsQuerySchema.parse(exampleSlotsQuery).duration).toBe(30);
  });

  it('splits a status list of the bookings query', () => {
    expect(bookingListQuerySchema.parse({ status: 'pending,confirmed' }).status).toEqual([
      'pending',
      'confirmed',
    ]);
  });
});

const set = (body: Record<string, unknown>, path: string, value: unknown) => {
  const copy = structuredClone(body);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === undefined) return Object.fromEntries(Object.entries(copy).filter(([k]) => k !== last));
  at[last] = value;
  return copy;
};

describe('each bad field is refused by name', () => {
  test.each([
    ['page', 'title', '', 'title', /must not be empty/],
    ['page', 'title', 'x'.repeat(121), 'title', /at most 120/],
    ['page', 'slug', 'Intro Call', 'slug', /lowercase/],
    ['page', 'durations', [], 'durations', /at least one/],
    ['page', 'durations', [30, 7], 'durations[1]', /multiple of 5/],
    ['page', 'durations', [600], 'durations[0]', /at most 8 hours/],
    ['page', 'durations', [30, 30], 'durations', /once/],
    ['page', 'location', { kind: 'zoom' }, 'location.kind', /teams/],
    ['page', 'location', { kind: 'inPerson' }, 'location.address', /Address is required/],
    ['page', 'location', { kind: 'customLink', url: 'http://x.example' }, 'location.url', /https/],
    ['page', 'rules.bufferBeforeMinutes', 7, 'rules.bufferBeforeMinutes', /multiple of 5/],
    ['page', 'rules.bufferAfterMinutes', -5, 'rules.bufferAfterMinutes', /at least 0/],
    ['page', 'rules.slotIntervalMinutes', 12.5, 'rules.slotIntervalMinutes', /whole number/],
    ['page', 'rules.minimumNoticeMinutes', -1, 'rules.minimumNoticeMinutes', /at least 0/],
    [
      'page',
      'rules.window',
      { kind: 'fixed', startDate: '2026-05-02', endDate: '2026-05-01' },
      'rules.window.endDate',
      /before start/,
    ],
    ['page', 'rules.window', { kind: 'rolling', days: 0 }, 'rules.window.days', /at least 1/],
    ['page', 'rules.maxBookingsPerDay', 0, 'rules.maxBookingsPerDay', /at least 1/],
    [
      'page',
      'rules.busyRules',
      { tentativeBlocks: 'yes' },
      'rules.busyRules.tentativeBlocks',
      /true or false/,
    ],
    ['page', 'workingHours.timeZone', 'Mars/Olympus', 'workingHours.timeZone', /IANA/],
    ['page', 'workingHours.timeZone', '+05:30', 'workingHours.timeZone', /IANA/],
    [
      'page',
      'workingHours.weekly',
      [{ day: 8, from: '09:00', to: '10:00' }],
      'workingHours.weekly[0].day',
      /Monday/,
    ],
    [
      'page',
      'workingHours.weekly',
      [{ day: 1, from: '10:00', to: '09:00' }],
      'workingHours.weekly[0].to',
      /after start/,
    ],
    [
      'page',
      'workingHours.weekly',
      [{ day: 1, from: '9:00', to: '10:00' }],
      'workingHours.weekly[0].from',
      /09:30/,
    ],
    [
      'page',
      'workingHours.weekly',
      [
        { day: 2, from: '09:00', to: '12:00' },
        { day: 2, from: '11:00', to: '13:00' },
      ],
      'workingHours.weekly[1]',
      /overlaps/,
    ],
    [
      'page',
      'workingHours.overrides',
      [{ date: '2026-02-30', intervals: [] }],
      'workingHours.overrides[0].date',
      /date such as/,
    ],
    ['page', 'team', { kind: 'roundRobin', members: [] }, 'team.members', /at least one member/],
    [
      'page',
      'team',
      { kind: 'roundRobin', members: [{ userId: 'a', weight: 0 }] },
      'team.members[0].weight',
      /more than 0/,
    ],
    ['page', 'team', { kind: 'pairs', members: [{ userId: 'a' }] }, 'team.kind', /collective/],
    [
      'page',
      'questions',
      [{ id: 'q', label: 'Pick', kind: 'choice', options: ['one'] }],
      'questions[0].options',
      /at least 2/,
    ],
    ['page', 'requiresConfirmation', 'true', 'requiresConfirmation', /true or false/],
    ['page', 'colour', 'red', 'colour', /not a field/],
    ['booking', 'name', '   ', 'name', /must not be empty/],
    ['booking', 'email', 'ada@', 'email', /email address/],
    ['booking', 'start', '2026-04-15 09:30', 'start', /offset/],
    ['booking', 'durationMinutes', 31, 'durationMinutes', /multiple of 5/],
    ['booking', 'timeZone', 'Europe/Londres', 'timeZone', /IANA/],
    ['booking', 'answers', { topic: 'x'.repeat(2001) }, 'answers.topic', /at most 2000/],
    ['booking', 'email', undefined, 'email', /Email is required/],
    ['slots', 'end', '2026-03-01T00:00:00Z', 'end', /after range start/],
    ['slots', 'end', '2026-07-01T00:00:00Z', 'end', /at most 62 days/],
    ['slots', 'duration', 'long', 'duration', /number of minutes/],
    ['settings', 'availabilityCalendarIds', [], 'availabilityCalendarIds', /at least one/],
    ['settings', 'destinationCalendarId', 'a/b', 'destinationCalendarId', /slashes/],
    ['reschedule', 'start', 'tomorrow', 'start', /offset/],
  ])('%s %s = %j → %s', (kind, path, value, field, message) => {
    const byKind: Record<string, [z.ZodType, Record<string, unknown>]> = {
      page: [bookingPageInputSchema, examplePage],
      booking: [bookingRequestSchema, exampleBookingRequest],
      slots: [slotsQuerySchema, exampleSlotsQuery],
      settings: [settingsSchema, exampleSettings],
      reschedule: [rescheduleRequestSchema, exampleReschedule],
    };
    const [schema, base] = byKind[kind]!;
    const result = schema.safeParse(set(base, path, value));
    expect(result.success).toBe(false);
    const problem = validationProblem(result.error!);
    expect(problem.status).toBe(400);
    const named = problem.errors!.find((e) => e.field === field);
    expect(named?.message).toMatch(message);
  });

  it('refuses a short Idempotency-Key with a sentence', () => {
    expect(idempotencyKeySchema.safeParse('abc').error?.issues[0]?.message).toMatch(/8 to 200/);
  });
});

describe('fuzzed bodies', () => {
  /** Either a parsed value or a 400 problem naming fields; anything else thrown fails the property. */
  const parseOrProblem = (schema: z.ZodType, body: unknown) => {
    const result = schema.safeParse(body);
    if (result.success) return;
    const problem = validationProblem(result.error);
    expect(problem.status).toBe(400);
    expect(problem.errors!.length).toBeGreaterThan(0);
    for (const e of problem.errors!) {
      expect(typeof e.field).toBe('string');
      expect(e.message.length).toBeGreaterThan(0);
    }
  };

  test.each(bodies)('random JSON as a %s parses or becomes a 400 problem', (_name, schema) => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => parseOrProblem(schema, body)),
      { numRuns: 300 },
    );
  });

  test.each(bodies)(
    'a %s with one field replaced by anything parses or becomes a 400 problem',
    (_name, schema, base) => {
      const keys = Object.keys(base);
      fc.assert(
        fc.property(
          fc.constantFrom(...keys),
          fc.anything({ withObjectString: true, withNullPrototype: true }),
          (key, value) => parseOrProblem(schema, { ...base, [key]: value }),
        ),
        { numRuns: 300 },
      );
    },
  );

  it('names the replaced field when a page field is replaced by a wrong type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('title', 'slug', 'durations', 'location', 'rules', 'requiresConfirmation'),
        fc.integer(),
        (key, value) => {
          const result = bookingPageInputSchema.safeParse({ ...examplePage, [key]: value });
          expect(result.success).toBe(false);
          expect(validationProblem(result.error!).errors!.some((e) => e.field.startsWith(key))).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
