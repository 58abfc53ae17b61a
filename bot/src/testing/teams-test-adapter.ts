// botbuilder's TestAdapter as one Teams user's personal chat: activities carry the user's Entra object
// id, tenant and zone, and the Teams roster calls (TeamsInfo.getMember) go to the emulated Bot
// Connector, where that chat exists. The bot runs without an app id, so the connector asks no token.
import { TestAdapter, type Activity, type ConversationReference, type TurnContext } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import type { EmulatorHandle, UserRecord } from '@tandem/dev/m365-emulator';

export const testBotId = '28:tandem-test-bot';

export class TeamsTestAdapter extends TestAdapter {
  constructor(
    logic: (context: TurnContext) => Promise<void>,
    reference: ConversationReference,
    template: Partial<Activity> = {},
  ) {
    super(logic, template);
    this.conversation = reference;
  }

  /** What TeamsInfo asks for: a Connector client for the activity's service URL. */
  createConnectorClient(serviceUrl: string): ConnectorClient {
    return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
  }
}

/** Registers an unauthenticated bot with the emulated channel (once per emulator). */
export async function registerTestBot(emulator: EmulatorHandle): Promise<void> {
  const response = await fetch(`${emulator.origin}/_admin/bot`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ endpoint: 'http://127.0.0.1:9/api/messages', appId: '', name: 'Tandem' }),
  });
  if (response.status !== 200) throw new Error(`registering the test bot answered ${response.status}`);
}

/** The personal chat of `user` with the bot, opened through the emulated Bot Connector. */
export async function personalChat(
  emulator: EmulatorHandle,
  user: UserRecord,
): Promise<ConversationReference> {
  const response = await fetch(`${emulator.origin}/v3/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ isGroup: false, members: [{ id: `29:${user.id}` }], tenantId: user.tenantId }),
  });
  if (!response.ok) throw new Error(`opening the chat answered ${response.status}`);
  const { id } = (await response.json()) as { id: string };
  return {
    channelId: 'msteams',
    serviceUrl: `${emulator.origin}/`,
    user: { id: `29:${user.id}`, name: user.displayName, aadObjectId: user.id },
    bot: { id: testBotId, name: 'Tandem' },
    conversation: { id, isGroup: false, conversationType: 'personal', tenantId: user.tenantId, name: '' },
  };
}

/** An Action.Execute press as Teams sends it to the bot. */
export function executeAction(verb: string, data: Record<string, unknown>): Partial<Activity> {
  return {
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The card a reply carries: a message's first attachment or an invoke answer's replacement card. */
export function replyCard(activity: Partial<Activity>): Record<string, unknown> | undefined {
  if (activity.type === 'invokeResponse') {
    const body = (activity.value as { body?: { type?: string; value?: unknown } }).body;
    return body?.type === 'application/vnd.microsoft.card.adaptive'
      ? (body.value as Record<string, unknown>)
      : undefined;
  }
  return activity.attachments?.[0]?.content as Record<string, unknown> | undefined;
}

/** The notice text of an invoke answer that keeps the card as it was. */
export function replyNotice(activity: Partial<Activity>): string | undefined {
  const body = (activity.value as { body?: { type?: string; value?: unknown } } | undefined)?.body;
  return body?.type === 'application/vnd.microsoft.activity.message' ? String(body.value) : undefined;
}
