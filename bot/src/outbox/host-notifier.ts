// Sends a message to a host's personal chat with the bot, proactively: through the conversation stored
// when they installed the app, or, for a host the bot has never talked to, by opening that chat through
// the Bot Connector (and remembering it).
import { TurnContext, type Activity, type CloudAdapter } from 'botbuilder';
import { botFrameworkResource } from '../auth/bot-framework-auth.js';
import type { ConversationStore } from '../store/conversations.js';

export interface HostNotifierOptions {
  adapter: CloudAdapter;
  conversations: ConversationStore;
  /** The bot's app id; empty without an app (local emulator). */
  appId: string;
  /** Where to open a chat with a host the bot has no conversation with. */
  serviceUrl: string;
}

export class HostNotifier {
  constructor(private readonly options: HostNotifierOptions) {}

  /** Replaces a message sent earlier; false when the bot no longer has the host's chat. */
  update(target: { tenantId: string; hostId: string; activityId: string }, activity: Partial<Activity>) {
    return updateHostMessage(this.options, target, activity);
  }

  /** Sends `activity` to the host's personal chat; returns the id of the message in the chat. */
  async send(tenantId: string, hostId: string, activity: Partial<Activity>): Promise<string | undefined> {
    const { adapter, appId, conversations } = this.options;
    let sentId: string | undefined;
    // A failure inside a turn would reach the adapter's onTurnError and be swallowed there; the caller
    // must see it (the message then stays on the queue), so it is carried out of the turn.
    let failure: { error: unknown } | undefined;
    const sendIn = async (context: TurnContext) => {
      try {
        sentId = (await context.sendActivity(activity))?.id;
      } catch (error) {
        failure = { error };
      }
    };
    const stored = await conversations.personal(tenantId, hostId);
    if (stored) {
      try {
        await adapter.continueConversationAsync(appId, stored.reference, sendIn);
        if (failure) throw failure.error;
        return sentId;
      } catch (error) {
        // The chat is gone (the app was removed, or Teams no longer knows the conversation): open a
        // new one below. Anything else (the connector is down, throttling) is worth a retry.
        if (!isGone(error)) throw error;
        failure = undefined;
        await conversations.forget(tenantId, { userId: hostId });
      }
    }
    await adapter.createConversationAsync(
      appId,
      'msteams',
      this.options.serviceUrl,
      botFrameworkResource,
      {
        isGroup: false,
        bot: { id: `28:${appId}`, name: 'Tandem' },
        members: [{ id: `29:${hostId}`, name: '' }],
        tenantId,
        channelData: { tenant: { id: tenantId } },
      },
      async (context) => {
        const reference = TurnContext.getConversationReference(context.activity);
        await conversations.remember(tenantId, { scope: 'personal', userId: hostId, reference });
        await sendIn(context);
      },
    );
    if (failure) throw failure.error;
    return sentId;
  }
}

/** Replaces a message the bot sent to the host's personal chat (e.g. a card whose buttons are stale). */
export async function updateHostMessage(
  options: Pick<HostNotifierOptions, 'adapter' | 'conversations' | 'appId'>,
  target: { tenantId: string; hostId: string; activityId: string },
  activity: Partial<Activity>,
): Promise<boolean> {
  const stored = await options.conversations.personal(target.tenantId, target.hostId);
  if (!stored) return false;
  let failure: { error: unknown } | undefined;
  await options.adapter.continueConversationAsync(options.appId, stored.reference, async (context) => {
    try {
      await context.updateActivity({ ...activity, type: 'message', id: target.activityId });
    } catch (error) {
      failure = { error };
    }
  });
  if (failure) throw failure.error;
  return true;
}

/** The connector says the conversation does not exist or the bot may no longer post in it. */
function isGone(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 403 || status === 404;
}
