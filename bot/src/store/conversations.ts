// Where the bot can reach people: the conversation reference of each installation, kept so cards can be
// sent later (proactively) without the person writing first. Personal chats are keyed by the person
// (tenant + Entra object id), team and group chats by their conversation id.
import type { ConversationReference } from 'botbuilder';
import { isStatus, safeKey, type BotTables } from './tables.js';

export type InstallScope = 'personal' | 'team' | 'groupChat';

export interface StoredConversation {
  scope: InstallScope;
  reference: Partial<ConversationReference>;
  /** The person, for a personal chat. */
  userId?: string;
}

interface ConversationEntity {
  partitionKey: string;
  rowKey: string;
  scope: InstallScope;
  userId?: string;
  reference: string;
}

const personalKey = (userId: string) => `user|${safeKey(userId)}`;
const conversationKey = (conversationId: string) => `conversation|${safeKey(conversationId)}`;

export class ConversationStore {
  constructor(private readonly tables: BotTables) {}

  private get table() {
    return this.tables.table('conversations');
  }

  async remember(tenantId: string, conversation: StoredConversation): Promise<void> {
    const rowKey =
      conversation.scope === 'personal' && conversation.userId
        ? personalKey(conversation.userId)
        : conversationKey(conversation.reference.conversation?.id ?? '');
    const entity: ConversationEntity = {
      partitionKey: safeKey(tenantId),
      rowKey,
      scope: conversation.scope,
      reference: JSON.stringify(conversation.reference),
      ...(conversation.userId && { userId: conversation.userId }),
    };
    await this.table.upsertEntity(entity, 'Replace');
  }

  /** The personal chat with a person, when the app is installed for them. */
  async personal(tenantId: string, userId: string): Promise<StoredConversation | undefined> {
    return this.read(tenantId, personalKey(userId));
  }

  async byConversation(tenantId: string, conversationId: string): Promise<StoredConversation | undefined> {
    return this.read(tenantId, conversationKey(conversationId));
  }

  async forget(tenantId: string, key: { userId: string } | { conversationId: string }): Promise<void> {
    const rowKey = 'userId' in key ? personalKey(key.userId) : conversationKey(key.conversationId);
    try {
      await this.table.deleteEntity(safeKey(tenantId), rowKey);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  private async read(tenantId: string, rowKey: string): Promise<StoredConversation | undefined> {
    try {
      const entity = await this.table.getEntity<ConversationEntity>(safeKey(tenantId), rowKey);
      return {
        scope: entity.scope,
        reference: JSON.parse(entity.reference) as Partial<ConversationReference>,
        ...(entity.userId && { userId: entity.userId }),
      };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }
}
