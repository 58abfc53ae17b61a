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

export const syncHealthSchema = z
  .object({
    enabled: z.boolean(),
    calendars: z.array(calendarSyncHealthSchema),
    /** This instance since start: notifications accepted and ignored (unknown subscription or wrong secret). */
    notifications: z.object({ accepted: z.number(), forged: z.number() }),
  })
  .meta({ id: 'SyncHealth' });
export type SyncHealth = z.infer<typeof syncHealthSchema>;
