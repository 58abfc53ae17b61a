import { GraphError } from '../../errors.js';
import type { MailboxSettings } from '../../state/graph-types.js';
import { requireIanaZone, toWindowsZone } from '../../state/time-zones.js';
import { MAILBOX_SETTINGS_READ, type GraphRoute } from '../graph-route.js';
import { odataContext, renderMailboxSettings } from '../views.js';

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function invalid(field: string, problem: string): GraphError {
  return new GraphError(400, 'ErrorInvalidRequest', `Invalid value for '${field}': ${problem}.`);
}

/** A workingHours body, each field checked; times are Graph's "08:30:00.0000000" spelling. */
function workingHours(value: unknown): MailboxSettings['workingHours'] {
  if (!value || typeof value !== 'object') throw invalid('workingHours', 'expected an object');
  const w = value as Record<string, unknown>;
  if (!Array.isArray(w.daysOfWeek) || !w.daysOfWeek.every((d) => typeof d === 'string' && DAYS.includes(d))) {
    throw invalid('workingHours.daysOfWeek', `expected an array of ${DAYS.join(', ')}`);
  }
  const time = (field: 'startTime' | 'endTime') => {
    const t = w[field];
    const m =
      typeof t === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,7})?)?$/.exec(t) : null;
    if (!m) throw invalid(`workingHours.${field}`, 'expected a time of day like 08:30:00.0000000');
    return `${m[1]}:${m[2]}:${m[3] ?? '00'}.0000000`;
  };
  const zone = (w.timeZone as { name?: unknown } | undefined)?.name;
  if (typeof zone !== 'string') throw invalid('workingHours.timeZone.name', 'expected a time zone name');
  requireIanaZone(zone, 'workingHours.timeZone.name');
  return {
    daysOfWeek: w.daysOfWeek as MailboxSettings['workingHours']['daysOfWeek'],
    startTime: time('startTime'),
    endTime: time('endTime'),
    timeZone: { name: zone },
  };
}

const WRITE = { delegated: ['MailboxSettings.ReadWrite'], application: ['MailboxSettings.ReadWrite'] };

export const mailboxSettingsRoutes: GraphRoute[] = [
  {
    method: 'GET',
    path: '/mailboxSettings',
    scope: 'mailbox',
    permissions: MAILBOX_SETTINGS_READ,
    handler: ({ env, mailbox }) => ({
      status: 200,
      body: {
        '@odata.context': odataContext(env.urls.graphBaseUrl, `users('${mailbox!.id}')/mailboxSettings`),
        ...renderMailboxSettings(mailbox!),
      },
    }),
  },
  {
    method: 'PATCH',
    path: '/mailboxSettings',
    scope: 'mailbox',
    permissions: WRITE,
    handler: ({ req, env, mailbox }) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const patch: Partial<MailboxSettings> = {};
      if (body.timeZone !== undefined) {
        if (typeof body.timeZone !== 'string')
          throw new GraphError(
            400,
            'ErrorInvalidRequest',
            "Invalid value for 'timeZone': expected a string.",
          );
        requireIanaZone(body.timeZone, 'timeZone');
        patch.timeZone = toWindowsZone(body.timeZone);
      }
      if (body.workingHours !== undefined) patch.workingHours = workingHours(body.workingHours);
      env.store.updateMailboxSettings(mailbox!.id, patch);
      return { status: 200, body: renderMailboxSettings(env.store.getUser(mailbox!.id)) };
    },
  },
];
