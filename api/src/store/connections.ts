import type { TableClient, TableEntityResult } from '@azure/data-tables';
import type { Settings } from '../contracts/me.js';
import { NotFoundError, StaleRecordError } from './errors.js';
import { orMissing, storageStatus } from './table-errors.js';
import type { Tables } from './tables.js';

/** A host's Microsoft 365 connection: who they are, the sealed refresh token, their settings. */
export interface HostConnection {
  hostId: string;
  tenantId: string;
  upn: string;
  displayName: string;
  /**
   * The refresh token, already encrypted by the caller (auth's token sealing); stored as a binary
   * column and never logged. Absent until the host has consented.
   */
  sealedRefreshToken?: Uint8Array;
  tokenUpdatedAt?: string;
  /**
   * Set when Microsoft 365 refused the stored token (consent withdrawn, sessions revoked, token
   * expired) after the last token was saved: nothing can run as the host until they sign in again,
   * which saves a new token and so ends it.
   */
  broken?: { reason: string; since: string };
  /** The last time the connection was found broken, kept after it is repaired. */
  lastBrokenAt?: string;
  settings?: Settings;
  updatedAt: string;
  etag: string;
}

interface ConnectionEntity {
  partitionKey: string;
  rowKey: string;
  tenantId: string;
  upn: string;
  displayName: string;
  sealedRefreshToken?: Uint8Array;
  tokenUpdatedAt?: string;
  brokenAt?: string;
  brokenReason?: string;
  settingsJson?: string;
  updatedAt: string;
}

const row = 'connection';

function toConnection(e: TableEntityResult<ConnectionEntity>): HostConnection {
  return {
    hostId: e.partitionKey,
    tenantId: e.tenantId,
    upn: e.upn,
    displayName: e.displayName,
    ...(e.sealedRefreshToken && { sealedRefreshToken: e.sealedRefreshToken }),
    ...(e.tokenUpdatedAt && { tokenUpdatedAt: e.tokenUpdatedAt }),
    ...(e.brokenAt &&
      (!e.tokenUpdatedAt || Date.parse(e.brokenAt) >= Date.parse(e.tokenUpdatedAt)) && {
        broken: { reason: e.brokenReason ?? '', since: e.brokenAt },
      }),
    ...(e.brokenAt && { lastBrokenAt: e.brokenAt }),
    ...(e.settingsJson && { settings: JSON.parse(e.settingsJson) as Settings }),
    updatedAt: e.updatedAt,
    etag: e.etag,
  };
}

/** One row per host in `connections` (partition = host id). */
export class ConnectionRepository {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = tables.client('connections');
  }

  async get(hostId: string): Promise<HostConnection | undefined> {
    const e = await orMissing(this.table.getEntity<ConnectionEntity>(hostId, row));
    return e && toConnection(e);
  }

  /** Records who the host is (at every sign-in); keeps token and settings. */
  async saveIdentity(identity: {
    hostId: string;
    tenantId: string;
    upn: string;
    displayName: string;
  }): Promise<HostConnection> {
    await this.table.upsertEntity(
      {
        partitionKey: identity.hostId,
        rowKey: row,
        tenantId: identity.tenantId,
        upn: identity.upn,
        displayName: identity.displayName,
        updatedAt: this.clock().toISOString(),
      },
      'Merge',
    );
    return (await this.get(identity.hostId))!;
  }

  async saveRefreshToken(hostId: string, sealed: Uint8Array): Promise<void> {
    const now = this.clock().toISOString();
    await this.merge(hostId, { sealedRefreshToken: sealed, tokenUpdatedAt: now, updatedAt: now });
  }

  /** Microsoft 365 refused the host's stored token: the connection is broken until the next sign-in. */
  async markBroken(hostId: string, reason: string): Promise<void> {
    const now = this.clock().toISOString();
    await this.merge(hostId, { brokenAt: now, brokenReason: reason, updatedAt: now });
  }

  /** @throws StaleRecordError when `etag` is given and the connection changed since it was read. */
  async saveSettings(
    hostId: string,
    settings: Settings,
    options: { etag?: string } = {},
  ): Promise<HostConnection> {
    await this.merge(
      hostId,
      { settingsJson: JSON.stringify(settings), updatedAt: this.clock().toISOString() },
      options.etag,
    );
    return (await this.get(hostId))!;
  }

  /** Every connected host: the background jobs' work list (subscription renewal, reconcile). */
  async *all(): AsyncIterable<HostConnection> {
    for await (const e of this.table.listEntities<ConnectionEntity>()) yield toConnection(e);
  }

  private async merge(hostId: string, fields: Partial<ConnectionEntity>, etag?: string): Promise<void> {
    try {
      await this.table.updateEntity({ partitionKey: hostId, rowKey: row, ...fields }, 'Merge', {
        etag: etag ?? '*',
      });
    } catch (error) {
      const status = storageStatus(error);
      if (status === 404) throw new NotFoundError('connection');
      if (status === 412) throw new StaleRecordError('connection');
      throw error;
    }
  }
}
