// Where each "needs approval" card was sent, so that when the booking is decided elsewhere (on the web,
// in another Teams client, by the invitee cancelling) the card can be replaced with the outcome.
import { isStatus, safeKey, type BotTables } from './tables.js';

export interface ApprovalCard {
  tenantId: string;
  hostId: string;
  activityId: string;
}

interface ApprovalCardEntity extends ApprovalCard {
  partitionKey: string;
  rowKey: string;
}

export class ApprovalCards {
  constructor(private readonly tables: BotTables) {}

  private get table() {
    return this.tables.table('approvalCards');
  }

  async remember(bookingId: string, card: ApprovalCard): Promise<void> {
    await this.table.upsertEntity<ApprovalCardEntity>(
      { partitionKey: 'booking', rowKey: safeKey(bookingId), ...card },
      'Replace',
    );
  }

  async find(bookingId: string): Promise<ApprovalCard | undefined> {
    try {
      const { tenantId, hostId, activityId } = await this.table.getEntity<ApprovalCardEntity>(
        'booking',
        safeKey(bookingId),
      );
      return { tenantId, hostId, activityId };
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  async forget(bookingId: string): Promise<void> {
    try {
      await this.table.deleteEntity('booking', safeKey(bookingId));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
