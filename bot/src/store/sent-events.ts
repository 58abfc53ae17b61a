// Booking events already shown to a host, so a queue that delivers a message twice still produces one
// card. An event is claimed before sending (an insert fails when it exists) and released when sending
// fails, so a retry can send it; once sent it stays claimed for good. A claim left by a bot that stopped
// mid-send is taken over after `staleAfterMs`, so such an event is late rather than lost.
import { isStatus, safeKey, type BotTables } from './tables.js';

interface SentEventEntity {
  partitionKey: string;
  rowKey: string;
  state: 'sending' | 'sent';
  activityId?: string;
}

export type Claim = 'claimed' | 'alreadySent' | 'inFlight';

export class SentEvents {
  constructor(
    private readonly tables: BotTables,
    private readonly staleAfterMs = 120_000,
  ) {}

  private get table() {
    return this.tables.table('sentEvents');
  }

  async claim(eventId: string): Promise<Claim> {
    const key = { partitionKey: 'event', rowKey: safeKey(eventId) };
    try {
      await this.table.createEntity<SentEventEntity>({ ...key, state: 'sending' });
      return 'claimed';
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
    const existing = await this.table.getEntity<SentEventEntity>(key.partitionKey, key.rowKey);
    if (existing.state === 'sent') return 'alreadySent';
    const claimedAt = existing.timestamp ? Date.parse(existing.timestamp) : Date.now();
    if (Date.now() - claimedAt < this.staleAfterMs) return 'inFlight';
    try {
      await this.table.updateEntity<SentEventEntity>({ ...key, state: 'sending' }, 'Replace', {
        etag: existing.etag,
      });
      return 'claimed';
    } catch (error) {
      if (isStatus(error, 412)) return 'inFlight';
      throw error;
    }
  }

  async markSent(eventId: string, activityId?: string): Promise<void> {
    await this.table.upsertEntity<SentEventEntity>(
      { partitionKey: 'event', rowKey: safeKey(eventId), state: 'sent', ...(activityId && { activityId }) },
      'Replace',
    );
  }

  async release(eventId: string): Promise<void> {
    try {
      await this.table.deleteEntity('event', safeKey(eventId));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }
}
