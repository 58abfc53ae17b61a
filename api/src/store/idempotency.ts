import type { TableClient } from '@azure/data-tables';
import { createHash } from 'node:crypto';
import { IdempotencyKeyReusedError } from './errors.js';
import { orMissing, storageStatus } from './table-errors.js';
import type { Tables } from './tables.js';

/** A stored answer, replayed for a retry of the same request. */
export interface IdempotentResult {
  status: number;
  body: unknown;
}

/** A digest of what makes two requests "the same": method, path and body. */
export function requestFingerprint(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\n')).digest('base64url');
}

/**
 * Answers of idempotent writes (host endpoints, cancel, reschedule), kept per scope (the caller:
 * host id, or manage token's booking) and key. A retry with the same key and fingerprint gets the
 * stored answer; the same key with another request is refused. (New bookings keep their idempotency
 * row inside the booking's own transaction instead: see BookingRepository.insert.)
 */
export class IdempotencyRepository {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = tables.client('idempotency');
  }

  /** The stored answer, or undefined when this key is new. */
  async recall(scope: string, key: string, fingerprint: string): Promise<IdempotentResult | undefined> {
    const row = await orMissing(
      this.table.getEntity<{ fingerprint: string; status: number; bodyJson: string }>(scope, rowKey(key)),
    );
    if (!row) return undefined;
    if (row.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    return { status: row.status, body: JSON.parse(row.bodyJson) as unknown };
  }

  /**
   * Stores the answer unless a concurrent request with the same key stored one first; returns the
   * answer that stands (the first one), so both callers answer the same.
   */
  async remember(
    scope: string,
    key: string,
    fingerprint: string,
    result: IdempotentResult,
  ): Promise<IdempotentResult> {
    try {
      await this.table.createEntity({
        partitionKey: scope,
        rowKey: rowKey(key),
        fingerprint,
        status: result.status,
        bodyJson: JSON.stringify(result.body),
        storedAt: this.clock().toISOString(),
      });
      return result;
    } catch (error) {
      if (storageStatus(error) !== 409) throw error;
      return (await this.recall(scope, key, fingerprint))!;
    }
  }
}

// Keys come from clients: hashed so no character can break a row key ('/', '#', '?', control characters).
const rowKey = (key: string) => createHash('sha256').update(key).digest('hex');
