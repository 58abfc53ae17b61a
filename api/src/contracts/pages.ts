import { z } from 'zod';
import {
  fiveMinutes,
  localDate,
  opaqueId,
  says,
  slug,
  text,
  timeZone,
  wallMinutes,
  wallTime,
  wholeNumber,
} from './fields.js';

export const locationSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('teams') }),
      z.strictObject({ kind: z.literal('inPerson'), address: text('Address', { min: 1, max: 300 }) }),
      z.strictObject({
        kind: z.literal('phone'),
        /** Who dials: the host calls the invitee's number, or the invitee calls this number. */
        caller: z.enum(['host', 'invitee'], { error: 'Caller must be "host" or "invitee".' }),
        phoneNumber: z
          .string({ error: says('Phone number', 'Phone number must be text.') })
          .regex(/^\+[1-9]\d{6,14}$/, {
            error: 'Phone number must be in international form, such as "+442071234567".',
          })
          .optional(),
      }),
      z.strictObject({
        kind: z.literal('customLink'),
        url: z.url({ protocol: /^https$/, error: 'Link must be an https:// address.' }).max(2000, {
          error: 'Link must be at most 2000 characters.',
        }),
      }),
    ],
    { error: 'Location kind must be one of "teams", "inPerson", "phone" or "customLink".' },
  )
  .meta({ id: 'Location' });

export const questionSchema = z
  .strictObject({
    id: z
      .string({ error: says('Question id', 'Question id must be text.') })
      .regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,39}$/, {
        error: 'Question id must start with a letter and use up to 40 letters, digits, "_" or "-".',
      }),
    label: text('Question', { min: 1, max: 200 }),
    kind: z.enum(['shortText', 'longText', 'choice'], {
      error: 'Question kind must be "shortText", "longText" or "choice".',
    }),
    required: z.boolean({ error: 'Required must be true or false.' }).default(false),
    options: z
      .array(text('Option', { min: 1, max: 100 }))
      .max(20, { error: 'A question may offer at most 20 options.' })
      .optional(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'choice' && (!q.options || q.options.length < 2)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'A choice question needs at least 2 options.',
      });
    }
    if (q.kind !== 'choice' && q.options) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'Only choice questions have options.' });
    }
  })
  .meta({ id: 'Question' });

const dayOfWeek = z
  .int({ error: says('Day', 'Day must be 1 (Monday) to 7 (Sunday).') })
  .min(1, { error: 'Day must be 1 (Monday) to 7 (Sunday).' })
  .max(7, { error: 'Day must be 1 (Monday) to 7 (Sunday).' });
const endsAfterStart = (i: { from: string; to: string }) => wallMinutes(i.to) > wallMinutes(i.from);
const endAfterStart = { error: 'End time must be after start time.', path: ['to'] };

const interval = z
  .strictObject({ from: wallTime('Start time'), to: wallTime('End time') })
  .refine(endsAfterStart, endAfterStart);
const weeklyRule = z
  .strictObject({ day: dayOfWeek, from: wallTime('Start time'), to: wallTime('End time') })
  .refine(endsAfterStart, endAfterStart);

function refuseOverlaps(
  ctx: z.RefinementCtx,
  intervals: { from: string; to: string; at: (string | number)[] }[],
  what: string,
): void {
  const sorted = [...intervals].sort((a, b) => wallMinutes(a.from) - wallMinutes(b.from));
  for (let i = 1; i < sorted.length; i++) {
    if (wallMinutes(sorted[i]!.from) < wallMinutes(sorted[i - 1]!.to)) {
      ctx.addIssue({
        code: 'custom',
        path: sorted[i]!.at,
        message: `${what} overlaps another interval of the same day.`,
      });
    }
  }
}

export const workingHoursSchema = z
  .strictObject({
    timeZone: timeZone('Working-hours time zone'),
    weekly: z.array(weeklyRule).max(50, { error: 'At most 50 weekly intervals.' }),
    overrides: z
      .array(
        z.strictObject({
          date: localDate('Override date'),
          intervals: z.array(interval).max(10, { error: 'At most 10 intervals per date.' }),
        }),
      )
      .max(400, { error: 'At most 400 date overrides.' })
      .default([]),
  })
  .superRefine((hours, ctx) => {
    for (let day = 1; day <= 7; day++) {
      const ofDay = hours.weekly.flatMap((r, i) => (r.day === day ? [{ ...r, at: ['weekly', i] }] : []));
      refuseOverlaps(ctx, ofDay, 'This interval');
    }
    const seen = new Set<string>();
    hours.overrides.forEach((o, i) => {
      if (seen.has(o.date))
        ctx.addIssue({
          code: 'custom',
          path: ['overrides', i, 'date'],
          message: `${o.date} has two overrides.`,
        });
      seen.add(o.date);
      refuseOverlaps(
        ctx,
        o.intervals.map((v, j) => ({ ...v, at: ['overrides', i, 'intervals', j] })),
        'This interval',
      );
    });
  })
  .meta({
    id: 'WorkingHours',
    description: 'Weekly hours in one zone, with date overrides (no interval = day off).',
  });

export const schedulingWindowSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('rolling'),
        days: wholeNumber('Booking window', { min: 1, max: 730 }),
      }),
      z
        .strictObject({
          kind: z.literal('fixed'),
          startDate: localDate('Start date'),
          endDate: localDate('End date'),
        })
        .refine((w) => w.endDate >= w.startDate, {
          error: 'End date must not be before start date.',
          path: ['endDate'],
        }),
    ],
    { error: 'Window kind must be "rolling" or "fixed".' },
  )
  .meta({ id: 'SchedulingWindow' });

export const busyRulesSchema = z.strictObject({
  tentativeBlocks: z.boolean({ error: 'Must be true or false.' }).default(false),
  workingElsewhereBlocks: z.boolean({ error: 'Must be true or false.' }).default(false),
  privateBlocks: z.boolean({ error: 'Must be true or false.' }).default(true),
});

/** The engine's PageRules (api/src/scheduling/types.ts) except id and durations, with defaults. */
export const pageRulesSchema = z
  .strictObject({
    slotIntervalMinutes: fiveMinutes('Slot interval', { min: 5, max: 1440 }).optional(),
    bufferBeforeMinutes: fiveMinutes('Buffer before', { min: 0, max: 240 }).default(0),
    bufferAfterMinutes: fiveMinutes('Buffer after', { min: 0, max: 240 }).default(0),
    minimumNoticeMinutes: wholeNumber('Minimum notice (minutes)', { min: 0, max: 525_600 }).default(0),
    window: schedulingWindowSchema.default({ kind: 'rolling', days: 60 }),
    maxBookingsPerDay: wholeNumber('Bookings per day', { min: 1, max: 100 }).optional(),
    busyRules: busyRulesSchema.default({
      tentativeBlocks: false,
      workingElsewhereBlocks: false,
      privateBlocks: true,
    }),
  })
  .meta({ id: 'PageRules' });

export const teamSchema = z
  .strictObject({
    kind: z.enum(['collective', 'roundRobin'], { error: 'Team kind must be "collective" or "roundRobin".' }),
    policy: z
      .enum(['equal', 'weighted', 'priority'], { error: 'Policy must be "equal", "weighted" or "priority".' })
      .default('equal'),
    assignmentPeriodDays: wholeNumber('Assignment period (days)', { min: 1, max: 365 }).default(30),
    members: z
      .array(
        z.strictObject({
          userId: opaqueId('Member'),
          weight: z
            .number({ error: 'Weight must be a number.' })
            .positive({ error: 'Weight must be more than 0.' })
            .max(1000, {
              error: 'Weight must be at most 1000.',
            })
            .optional(),
          priority: wholeNumber('Priority', { min: -100, max: 100 }).optional(),
        }),
      )
      .min(1, { error: 'A team page needs at least one member besides the host.' })
      .max(20, { error: 'A team page may have at most 20 members.' }),
  })
  .superRefine((team, ctx) => {
    const seen = new Set<string>();
    team.members.forEach((m, i) => {
      if (seen.has(m.userId))
        ctx.addIssue({
          code: 'custom',
          path: ['members', i, 'userId'],
          message: 'This member is listed twice.',
        });
      seen.add(m.userId);
    });
  })
  .meta({ id: 'Team', description: 'Members besides the host (the host is always the first member).' });

const durations = z
  .array(fiveMinutes('Duration', { min: 5, max: 480 }), {
    error: says('Durations', 'Durations must be a list of minutes.'),
  })
  .min(1, { error: 'Offer at least one duration.' })
  .max(10, { error: 'Offer at most 10 durations.' })
  .refine((list) => new Set(list).size === list.length, { error: 'Each duration may be offered once.' });

/** The body of `POST /api/pages` and `PUT /api/pages/{id}` (a whole page). */
export const bookingPageInputSchema = z
  .strictObject({
    title: text('Title', { min: 1, max: 120 }),
    slug,
    description: text('Description', { min: 0, max: 2000 }).default(''),
    durations,
    location: locationSchema,
    questions: z.array(questionSchema).max(20, { error: 'At most 20 questions.' }).default([]),
    rules: pageRulesSchema.default(() => pageRulesSchema.parse({})),
    /** Absent: the host's Outlook working hours. */
    workingHours: workingHoursSchema.optional(),
    team: teamSchema.optional(),
    requiresConfirmation: z.boolean({ error: 'Requires confirmation must be true or false.' }).default(false),
  })
  .superRefine((page, ctx) => {
    const ids = new Set<string>();
    page.questions.forEach((q, i) => {
      if (ids.has(q.id))
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: 'Two questions share this id.',
        });
      ids.add(q.id);
    });
  })
  .meta({ id: 'BookingPageInput' });
export type BookingPageInput = z.infer<typeof bookingPageInputSchema>;
export type BookingPageInputBody = z.input<typeof bookingPageInputSchema>;

/** A page as the host sees it. */
export const bookingPageSchema = z
  .object({
    id: z.string(),
    hostId: z.string(),
    ...bookingPageInputSchema.shape,
    createdAt: z.string(),
    updatedAt: z.string(),
    /** Send back in If-Match to update only what was read. */
    etag: z.string(),
  })
  .meta({ id: 'BookingPage' });
export type BookingPage = z.infer<typeof bookingPageSchema>;

export const bookingPageListSchema = z
  .object({ pages: z.array(bookingPageSchema) })
  .meta({ id: 'BookingPageList' });

/** What an invitee may see of a page: nothing private (no address, no rules, no members). */
export const publicPageSchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    description: z.string(),
    durations: z.array(z.int()),
    location: z.object({ kind: z.enum(['teams', 'inPerson', 'phone', 'customLink']) }),
    hostDisplayName: z.string(),
    questions: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        kind: z.string(),
        required: z.boolean(),
        options: z.array(z.string()).optional(),
      }),
    ),
    requiresConfirmation: z.boolean(),
    team: z.object({ kind: z.enum(['collective', 'roundRobin']) }).optional(),
  })
  .meta({ id: 'PublicPage' });
export type PublicPage = z.infer<typeof publicPageSchema>;
