// Who is talking to the bot in this turn, as Teams tells it: tenant, Entra object id, and time zone.
import type { TurnContext } from 'botbuilder';
import { knownZone } from '../time/format.js';

export interface TurnIdentity {
  tenantId?: string;
  /** Entra object id; absent for an activity from outside Microsoft 365. */
  userId?: string;
  /** The Teams client's zone (`localTimezone`), else UTC. */
  timeZone: string;
}

export function turnIdentity(context: TurnContext): TurnIdentity {
  const { activity } = context;
  const channelTenant = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const tenantId = activity.conversation?.tenantId ?? channelTenant;
  const userId = activity.from?.aadObjectId;
  return {
    ...(tenantId && { tenantId }),
    ...(userId && { userId }),
    timeZone: knownZone(activity.localTimezone),
  };
}
