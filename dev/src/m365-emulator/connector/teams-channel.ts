import { decodeJwt } from 'jose';
import { GraphError } from '../errors.js';
import { ADAPTIVE_CARD, type Activity, type ChannelAccount } from './activity.js';
import { sendToBot, type BotAnswer } from './bot-client.js';
import type { ChannelTokenIssuer } from './channel-tokens.js';
import {
  ConversationStore,
  teamsBotId,
  teamsUserId,
  type BotRegistration,
  type ChatEntry,
  type ChatUser,
  type Conversation,
} from './conversation-store.js';

/** The audience of tokens bots obtain to call the Bot Connector. */
export const BOT_CONNECTOR_AUDIENCE = 'https://api.botframework.com';

export interface TeamsChannelOptions {
  /** The connector's base URL as bots must call it (activities carry it as `serviceUrl`). */
  serviceUrl: () => string;
  tokens: ChannelTokenIssuer;
  /** A user id or userPrincipalName → the user, or `undefined`. */
  findUser: (idOrUpn: string) => ChatUser | undefined;
  /**
   * Verifies the signature of a bot's bearer token (the emulator's Entra JWKS) and returns its
   * claims; without it the claims are read unverified.
   */
  verifyBotToken?: (token: string) => Promise<Record<string, unknown>>;
}

/** What an `Action.Execute` button press carries. */
export interface ExecuteAction {
  type: 'Action.Execute';
  id?: string;
  verb?: string;
  data?: Record<string, unknown>;
}

/**
 * The emulated Teams side of the Bot Framework: it accepts bots' replies and proactive messages
 * (the Connector REST API), and sends users' messages, installs and card actions to the bot.
 */
export class TeamsChannel {
  readonly conversations = new ConversationStore();
  private readonly bots = new Map<string, BotRegistration>();

  constructor(private readonly options: TeamsChannelOptions) {}

  /** The channel talks to one bot, as a Teams app has one; registering again replaces it. */
  registerBot(bot: BotRegistration): void {
    this.bots.clear();
    this.bots.set(bot.appId, bot);
  }

  /** The registered bot, if any. */
  get registeredBot(): BotRegistration | undefined {
    return this.bots.values().next().value;
  }

  get bot(): BotRegistration {
    const first = this.bots.values().next();
    if (first.done)
      throw new GraphError(409, 'BotNotConfigured', 'No bot is registered with the Teams channel.');
    return first.value;
  }

  user(ref: string): ChatUser {
    const user = this.options.findUser(ref.replace(/^29:/, ''));
    if (!user) throw new GraphError(404, 'BadArgument', `Unknown user '${ref}'.`);
    return user;
  }

  // ---- user → bot ------------------------------------------------------------------------------

  /** The user typed `text` in their chat with the bot (or pressed an `Action.Submit`, with `value`). */
  async userSays(userRef: string, text: string, value?: unknown): Promise<ChatEntry> {
    const user = this.user(userRef);
    const conversation = this.conversations.personal(user, this.bot);
    const fields: Partial<Activity> & { type: string } = { type: 'message', text, textFormat: 'plain' };
    if (value !== undefined) fields.value = value;
    const activity = this.fromUser(user, conversation, fields);
    const entry = this.conversations.append(conversation, activity, 'toBot');
    await this.deliver(entry, activity);
    return entry;
  }

  /** The user installed the app: Teams tells the bot with a conversationUpdate adding the bot. */
  async install(userRef: string): Promise<Conversation> {
    const user = this.user(userRef);
    const bot = this.bot;
    const conversation = this.conversations.personal(user, bot);
    const activity = this.fromUser(user, conversation, {
      type: 'conversationUpdate',
      membersAdded: [{ id: teamsBotId(bot.appId), name: bot.name }],
    });
    await this.post(activity);
    return conversation;
  }

  /**
   * The user pressed an `Action.Execute` button on a card: an `adaptiveCard/action` invoke goes to
   * the bot; a card in the answer replaces the card in place (Universal Actions), a message or an
   * error is shown beside it.
   */
  async pressAction(userRef: string, activityId: string, action: ExecuteAction): Promise<ChatEntry> {
    const user = this.user(userRef);
    const conversation = this.conversations.personal(user, this.bot);
    const entry = this.conversations.find(conversation, activityId);
    if (!entry) throw new GraphError(404, 'ActivityNotFound', `No activity '${activityId}' in this chat.`);
    const invoke = this.fromUser(user, conversation, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: activityId,
      value: {
        action: { type: 'Action.Execute', id: action.id, verb: action.verb, data: action.data ?? {} },
        trigger: 'manual',
      },
    });
    const answer = await this.post(invoke);
    this.applyInvokeAnswer(entry, answer);
    return entry;
  }

  // ---- bot → user (Connector REST API) --------------------------------------------------------

  /** Checks the bearer token of a Connector API call and returns the calling bot. */
  async authenticate(authorization: string | undefined): Promise<BotRegistration> {
    const bot = this.bot;
    if (!bot.appId) return bot;
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) throw new GraphError(401, 'Unauthorized', 'Authorization has been denied for this request.');
    let claims: Record<string, unknown>;
    try {
      claims = this.options.verifyBotToken ? await this.options.verifyBotToken(token) : decodeJwt(token);
    } catch {
      throw new GraphError(401, 'Unauthorized', 'Authorization has been denied for this request.');
    }
    const appId = String(claims.appid ?? claims.azp ?? '');
    const registered = this.bots.get(appId);
    const audience = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    const expired = typeof claims.exp === 'number' && claims.exp * 1000 < Date.now();
    if (!registered || !audience.includes(BOT_CONNECTOR_AUDIENCE) || expired) {
      throw new GraphError(401, 'Unauthorized', 'Authorization has been denied for this request.');
    }
    return registered;
  }

  /** POST /v3/conversations: finds or creates the personal chat with the named member. */
  async createConversation(bot: BotRegistration, body: unknown): Promise<Record<string, unknown>> {
    const parameters = asObject(body, 'ConversationParameters');
    if (parameters.isGroup === true) {
      throw new GraphError(
        400,
        'BadArgument',
        'Only personal (1:1) conversations are emulated; isGroup must be false.',
      );
    }
    const members = parameters.members;
    if (!Array.isArray(members) || members.length !== 1) {
      throw new GraphError(
        400,
        'BadArgument',
        'members must list exactly one user for a personal conversation.',
      );
    }
    const member = members[0] as ChannelAccount;
    const user = this.user(String(member?.id ?? ''));
    const conversation = this.conversations.personal(user, bot);
    const result: Record<string, unknown> = { id: conversation.id, serviceUrl: this.options.serviceUrl() };
    if (parameters.activity) {
      result.activityId = this.storeFromBot(
        bot,
        conversation,
        asObject(parameters.activity, 'activity'),
      ).activity.id;
    }
    return result;
  }

  /** POST /v3/conversations/{id}/activities (and the reply form with a replyToId). */
  sendToConversation(
    bot: BotRegistration,
    conversationId: string,
    body: unknown,
    replyToId?: string,
  ): { id: string } {
    const conversation = this.conversation(conversationId);
    const activity = asObject(body, 'activity');
    if (replyToId) activity.replyToId = replyToId;
    const entry = this.storeFromBot(bot, conversation, activity);
    return { id: entry.activity.id! };
  }

  /** PUT /v3/conversations/{id}/activities/{activityId}: the bot updates a message it sent. */
  updateActivity(
    bot: BotRegistration,
    conversationId: string,
    activityId: string,
    body: unknown,
  ): { id: string } {
    const conversation = this.conversation(conversationId);
    const entry = this.conversations.find(conversation, activityId);
    if (!entry)
      throw new GraphError(404, 'ActivityNotFound', `No activity '${activityId}' in this conversation.`);
    const activity = asObject(body, 'activity');
    this.conversations.replace(entry, this.normaliseFromBot(bot, conversation, activity));
    return { id: activityId };
  }

  deleteActivity(conversationId: string, activityId: string): void {
    const conversation = this.conversation(conversationId);
    if (!this.conversations.remove(conversation, activityId)) {
      throw new GraphError(404, 'ActivityNotFound', `No activity '${activityId}' in this conversation.`);
    }
  }

  /** GET /v3/conversations/{id}/members, as Teams answers it (TeamsChannelAccount). */
  members(conversationId: string): Record<string, unknown>[] {
    const conversation = this.conversation(conversationId);
    const user = this.user(conversation.userId);
    return [this.teamsAccount(user)];
  }

  member(conversationId: string, memberId: string): Record<string, unknown> {
    const conversation = this.conversation(conversationId);
    const user = this.user(conversation.userId);
    if (memberId !== teamsUserId(user.id) && memberId !== user.id && memberId !== user.userPrincipalName) {
      throw new GraphError(
        404,
        'MemberNotFoundInConversation',
        'The member was not found in the conversation.',
      );
    }
    return this.teamsAccount(user);
  }

  conversation(id: string): Conversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw new GraphError(404, 'ConversationNotFound', `Conversation '${id}' not found.`);
    return conversation;
  }

  // ---- internals -------------------------------------------------------------------------------

  private teamsAccount(user: ChatUser): Record<string, unknown> {
    const [givenName, ...rest] = user.displayName.split(' ');
    return {
      id: teamsUserId(user.id),
      name: user.displayName,
      aadObjectId: user.id,
      email: user.userPrincipalName,
      userPrincipalName: user.userPrincipalName,
      givenName: givenName ?? user.displayName,
      surname: rest.join(' ') || null,
      tenantId: user.tenantId,
      userRole: 'user',
    };
  }

  private fromUser(
    user: ChatUser,
    conversation: Conversation,
    fields: Partial<Activity> & { type: string },
  ): Activity {
    const bot = this.bot;
    const now = new Date().toISOString();
    return {
      ...fields,
      id: this.conversations.newActivityId(),
      timestamp: now,
      localTimestamp: now,
      serviceUrl: this.options.serviceUrl(),
      channelId: 'msteams',
      from: { id: teamsUserId(user.id), name: user.displayName, aadObjectId: user.id },
      conversation: { id: conversation.id, conversationType: 'personal', tenantId: user.tenantId },
      recipient: { id: teamsBotId(bot.appId), name: bot.name },
      locale: 'en-US',
      channelData: { tenant: { id: user.tenantId } },
    };
  }

  private normaliseFromBot(bot: BotRegistration, conversation: Conversation, activity: Activity): Activity {
    const user = this.user(conversation.userId);
    return {
      ...activity,
      type: typeof activity.type === 'string' ? activity.type : 'message',
      channelId: 'msteams',
      serviceUrl: this.options.serviceUrl(),
      from: { id: teamsBotId(bot.appId), name: bot.name, role: 'bot' },
      recipient: { id: teamsUserId(user.id), name: user.displayName, aadObjectId: user.id },
      conversation: { id: conversation.id, conversationType: 'personal', tenantId: conversation.tenantId },
    };
  }

  private storeFromBot(bot: BotRegistration, conversation: Conversation, activity: Activity): ChatEntry {
    const stored = this.normaliseFromBot(bot, conversation, activity);
    stored.id = this.conversations.newActivityId();
    stored.timestamp = new Date().toISOString();
    return this.conversations.append(conversation, stored, 'fromBot');
  }

  private async deliver(entry: ChatEntry, activity: Activity): Promise<void> {
    const answer = await this.post(activity);
    if (answer.status >= 300) this.conversations.setNotice(entry, `The bot answered ${answer.status}.`);
  }

  private async post(activity: Activity): Promise<BotAnswer> {
    try {
      return await sendToBot(this.bot, activity, this.options.tokens);
    } catch (error) {
      const message = (error as { message?: unknown } | null)?.message;
      return { status: 502, body: { message: `The bot could not be reached: ${String(message ?? error)}` } };
    }
  }

  private applyInvokeAnswer(entry: ChatEntry, answer: BotAnswer): void {
    const body = (answer.body ?? {}) as { statusCode?: unknown; type?: unknown; value?: unknown };
    if (
      answer.status === 200 &&
      body.type === ADAPTIVE_CARD &&
      typeof body.value === 'object' &&
      body.value !== null
    ) {
      const activity = entry.activity;
      const attachments = [...(activity.attachments ?? [])];
      const index = attachments.findIndex((a) => a.contentType === ADAPTIVE_CARD);
      const replacement = { contentType: ADAPTIVE_CARD, content: body.value };
      if (index >= 0) attachments[index] = replacement;
      else attachments.push(replacement);
      this.conversations.replace(entry, { ...activity, attachments });
      this.conversations.setNotice(entry, null);
      return;
    }
    if (answer.status === 200 && body.type === 'application/vnd.microsoft.activity.message') {
      this.conversations.setNotice(entry, typeof body.value === 'string' ? body.value : 'Done.');
      return;
    }
    if (answer.status === 200 && typeof body.statusCode === 'number' && body.statusCode < 300) {
      this.conversations.setNotice(entry, null);
      return;
    }
    const detail = (body.value as { message?: unknown } | undefined)?.message;
    this.conversations.setNotice(
      entry,
      `Something went wrong (${String(body.statusCode ?? answer.status)})${detail ? `: ${String(detail)}` : ''}.`,
    );
  }
}

function asObject(body: unknown, name: string): Activity & Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new GraphError(400, 'BadArgument', `The request body must be a JSON ${name} object.`);
  }
  return body as Activity & Record<string, unknown>;
}
