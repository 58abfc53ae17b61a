import { z } from 'zod';
import { opaqueId } from './fields.js';
import { pageRulesSchema, workingHoursSchema } from './pages.js';

/** Body of `PUT /api/me/settings` and the settings part of `GET /api/me`. */
export const settingsSchema = z
  .strictObject({
    /** Busy on any of them = busy. */
    availabilityCalendarIds: z
      .array(opaqueId('Calendar'))
      .min(1, { error: 'Choose at least one calendar to check for conflicts.' })
      .max(20, { error: 'Choose at most 20 calendars.' })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'Each calendar may be chosen once.' }),
    /** Where booked meetings are created. */
    destinationCalendarId: opaqueId('Destination calendar'),
    /** Rules new pages start with. */
    defaultRules: pageRulesSchema.default(() => pageRulesSchema.parse({})),
    /** Absent: Outlook's working hours. */
    workingHours: workingHoursSchema.optional(),
  })
  .meta({ id: 'Settings' });
export type Settings = z.infer<typeof settingsSchema>;

export const calendarSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    canEdit: z.boolean(),
    isDefault: z.boolean(),
    color: z.string().optional(),
  })
  .meta({ id: 'Calendar' });

/** Answer of `GET /api/me`. */
export const meSchema = z
  .object({
    user: z.object({ id: z.string(), tenantId: z.string(), displayName: z.string(), upn: z.string() }),
    connection: z.object({
      state: z.enum(['connected', 'consentRequired', 'error']),
      detail: z.string().optional(),
    }),
    calendars: z.array(calendarSchema),
    mailbox: z.object({
      timeZone: z.string().meta({ description: 'IANA zone (Outlook Windows names are mapped).' }),
      workingHours: z.object({
        daysOfWeek: z.array(z.string()),
        startTime: z.string(),
        endTime: z.string(),
        timeZone: z.string(),
      }),
    }),
    settings: settingsSchema.optional().meta({ description: 'Absent until the host saves settings once.' }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
