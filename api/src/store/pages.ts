import { type TableClient, type TableEntityResult, type TransactionAction, odata } from '@azure/data-tables';
import type { BookingPageInput } from '../contracts/pages.js';
import { NotFoundError, SlugTakenError, StaleRecordError } from './errors.js';
import { fromJsonColumns, toJsonColumns } from './json-columns.js';
import { orMissing, storageStatus } from './table-errors.js';
import type { Tables } from './tables.js';

export interface BookingPageRecord {
  id: string;
  hostId: string;
  /** The validated page as the host wrote it (contracts' BookingPageInput). */
  page: BookingPageInput;
  createdAt: string;
  updatedAt: string;
  etag: string;
}

const pageKey = (id: string) => `page|${id}`;
const slugKey = (slug: string) => `slug|${slug}`;

interface PageEntity extends Record<string, unknown> {
  id: string;
  slug: string;
  createdAt: string;
  updatedAt: string;
}

function fromEntity(e: TableEntityResult<PageEntity>): BookingPageRecord {
  return {
    id: e.id,
    hostId: e.partitionKey!,
    page: fromJsonColumns<BookingPageInput>(e),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    etag: e.etag,
  };
}

/**
 * Booking pages in the host's partition of `pages`, with a `slug|{slug}` row per page written in the
 * same transaction: a second page with the same slug fails the insert, so slugs are unique per host
 * without a read-then-write race. A `pageindex` row per page id lets public routes (which carry only
 * the page id) find the host's partition with one point read.
 */
export class PageRepository {
  private readonly table: TableClient;
  private readonly index: TableClient;

  constructor(
    tables: Tables,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = tables.client('pages');
    this.index = tables.client('pageIndex');
  }

  /** @throws SlugTakenError when the host already has a page with this slug; nothing is written then. */
  async create(hostId: string, id: string, page: BookingPageInput): Promise<BookingPageRecord> {
    const now = this.clock().toISOString();
    // The index row first: a page without an index row could not be found by visitors, while an
    // index row without a page (the batch failed) only answers "not found", and is removed below.
    await this.index.upsertEntity({ partitionKey: id, rowKey: '', hostId }, 'Replace');
    try {
      await this.table.submitTransaction([
        [
          'create',
          {
            partitionKey: hostId,
            rowKey: pageKey(id),
            id,
            slug: page.slug,
            createdAt: now,
            updatedAt: now,
            ...toJsonColumns(page),
          },
        ],
        ['create', { partitionKey: hostId, rowKey: slugKey(page.slug), pageId: id }],
      ]);
    } catch (error) {
      await orMissing(this.index.deleteEntity(id, ''));
      if (storageStatus(error) === 409) throw new SlugTakenError(page.slug);
      throw error;
    }
    return this.require(hostId, id);
  }

  async get(hostId: string, id: string): Promise<BookingPageRecord | undefined> {
    const found = await orMissing(this.table.getEntity<PageEntity>(hostId, pageKey(id)));
    return found && fromEntity(found);
  }

  /** The page behind a public page id, whoever's it is. */
  async locate(id: string): Promise<BookingPageRecord | undefined> {
    const entry = await orMissing(this.index.getEntity<{ hostId: string }>(id, ''));
    return entry && this.get(entry.hostId, id);
  }

  async findBySlug(hostId: string, slug: string): Promise<BookingPageRecord | undefined> {
    const entry = await orMissing(this.table.getEntity<{ pageId: string }>(hostId, slugKey(slug)));
    return entry && this.get(hostId, entry.pageId);
  }

  async list(hostId: string): Promise<BookingPageRecord[]> {
    const filter = odata`PartitionKey eq ${hostId} and RowKey ge 'page|' and RowKey lt 'page}'`;
    const pages: BookingPageRecord[] = [];
    for await (const e of this.table.listEntities<PageEntity>({ queryOptions: { filter } }))
      pages.push(fromEntity(e));
    return pages.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /**
   * Replaces the page; a changed slug moves its index row in the same transaction.
   * @throws StaleRecordError when `etag` is given and the page changed since; SlugTakenError.
   */
  async update(
    hostId: string,
    id: string,
    page: BookingPageInput,
    options: { etag?: string } = {},
  ): Promise<BookingPageRecord> {
    const current = await this.require(hostId, id);
    const etag = options.etag ?? current.etag;
    const actions: TransactionAction[] = [
      [
        'update',
        {
          partitionKey: hostId,
          rowKey: pageKey(id),
          id,
          slug: page.slug,
          createdAt: current.createdAt,
          updatedAt: this.clock().toISOString(),
          ...toJsonColumns(page),
        },
        'Replace',
        { etag },
      ],
    ];
    if (page.slug !== current.page.slug) {
      actions.push(['delete', { partitionKey: hostId, rowKey: slugKey(current.page.slug) }]);
      actions.push(['create', { partitionKey: hostId, rowKey: slugKey(page.slug), pageId: id }]);
    }
    try {
      await this.table.submitTransaction(actions);
    } catch (error) {
      const status = storageStatus(error);
      if (status === 409) throw new SlugTakenError(page.slug);
      if (status === 412) throw new StaleRecordError('booking page');
      throw error;
    }
    return this.require(hostId, id);
  }

  async delete(hostId: string, id: string, options: { etag?: string } = {}): Promise<void> {
    const current = await this.require(hostId, id);
    // Deletes inside a transaction cannot carry an ETag; the check is against the row just read.
    if (options.etag !== undefined && options.etag !== current.etag)
      throw new StaleRecordError('booking page');
    try {
      await this.table.submitTransaction([
        ['delete', { partitionKey: hostId, rowKey: pageKey(id) }],
        ['delete', { partitionKey: hostId, rowKey: slugKey(current.page.slug) }],
      ]);
    } catch (error) {
      if (storageStatus(error) === 404) throw new NotFoundError('booking page');
      throw error;
    }
    await orMissing(this.index.deleteEntity(id, ''));
  }

  private async require(hostId: string, id: string): Promise<BookingPageRecord> {
    const found = await this.get(hostId, id);
    if (!found) throw new NotFoundError('booking page');
    return found;
  }
}
