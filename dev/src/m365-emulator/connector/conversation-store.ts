import { randomBytes } from 'node:crypto';
import type { Activity, ChannelAccount } from './activity.js';

/** A person of the emulated tenant as the Teams channel shows them. */
export interface ChatUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  tenantId: string;
}

export interface BotRegistration {
  /** Microsoft App ID; empty when the bot runs without authentication (local development). */
  appId: string;
  name: string;
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  endpoint: string;
}

/** One entry of a conversation's transcript. */
export interface ChatEntry {
  activity: Activity;
  /** Who sent it, from the page's point of view. */
  direction: 'toBot' | 'fromBot';
  /** Set when the bot (or an invoke response) replaced the activity. */
  updatedAt: string | null;
  /** The bot's answer to an invoke sent from this entry, e.g. an error message. */
  notice: string | null;
}

export interface Conversation {
  id: string;
  userId: string;
  botAppId: string;
  tenantId: string;
  entries: ChatEntry[];
}

/** Teams prefixes user ids with `29:` and bot ids with `28:`. */
export const teamsUserId = (userId: string): string => `29:${userId}`;
export const teamsBotId = (appId: string): string => `28:${appId || 'local-bot'}`;

/**
 * The transcripts of the emulated Teams channel: one personal (1:1) conversation per user and bot,
 * as Teams keeps it. `version` grows on every change so chat pages can poll cheaply.
 */
export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private nextActivity = Date.now();
  version = 0;

  /** The personal conversation of `user` with `bot`, created on first use. */
  personal(user: ChatUser, bot: BotRegistration): Conversation {
    for (const conversation of this.conversations.values()) {
      if (conversation.userId === user.id && conversation.botAppId === bot.appId) return conversation;
    }
    const conversation: Conversation = {
      id: `a:1${randomBytes(24).toString('base64url')}`,
      userId: user.id,
      botAppId: bot.appId,
      tenantId: user.tenantId,
      entries: [],
    };
    this.conversations.set(conversation.id, conversation);
    this.version += 1;
    return conversation;
  }

  get(id: string): Conversation | undefined {
    return this.conversations.get(id);
  }

  forUser(userId: string): Conversation[] {
    return [...this.conversations.values()].filter((c) => c.userId === userId);
  }

  /** Teams activity ids are numeric strings that grow with time. */
  newActivityId(): string {
    this.nextActivity = Math.max(this.nextActivity + 1, Date.now());
    return String(this.nextActivity);
  }

  append(conversation: Conversation, activity: Activity, direction: ChatEntry['direction']): ChatEntry {
    const entry: ChatEntry = { activity, direction, updatedAt: null, notice: null };
    conversation.entries.push(entry);
    this.version += 1;
    return entry;
  }

  find(conversation: Conversation, activityId: string): ChatEntry | undefined {
    return conversation.entries.find((entry) => entry.activity.id === activityId);
  }

  /** Replaces the content of an activity, keeping its id and place in the transcript. */
  replace(entry: ChatEntry, activity: Activity): void {
    entry.activity = { ...activity, id: entry.activity.id, timestamp: entry.activity.timestamp };
    entry.updatedAt = new Date().toISOString();
    this.version += 1;
  }

  remove(conversation: Conversation, activityId: string): boolean {
    const index = conversation.entries.findIndex((entry) => entry.activity.id === activityId);
    if (index < 0) return false;
    conversation.entries.splice(index, 1);
    this.version += 1;
    return true;
  }

  setNotice(entry: ChatEntry, notice: string | null): void {
    entry.notice = notice;
    this.version += 1;
  }

  members(conversation: Conversation, user: ChatUser): ChannelAccount[] {
    return [{ id: teamsUserId(user.id), name: user.displayName, aadObjectId: user.id, role: 'user' }];
  }
}
