import { z } from 'zod';

export const calendarSyncHealthSchema = z.object({
  calendarId: z.string(),
  subscription: z.object({
    /** active; expiring (within a day, renewal pending); missing (none, or Graph dropped it). */
    state: z.enum(['active', 'expiring', 'missing']),
    id: z.string().optional(),
    expiresAt: z.string().optional(),
  }),
  lastNotificationAt: z.string().optional(),
  lastDeltaAt: z.string().optional(),
  lastError: z.string().optional(),
  lastErrorAt: z.string().optional(),
  /** Whether Tandem can read the calendar right now as the host (one Graph read). */
  permission: z.object({ ok: z.boolean(), detail: z.string().optional() }),
});

/**
 * The host's Microsoft 365 connection as background work sees it. `broken`: Microsoft 365 refused
 * Tandem's stored sign-in (`reason`, since when); `action` says what the host does about it.
 */
export const connectionHealthSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('connected') }),
  z.object({
    state: z.literal('broken'),
    reason: z.string(),
    since: z.string(),
    action: z.string(),
  }),
]);

export const syncHealthSchema = z
  .object({
    enabled: z.boolean(),
    /** Always sent by the API. */
    connection: connectionHealthSchema.optional(),
    calendars: z.array(calendarSyncHealthSchema),
    /** This instance since start: notifications accepted and ignored (unknown subscription or wrong secret). */
    notifications: z.object({ accepted: z.number(), forged: z.number() }),
  })
  .meta({ id: 'SyncHealth' });
export type SyncHealth = z.infer<typeof syncHealthSchema>;

/** The five checks of the sync self-test, in order. */
export const selfTestStepNames = [
  'Book through your booking link',
  'Create an event in Outlook',
  'Reschedule the booking',
  'Cancel the booking',
  'Book from another time zone',
] as const;

export const selfTestStepSchema = z
  .object({
    step: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
    name: z.string(),
    status: z.enum(['pending', 'running', 'passed', 'failed']),
    /** What the step saw, or (failed) a sentence saying what went wrong. */
    detail: z.string().optional(),
    /** How long the step took; for step 2, from the Outlook event until the slot was gone. */
    ms: z.number().optional(),
  })
  .meta({ id: 'SelfTestStep' });
export type SelfTestStep = z.infer<typeof selfTestStepSchema>;

export const selfTestRunSchema = z
  .object({
    runId: z.string(),
    status: z.enum(['running', 'passed', 'failed']),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    steps: z.array(selfTestStepSchema),
  })
  .meta({ id: 'SelfTestRun' });
export type SelfTestRun = z.infer<typeof selfTestRunSchema>;

/** Path of `GET /api/sync/selftest/{runId}`. */
export const selfTestRunParamsSchema = z.strictObject({
  runId: z.string().regex(/^st_[A-Za-z0-9_-]{8,40}$/, 'This is not a self-test run id.'),
});
