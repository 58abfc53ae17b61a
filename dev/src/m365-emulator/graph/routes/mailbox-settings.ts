import { GraphError } from '../../errors.js';
import type { MailboxSettings } from '../../state/graph-types.js';
import { requireIanaZone, toWindowsZone } from '../../state/time-zones.js';
import { MAILBOX_SETTINGS_READ, type GraphRoute } from '../graph-route.js';
import { odataContext, renderMailboxSettings } from '../views.js';

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
      if (body.workingHours !== undefined)
        patch.workingHours = body.workingHours as MailboxSettings['workingHours'];
      env.store.updateMailboxSettings(mailbox!.id, patch);
      return { status: 200, body: renderMailboxSettings(env.store.getUser(mailbox!.id)) };
    },
  },
];
