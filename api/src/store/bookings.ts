import { createHash } from 'node:crypto';
import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import type { BookingStatus } from '../scheduling/types.js';
import {
  BookingTooLongError,
  IdempotencyKeyReusedError,
  NotFoundError,
  SlotTakenError,
  StaleRecordError,
} from './errors.js';
import { lockBuckets, lockRowKey, maxLockBuckets, type HeldSpan } from './lock-buckets.js';
import { orMissing, storageStatus } from './table-errors.js';
import type { Tables } from './tables.js';

export interface Invitee {
  name: string;
  email: string;
  /** IANA zone the invitee booked in. */
  timeZone: string;
}

/** A booking as the booking service creates it. Instants are UTC ISO-8601. */
export interface NewBooking extends HeldSpan {
  id: string;
  /** The partition: the host whose calendar the booking occupies. */
  hostId: string;
  pageId: string;
  status: Exclude<BookingStatus, 'cancelled'>;
  invitee: Invitee;
  answers: Record<string, string>;
  /** Random value embedded in the signed manage link; rotating it revokes old links. */
  manageNonce: string;
  bookedAt: string;
  /** Other hosts attending (collective team pages). */
  teamMemberIds?: string[];
  eventId?: string;
  changeKey?: string;
}

export interface BookingRecord extends Omit<NewBooking, 'status'> {
  status: BookingStatus;
  updatedAt: string;
  cancelReason?: string;
  /** Pass back as `etag` to update only what was read. */
  etag: string;
}

export interface IdempotentInsert {
  /** Scoped by the caller (e.g. page id + header value), so keys of different pages never meet. */
  key: string;
  /** A digest of the request; the same key with another request is refused. */
  fingerprint: string;
}

export interface InsertResult {
  booking: BookingRecord;
  /** True when an earlier request with the same idempotency key already made this booking. */
  replayed: boolean;
}

/** Fields that change without moving or releasing time. */
export interface BookingPatch {
  status?: Exclude<BookingStatus, 'cancelled'>;
  eventId?: string;
  changeKey?: string;
  manageNonce?: string;
}

const bookingKey = (id: string) => `booking|${id}`;
const holdKey = (bookingId: string) => `hold|${bookingId}`;
const idempotencyKey = (key: string) => `idem|${createHash('sha256').update(key).digest('hex')}`;

interface BookingEntity {
  partitionKey: string;
  rowKey: string;
  id: string;
  pageId: string;
  status: BookingStatus;
  start: string;
  end: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  inviteeName: string;
  inviteeEmail: string;
  inviteeTimeZone: string;
  answersJson: string;
  manageNonce: string;
  bookedAt: string;
  updatedAt: string;
  teamMemberIdsJson?: string;
  eventId?: string;
  changeKey?: string;
  cancelReason?: string;
}

const iso = (instant: string) => new Date(instant).toISOString();

function toEntity(b: NewBooking, now: string): BookingEntity {
  return {
    partitionKey: b.hostId,
    rowKey: bookingKey(b.id),
    id: b.id,
    pageId: b.pageId,
    status: b.status,
    // Normalised so range filters (string comparison) order instants correctly.
    start: iso(b.start),
    end: iso(b.end),
    bufferBeforeMinutes: b.bufferBeforeMinutes,
    bufferAfterMinutes: b.bufferAfterMinutes,
    inviteeName: b.invitee.name,
    inviteeEmail: b.invitee.email,
    inviteeTimeZone: b.invitee.timeZone,
    answersJson: JSON.stringify(b.answers),
    manageNonce: b.manageNonce,
    bookedAt: iso(b.bookedAt),
    updatedAt: now,
    ...(b.teamMemberIds && { teamMemberIdsJson: JSON.stringify(b.teamMemberIds) }),
    ...(b.eventId !== undefined && { eventId: b.eventId }),
    ...(b.changeKey !== undefined && { changeKey: b.changeKey }),
  };
}

function fromEntity(e: TableEntityResult<BookingEntity>): BookingRecord {
  return {
    id: e.id,
    hostId: e.partitionKey,
    pageId: e.pageId,
    status: e.status,
    start: e.start,
    end: e.end,
    bufferBeforeMinutes: e.bufferBeforeMinutes,
    bufferAfterMinutes: e.bufferAfterMinutes,
    invitee: { name: e.inviteeName, email: e.inviteeEmail, timeZone: e.inviteeTimeZone },
    answers: JSON.parse(e.answersJson) as Record<string, string>,
    manageNonce: e.manageNonce,
    bookedAt: e.bookedAt,
    updatedAt: e.updatedAt,
    ...(e.teamMemberIdsJson && { teamMemberIds: JSON.parse(e.teamMemberIdsJson) as string[] }),
    ...(e.eventId && { eventId: e.eventId }),
    ...(e.changeKey && { changeKey: e.changeKey }),
    ...(e.cancelReason && { cancelReason: e.cancelReason }),
    etag: e.etag,
  };
}

function bucketsOf(span: HeldSpan): number[] {
  const buckets = lockBuckets(span);
  if (buckets.length > maxLockBuckets) throw new BookingTooLongError(buckets.length, maxLockBuckets);
  return buckets;
}

/**
 * Bookings and their time locks, in the host's partition of the `bookings` table.
 *
 * The lock rows are what make double booking impossible: every 5-minute bucket a booking's span plus
 * buffers touches has one row `lock|{bucket}`, inserted in the same entity-group transaction as the
 * booking row. Tables commits a transaction entirely or not at all, and an insert of an existing row
 * fails it (409), so of any set of overlapping requests exactly one commits, however many instances race.
 */
export class BookingRepository {
  private readonly table: TableClient;

  constructor(
    tables: Tables,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.table = tables.client('bookings');
  }

  /**
   * Inserts the booking with its locks (and idempotency row) in one transaction.
   * @throws SlotTakenError when any bucket is held; nothing is written then.
   * @example
   * // a retry with the same idempotency key answers the first booking, replayed: true
   * await bookings.insert(booking, { key: `${pageId}:${header}`, fingerprint });
   */
  async insert(
    booking: NewBooking,
    idempotency?: IdempotentInsert,
    options: { lookFirst?: boolean } = {},
  ): Promise<InsertResult> {
    const buckets = bucketsOf(booking);
    // The key's row in the transaction makes a retry fail it (409) and be answered from the row
    // anyway; reading first only spares that failed transaction, so a caller that expects a new key
    // skips the read (`lookFirst: false`).
    if (idempotency && options.lookFirst !== false) {
      const earlier = await this.replay(booking.hostId, idempotency);
      if (earlier) return { booking: earlier, replayed: true };
    }
    let members: string[];
    try {
      members = await this.holdMembers(booking, buckets);
    } catch (error) {
      const earlier =
        idempotency && error instanceof SlotTakenError && (await this.replay(booking.hostId, idempotency));
      if (earlier) return { booking: earlier, replayed: true };
      throw error;
    }
    const now = this.clock().toISOString();
    const entity = toEntity(booking, now);
    const actions: TransactionAction[] = [['create', { ...entity }]];
    for (const bucket of buckets) {
      actions.push([
        'create',
        { partitionKey: booking.hostId, rowKey: lockRowKey(bucket), bookingId: booking.id },
      ]);
    }
    if (idempotency) {
      actions.push([
        'create',
        {
          partitionKey: booking.hostId,
          rowKey: idempotencyKey(idempotency.key),
          bookingId: booking.id,
          fingerprint: idempotency.fingerprint,
        },
      ]);
    }
    let etag: string | undefined;
    try {
      const result = await this.table.submitTransaction(actions);
      // The service answers each operation with its ETag; row keys come back URL-encoded.
      etag = (
        result.getResponseForEntity(entity.rowKey) ??
        result.getResponseForEntity(encodeURIComponent(entity.rowKey))
      )?.etag;
    } catch (error) {
      await this.releaseMembers(members, booking.id, booking);
      if (storageStatus(error) !== 409) throw error;
      // A concurrent request with the same key may have won: then this is a retry, not a conflict.
      const earlier = idempotency && (await this.replay(booking.hostId, idempotency));
      if (earlier) return { booking: earlier, replayed: true };
      throw new SlotTakenError(booking.hostId);
    }
    const stored = etag ? fromEntity({ ...entity, etag } as TableEntityResult<BookingEntity>) : undefined;
    return { booking: stored ?? (await this.require(booking.hostId, booking.id)), replayed: false };
  }

  async get(hostId: string, id: string): Promise<BookingRecord | undefined> {
    const found = await orMissing(this.table.getEntity<BookingEntity>(hostId, bookingKey(id)));
    return found && fromEntity(found);
  }

  /** The booking an idempotency key made, if any. */
  async findByIdempotencyKey(hostId: string, key: string): Promise<BookingRecord | undefined> {
    const row = await orMissing(this.table.getEntity<{ bookingId: string }>(hostId, idempotencyKey(key)));
    return row && this.get(hostId, row.bookingId);
  }

  /** The host's bookings overlapping `[from, to)` (all when absent), by start. */
  async list(
    hostId: string,
    options: { from?: string; to?: string; status?: BookingStatus[] } = {},
  ): Promise<BookingRecord[]> {
    let filter = odata`PartitionKey eq ${hostId} and RowKey ge 'booking|' and RowKey lt 'booking}'`;
    if (options.to) filter += ` and ${odata`start lt ${iso(options.to)}`}`;
    if (options.from) filter += ` and ${odata`end gt ${iso(options.from)}`}`;
    const found: BookingRecord[] = [];
    for await (const e of this.table.listEntities<BookingEntity>({ queryOptions: { filter } })) {
      if (!options.status || options.status.includes(e.status)) found.push(fromEntity(e));
    }
    return found.sort((a, b) => a.start.localeCompare(b.start));
  }

  /**
   * What occupies the host's time over `[from, to)`, in one query: their bookings overlapping it (every
   * status) and the `hold|` rows of collective bookings organized by someone else that include them.
   */
  async occupancy(
    hostId: string,
    range: { from: string; to: string },
  ): Promise<{ bookings: BookingRecord[]; holds: { organizerId: string; bookingId: string }[] }> {
    const filter = odata`PartitionKey eq ${hostId} and ((RowKey ge 'booking|' and RowKey lt 'booking}' and start lt ${iso(range.to)} and end gt ${iso(range.from)}) or (RowKey ge 'hold|' and RowKey lt 'hold}'))`;
    const bookings: BookingRecord[] = [];
    const holds: { organizerId: string; bookingId: string }[] = [];
    // Booking rows and hold rows come back together; the row key says which is which.
    const rows = this.table.listEntities<BookingEntity & { organizerId?: string; bookingId?: string }>({
      queryOptions: { filter },
    });
    for await (const e of rows) {
      if (e.rowKey.startsWith('booking|')) bookings.push(fromEntity(e));
      else if (e.organizerId && e.bookingId)
        holds.push({ organizerId: e.organizerId, bookingId: e.bookingId });
    }
    return { bookings: bookings.sort((a, b) => a.start.localeCompare(b.start)), holds };
  }

  /** Pending bookings of every host booked before `bookedBefore`: the reconciler's work list. */
  async listPending(bookedBefore: string): Promise<BookingRecord[]> {
    const filter = odata`status eq 'pending' and bookedAt lt ${iso(bookedBefore)}`;
    const found: BookingRecord[] = [];
    for await (const e of this.table.listEntities<BookingEntity>({ queryOptions: { filter } })) {
      if (e.rowKey.startsWith('booking|')) found.push(fromEntity(e));
    }
    return found;
  }

  /**
   * Changes fields that neither move nor release time (confirm, Outlook event id, change key).
   * `options.known` is the booking as the caller last read or wrote it: the update is tried against
   * its ETag first and the answer built from it, so an unchanged row costs one round trip; if the row
   * changed since, the booking is read again and the update made against what stands, as without it.
   */
  async patch(
    hostId: string,
    id: string,
    patch: BookingPatch,
    options: { etag?: string; known?: BookingRecord } = {},
  ): Promise<BookingRecord> {
    const known = options.etag === undefined ? options.known : undefined;
    if (known && known.hostId === hostId && known.id === id) {
      const updatedAt = this.clock().toISOString();
      try {
        const result = await this.table.updateEntity(
          { partitionKey: hostId, rowKey: bookingKey(id), ...patch, updatedAt },
          'Merge',
          { etag: known.etag },
        );
        if (result.etag) return { ...known, ...patch, updatedAt, etag: result.etag };
        return await this.require(hostId, id);
      } catch (error) {
        if (storageStatus(error) !== 412) throw this.translate(error, hostId);
      }
    }
    const current = await this.require(hostId, id);
    try {
      await this.table.updateEntity(
        { partitionKey: hostId, rowKey: bookingKey(id), ...patch, updatedAt: this.clock().toISOString() },
        'Merge',
        { etag: options.etag ?? current.etag },
      );
    } catch (error) {
      throw this.translate(error, hostId);
    }
    return this.require(hostId, id);
  }

  /**
   * Cancels the booking and frees its time: the lock rows are deleted and the booking marked
   * cancelled in one transaction. Cancelling a cancelled booking changes nothing.
   */
  async cancel(
    hostId: string,
    id: string,
    options: { reason?: string; etag?: string } = {},
  ): Promise<BookingRecord> {
    const current = await this.require(hostId, id);
    if (current.status === 'cancelled') return current;
    const locks = await this.heldLocks(hostId, id, current);
    const actions: TransactionAction[] = locks.map((rowKey) => ['delete', { partitionKey: hostId, rowKey }]);
    actions.push([
      'update',
      {
        partitionKey: hostId,
        rowKey: bookingKey(id),
        status: 'cancelled',
        updatedAt: this.clock().toISOString(),
        ...(options.reason !== undefined && { cancelReason: options.reason }),
      },
      'Merge',
      { etag: options.etag ?? current.etag },
    ]);
    try {
      await this.table.submitTransaction(actions);
    } catch (error) {
      throw this.translate(error, hostId);
    }
    // After the booking row: a crash here leaves members' time blocked, never double booked.
    await this.releaseMembers(current.teamMemberIds ?? [], id, current);
    return this.require(hostId, id);
  }

  /**
   * Moves the booking to another span (reschedule, or the host moved the Outlook event): locks of
   * buckets only the new span touches are inserted, locks only the old span held are deleted, and
   * the booking row is updated (guarded by its ETag).
   *
   * When that fits in one transaction (≤ 100 operations, which covers every move by less than the
   * booking's own length) it is atomic. Otherwise Tables forces two steps, ordered so a crash can
   * never let another booking in: first insert the new locks together with the booking row update
   * (atomic: the booking now holds both spans), then delete the old locks. A crash between the two
   * leaves extra locks on time the booking no longer uses — time that stays blocked, never time
   * that is double booked — and `sweepStrayLocks` returns it.
   * @throws SlotTakenError when the new span is held by another booking; nothing changes then.
   */
  async move(
    hostId: string,
    id: string,
    to: HeldSpan,
    options: { etag?: string } = {},
  ): Promise<BookingRecord> {
    const current = await this.require(hostId, id);
    if (current.status === 'cancelled') throw new NotFoundError('booking');
    const next = bucketsOf(to).map(lockRowKey);
    const held = await this.heldLocks(hostId, id, current);
    const insert = next.filter((key) => !held.includes(key));
    const remove = held.filter((key) => !next.includes(key));
    const update: TransactionAction = [
      'update',
      {
        partitionKey: hostId,
        rowKey: bookingKey(id),
        start: iso(to.start),
        end: iso(to.end),
        bufferBeforeMinutes: to.bufferBeforeMinutes,
        bufferAfterMinutes: to.bufferAfterMinutes,
        updatedAt: this.clock().toISOString(),
      },
      'Merge',
      { etag: options.etag ?? current.etag },
    ];
    const creates: TransactionAction[] = insert.map((rowKey) => [
      'create',
      { partitionKey: hostId, rowKey, bookingId: id },
    ]);
    const deletes: TransactionAction[] = remove.map((rowKey) => ['delete', { partitionKey: hostId, rowKey }]);
    // Collective members first take the new time (undone if anything fails), then the booking
    // moves, then members give the old time back: at every step the time held is a superset.
    const members = current.teamMemberIds ?? [];
    const memberNew = await Promise.all(
      members.map(async (member) => {
        const had = await this.heldLocks(member, id, current);
        return { member, had, add: next.filter((key) => !had.includes(key)) };
      }),
    );
    const taken: { member: string; keys: string[] }[] = [];
    try {
      for (const { member, add } of memberNew) {
        await this.submit(add.map((rowKey) => ['create', { partitionKey: member, rowKey, bookingId: id }]));
        taken.push({ member, keys: add });
      }
      if (creates.length + deletes.length + 1 <= 100) {
        await this.submit([...creates, ...deletes, update]);
      } else {
        await this.submit([...creates, update]);
        await this.submit(deletes);
      }
    } catch (error) {
      for (const { member, keys } of taken) {
        await this.submit(keys.map((rowKey) => ['delete', { partitionKey: member, rowKey }]));
      }
      throw this.translate(error, hostId);
    }
    for (const { member, had } of memberNew) {
      await this.submit(
        had
          .filter((key) => !next.includes(key))
          .map((rowKey) => ['delete', { partitionKey: member, rowKey }]),
      );
    }
    return this.require(hostId, id);
  }

  /**
   * Deletes lock rows of the booking that its current span does not need (all of them when it is
   * cancelled or gone): the clean-up after a two-step move was interrupted. Returns how many.
   */
  async sweepStrayLocks(hostId: string, id: string): Promise<number> {
    const current = await this.get(hostId, id);
    const needed = new Set(
      current && current.status !== 'cancelled' ? lockBuckets(current).map(lockRowKey) : [],
    );
    const filter = odata`PartitionKey eq ${hostId} and RowKey ge 'lock|' and RowKey lt 'lock}' and bookingId eq ${id}`;
    const stray: string[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      if (row.rowKey && !needed.has(row.rowKey)) stray.push(row.rowKey);
    }
    for (let i = 0; i < stray.length; i += 100) {
      await this.submit(
        stray.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey: hostId, rowKey }]),
      );
    }
    return stray.length;
  }

  /**
   * Removes every trace of a booking from the host's partition: its row and every row naming it
   * (locks, idempotency key). For bookings that never concerned a person (the sync self-test's).
   */
  async purge(hostId: string, id: string): Promise<void> {
    const filter = odata`PartitionKey eq ${hostId} and bookingId eq ${id}`;
    const rows: string[] = [bookingKey(id)];
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      if (row.rowKey) rows.push(row.rowKey);
    }
    for (const rowKey of rows) await orMissing(this.table.deleteEntity(hostId, rowKey));
  }

  /**
   * Deletes the host's lock rows of buckets before `before` (time that can no longer be booked), so
   * partitions do not grow with history. Safe at any time: a past bucket protects nothing. Returns how many.
   */
  async pruneLocks(hostId: string, before: string): Promise<number> {
    const filter = odata`PartitionKey eq ${hostId} and RowKey ge 'lock|' and RowKey lt ${lockRowKey(Date.parse(before))}`;
    const old: string[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      if (row.rowKey) old.push(row.rowKey);
    }
    for (let i = 0; i < old.length; i += 100) {
      await this.submit(old.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey: hostId, rowKey }]));
    }
    return old.length;
  }

  /**
   * Clean-up for collective bookings interrupted by a crash: hold rows in `memberId`'s partition whose
   * booking is gone or cancelled are released with their locks; locks outside the booking's current
   * span are released. Returns how many rows were deleted.
   */
  async sweepMemberHolds(memberId: string): Promise<number> {
    const filter = odata`PartitionKey eq ${memberId} and RowKey ge 'hold|' and RowKey lt 'hold}'`;
    let deleted = 0;
    for await (const hold of this.table.listEntities<{ organizerId: string; bookingId: string }>({
      queryOptions: { filter },
    })) {
      const booking = await this.get(hold.organizerId, hold.bookingId);
      const needed = new Set(
        booking && booking.status !== 'cancelled' ? lockBuckets(booking).map(lockRowKey) : [],
      );
      const byBooking = odata`PartitionKey eq ${memberId} and RowKey ge 'lock|' and RowKey lt 'lock}' and bookingId eq ${hold.bookingId}`;
      const stray: string[] = [];
      for await (const row of this.table.listEntities({
        queryOptions: { filter: byBooking, select: ['RowKey'] },
      })) {
        if (row.rowKey && !needed.has(row.rowKey)) stray.push(row.rowKey);
      }
      if (needed.size === 0) stray.push(holdKey(hold.bookingId));
      for (let i = 0; i < stray.length; i += 100) {
        await this.submit(
          stray.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey: memberId, rowKey }]),
        );
      }
      deleted += stray.length;
    }
    return deleted;
  }

  /**
   * A collective booking occupies every member's calendar, so it takes the same lock rows in each
   * member's partition too (with a `hold|{bookingId}` row naming the organizer). Tables has no
   * transaction across partitions: members are held one transaction each, and if any member's time
   * is taken the members already held are released again before SLOT_TAKEN is answered.
   */
  private async holdMembers(booking: NewBooking, buckets: number[]): Promise<string[]> {
    const members = [...new Set(booking.teamMemberIds ?? [])].filter((m) => m !== booking.hostId);
    const results = await Promise.allSettled(
      members.map(async (member) => {
        await this.table.submitTransaction([
          [
            'create',
            {
              partitionKey: member,
              rowKey: holdKey(booking.id),
              organizerId: booking.hostId,
              bookingId: booking.id,
            },
          ],
          ...buckets.map((bucket): TransactionAction => [
            'create',
            { partitionKey: member, rowKey: lockRowKey(bucket), bookingId: booking.id },
          ]),
        ]);
        return member;
      }),
    );
    const held = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = results.findIndex((r) => r.status === 'rejected');
    if (failed >= 0) {
      await this.releaseMembers(held, booking.id, booking);
      const reason = (results[failed] as PromiseRejectedResult).reason;
      if (storageStatus(reason) === 409) throw new SlotTakenError(members[failed]!);
      throw reason;
    }
    return held;
  }

  /** Deletes the booking's lock rows (for its span) and hold row in each member's partition. */
  private async releaseMembers(members: readonly string[], id: string, span: HeldSpan): Promise<void> {
    await Promise.all(
      members.map(async (member) => {
        const locks = await this.heldLocks(member, id, span);
        const hold = await orMissing(this.table.getEntity(member, holdKey(id)));
        const rows = [...locks, ...(hold ? [holdKey(id)] : [])];
        await this.submit(rows.map((rowKey) => ['delete', { partitionKey: member, rowKey }]));
      }),
    );
  }

  private async submit(actions: TransactionAction[]): Promise<void> {
    if (actions.length > 0) await this.table.submitTransaction(actions);
  }

  /** Lock rows this booking holds for its current span (read, so a missing row never fails a delete). */
  private async heldLocks(hostId: string, id: string, span: HeldSpan): Promise<string[]> {
    const keys = lockBuckets(span).map(lockRowKey);
    const filter = odata`PartitionKey eq ${hostId} and RowKey ge ${keys[0]} and RowKey le ${keys[keys.length - 1]} and bookingId eq ${id}`;
    const held: string[] = [];
    for await (const row of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) {
      if (row.rowKey) held.push(row.rowKey);
    }
    return held;
  }

  private async replay(hostId: string, idempotency: IdempotentInsert): Promise<BookingRecord | undefined> {
    const row = await orMissing(
      this.table.getEntity<{ bookingId: string; fingerprint: string }>(
        hostId,
        idempotencyKey(idempotency.key),
      ),
    );
    if (!row) return undefined;
    if (row.fingerprint !== idempotency.fingerprint) throw new IdempotencyKeyReusedError();
    return this.require(hostId, row.bookingId);
  }

  private async require(hostId: string, id: string): Promise<BookingRecord> {
    const found = await this.get(hostId, id);
    if (!found) throw new NotFoundError('booking');
    return found;
  }

  private translate(error: unknown, hostId: string): unknown {
    const status = storageStatus(error);
    if (status === 409) return new SlotTakenError(hostId);
    if (status === 412) return new StaleRecordError('booking');
    if (status === 404) return new NotFoundError('booking');
    return error;
  }
}
