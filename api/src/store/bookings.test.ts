import { randomUUID } from 'node:crypto';
import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { BookingRepository, type NewBooking } from './bookings.js';
import { openTables, type Tables } from './tables.js';

let storage: RunningAzurite;
let tables: Tables;
let bookings: BookingRepository;

beforeAll(async () => {
  storage = await startAzurite();
  tables = openTables(storage.connectionString);
  await tables.ensure();
  bookings = new BookingRepository(tables);
});
afterAll(() => storage.stop());

const day = '2026-04-15';
function booking(hostId: string, start: string, end: string, extra: Partial<NewBooking> = {}): NewBooking {
  return {
    id: randomUUID(),
    hostId,
    pageId: 'intro',
    status: 'pending',
    start: `${day}T${start}:00Z`,
    end: `${day}T${end}:00Z`,
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    invitee: { name: 'Ada', email: 'ada@example.com', timeZone: 'Europe/London' },
    answers: { topic: 'Roadmap' },
    manageNonce: randomUUID(),
    bookedAt: `${day}T08:00:00Z`,
    ...extra,
  };
}
const newHost = () => `host-${randomUUID()}`;

async function lockRows(hostId: string): Promise<string[]> {
  const rows: string[] = [];
  const filter = `PartitionKey eq '${hostId}' and RowKey ge 'lock|' and RowKey lt 'lock}'`;
  for await (const row of tables.client('bookings').listEntities({ queryOptions: { filter } }))
    rows.push(row.rowKey!);
  return rows;
}

describe('when many invitees book the same slot at once', () => {
  it('lets exactly one of 200 concurrent bookings through and refuses 199 with SLOT_TAKEN', async () => {
    const host = newHost();
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () => bookings.insert(booking(host, '09:00', '09:30'))),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(won).toHaveLength(1);
    expect(refused).toHaveLength(199);
    expect(refused.every((e) => e.code === 'SLOT_TAKEN')).toBe(true);
    expect(await bookings.list(host)).toHaveLength(1);
    expect(await lockRows(host)).toHaveLength(6);
  });

  it('accepts 100 concurrent bookings of 100 distinct slots', async () => {
    const host = newHost();
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, (_, i) => {
        const start = new Date(Date.parse(`${day}T00:00:00Z`) + i * 10 * 60_000);
        const end = new Date(start.getTime() + 10 * 60_000);
        return bookings.insert({
          ...booking(host, '00:00', '00:10'),
          start: start.toISOString(),
          end: end.toISOString(),
        });
      }),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(100);
    expect(await bookings.list(host)).toHaveLength(100);
  });
});

describe('overlap rules', () => {
  test.each([
    [
      'a buffer after the first reaches into the second',
      { bufferAfterMinutes: 10 },
      {},
      '09:30',
      '10:00',
      'conflict',
    ],
    [
      'a buffer before the second reaches into the first',
      {},
      { bufferBeforeMinutes: 5 },
      '09:30',
      '10:00',
      'conflict',
    ],
    ['touching spans without buffers', {}, {}, '09:30', '10:00', 'both'],
    [
      'touching buffered spans',
      { bufferAfterMinutes: 10 },
      { bufferBeforeMinutes: 5 },
      '09:45',
      '10:15',
      'both',
    ],
  ])('%s', async (_name, first, second, start, end, expected) => {
    const host = newHost();
    await bookings.insert(booking(host, '09:00', '09:30', first));
    const attempt = bookings.insert(booking(host, start, end, second));
    if (expected === 'both') await expect(attempt).resolves.toMatchObject({ replayed: false });
    else await expect(attempt).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
  });

  it('a span moved to odd minutes holds the whole bucket it ends in', async () => {
    const host = newHost();
    await bookings.insert(booking(host, '09:00', '09:32'));
    await expect(bookings.insert(booking(host, '09:30', '10:00'))).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
    await expect(bookings.insert(booking(host, '09:35', '10:00'))).resolves.toBeDefined();
  });

  it('keeps hosts apart: the same time for two hosts is two bookings', async () => {
    await bookings.insert(booking(newHost(), '09:00', '09:30'));
    await expect(bookings.insert(booking(newHost(), '09:00', '09:30'))).resolves.toBeDefined();
  });
});

describe('when a booking fails', () => {
  it('leaves no booking row and no lock row behind', async () => {
    const host = newHost();
    await bookings.insert(booking(host, '10:00', '10:30'));
    const loser = booking(host, '09:00', '10:05');
    await expect(bookings.insert(loser)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect(await bookings.get(host, loser.id)).toBeUndefined();
    expect(await lockRows(host)).toHaveLength(6);
  });

  it('refuses a span longer than one transaction can lock, naming the duration', async () => {
    const host = newHost();
    await expect(bookings.insert(booking(host, '08:00', '16:15'))).rejects.toMatchObject({
      code: 'BOOKING_TOO_LONG',
      field: 'duration',
    });
    expect(await lockRows(host)).toHaveLength(0);
  });
});

describe('idempotent retries', () => {
  it('answers the first booking again for the same key, even when retried concurrently', async () => {
    const host = newHost();
    const key = { key: 'intro:retry-1', fingerprint: 'sha-of-body' };
    const first = await bookings.insert(booking(host, '11:00', '11:30'), key);
    const retries = await Promise.all(
      [1, 2, 3].map(() => bookings.insert(booking(host, '11:00', '11:30'), key)),
    );
    expect(first.replayed).toBe(false);
    expect(first.booking).toEqual(await bookings.get(host, first.booking.id));
    for (const retry of retries) {
      expect(retry.replayed).toBe(true);
      expect(retry.booking.id).toBe(first.booking.id);
    }
    expect(await bookings.list(host)).toHaveLength(1);
    expect((await bookings.findByIdempotencyKey(host, key.key))?.id).toBe(first.booking.id);
  });

  it('catches a retry in the transaction itself when the caller skips the first read', async () => {
    const host = newHost();
    const key = { key: 'intro:retry-2', fingerprint: 'sha-of-body' };
    const first = await bookings.insert(booking(host, '13:00', '13:30'), key, { lookFirst: false });
    const retries = await Promise.all(
      [1, 2, 3].map(() => bookings.insert(booking(host, '13:00', '13:30'), key, { lookFirst: false })),
    );
    expect(retries.map((r) => [r.replayed, r.booking.id])).toEqual(
      retries.map(() => [true, first.booking.id]),
    );
    // Even once the time is free again, the key still names the first booking.
    await bookings.cancel(host, first.booking.id);
    const later = await bookings.insert(booking(host, '13:00', '13:30'), key, { lookFirst: false });
    expect(later).toMatchObject({ replayed: true, booking: { id: first.booking.id, status: 'cancelled' } });
    await expect(
      bookings.insert(
        booking(host, '14:00', '14:30'),
        { ...key, fingerprint: 'other' },
        { lookFirst: false },
      ),
    ).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await bookings.list(host, { status: ['pending'] })).toHaveLength(0);
    expect(await lockRows(host)).toHaveLength(0);
  });

  it('refuses the same key for a different request', async () => {
    const host = newHost();
    await bookings.insert(booking(host, '11:00', '11:30'), { key: 'k', fingerprint: 'a' });
    await expect(
      bookings.insert(booking(host, '12:00', '12:30'), { key: 'k', fingerprint: 'b' }),
    ).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });
});

describe('changing a booking', () => {
  it('cancel frees the slot for the next invitee', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '13:00', '13:30'));
    const cancelled = await bookings.cancel(host, made.id, { reason: 'Ill' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Ill' });
    expect(await lockRows(host)).toHaveLength(0);
    await expect(bookings.insert(booking(host, '13:00', '13:30'))).resolves.toBeDefined();
  });

  it('move keeps the shared buckets, takes the new ones and frees the old ones in one step', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '13:00', '13:30'));
    const moved = await bookings.move(host, made.id, {
      start: `${day}T13:15:00Z`,
      end: `${day}T13:45:00Z`,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    expect(moved.start).toBe(`${day}T13:15:00.000Z`);
    const locks = await lockRows(host);
    expect(locks[0]).toBe(`lock|${day}T13:15:00.000Z`);
    expect(locks).toHaveLength(6);
    await expect(bookings.insert(booking(host, '13:00', '13:15'))).resolves.toBeDefined();
  });

  it('a move far away (more than one transaction) ends with exactly the new locks', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '08:00', '15:00'));
    await bookings.move(host, made.id, {
      start: `${day}T15:00:00Z`,
      end: `${day}T22:00:00Z`,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    const locks = await lockRows(host);
    expect(locks).toHaveLength(84);
    expect(locks[0]).toBe(`lock|${day}T15:00:00.000Z`);
    expect(await bookings.sweepStrayLocks(host, made.id)).toBe(0);
  });

  it('a move onto another booking fails and changes nothing', async () => {
    const host = newHost();
    const { booking: a } = await bookings.insert(booking(host, '14:00', '14:30'));
    await bookings.insert(booking(host, '15:00', '15:30'));
    await expect(
      bookings.move(host, a.id, {
        start: `${day}T15:15:00Z`,
        end: `${day}T15:45:00Z`,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
      }),
    ).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect((await bookings.get(host, a.id))?.start).toBe(`${day}T14:00:00.000Z`);
    expect(await lockRows(host)).toHaveLength(12);
  });

  it('patch from a known record answers what a fresh read shows', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '17:00', '17:30'));
    const confirmed = await bookings.patch(
      host,
      made.id,
      { status: 'confirmed', eventId: 'AAMk2', changeKey: 'ck1' },
      { known: made },
    );
    expect(confirmed).toEqual(await bookings.get(host, made.id));
    expect(confirmed).toMatchObject({ status: 'confirmed', eventId: 'AAMk2', changeKey: 'ck1' });
  });

  it('patch from a record changed since reads it again and keeps the other change', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '18:00', '18:30'));
    await bookings.patch(host, made.id, { eventId: 'AAMk3' });
    const patched = await bookings.patch(host, made.id, { changeKey: 'ck2' }, { known: made });
    expect(patched).toEqual(await bookings.get(host, made.id));
    expect(patched).toMatchObject({ eventId: 'AAMk3', changeKey: 'ck2' });
  });

  it('a stale ETag is refused with PRECONDITION_FAILED', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '16:00', '16:30'));
    await bookings.patch(host, made.id, { status: 'confirmed', eventId: 'AAMk1', changeKey: 'ck1' });
    await expect(
      bookings.patch(host, made.id, { changeKey: 'ck2' }, { etag: made.etag }),
    ).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
    expect(await bookings.get(host, made.id)).toMatchObject({
      status: 'confirmed',
      eventId: 'AAMk1',
      changeKey: 'ck1',
    });
  });

  it('sweepStrayLocks removes locks left by an interrupted two-step move', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '17:00', '17:30'));
    await tables
      .client('bookings')
      .createEntity({ partitionKey: host, rowKey: `lock|${day}T20:00:00.000Z`, bookingId: made.id });
    expect(await bookings.sweepStrayLocks(host, made.id)).toBe(1);
    expect(await lockRows(host)).toHaveLength(6);
  });

  it('pruneLocks deletes only lock rows of past buckets and keeps the bookings', async () => {
    const host = newHost();
    await bookings.insert(booking(host, '06:00', '07:00'));
    await bookings.insert(booking(host, '20:00', '20:30'));
    expect(await bookings.pruneLocks(host, `${day}T06:30:00Z`)).toBe(6);
    const locks = await lockRows(host);
    expect(locks[0]).toBe(`lock|${day}T06:30:00.000Z`);
    expect(locks).toHaveLength(6 + 6);
    expect(await bookings.list(host)).toHaveLength(2);
  });

  it('lists pending bookings for the reconciler', async () => {
    const host = newHost();
    const { booking: made } = await bookings.insert(booking(host, '18:00', '18:30'));
    const pending = await bookings.listPending(`${day}T09:00:00Z`);
    expect(pending.map((b) => b.id)).toContain(made.id);
  });
});

describe('collective team bookings', () => {
  const team = (organizer: string, members: string[], start: string, end: string) =>
    booking(organizer, start, end, { teamMemberIds: members });

  it("occupancy reads a member's own bookings in the range and the holds of others' bookings at once", async () => {
    const [organizer, member] = [newHost(), newHost()];
    const { booking: collective } = await bookings.insert(team(organizer, [member], '10:00', '10:30'));
    const { booking: own } = await bookings.insert(booking(member, '12:00', '12:30'));
    await bookings.insert(booking(member, '20:00', '20:30'));
    const found = await bookings.occupancy(member, { from: `${day}T09:00:00Z`, to: `${day}T13:00:00Z` });
    expect(found.bookings.map((b) => b.id)).toEqual([own.id]);
    expect(found.holds).toEqual([{ organizerId: organizer, bookingId: collective.id }]);
    const organizers = await bookings.occupancy(organizer, {
      from: `${day}T09:00:00Z`,
      to: `${day}T13:00:00Z`,
    });
    expect(organizers).toEqual({ bookings: [collective], holds: [] });
  });

  it("hold every member's time, so a member's own page cannot book it", async () => {
    const [organizer, member] = [newHost(), newHost()];
    await bookings.insert(team(organizer, [member], '09:00', '09:30'));
    await expect(bookings.insert(booking(member, '09:15', '09:45'))).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
    expect(await lockRows(member)).toHaveLength(6);
  });

  it('hold nothing anywhere when one member is taken', async () => {
    const [organizer, free, busy] = [newHost(), newHost(), newHost()];
    await bookings.insert(booking(busy, '10:00', '10:30'));
    const attempt = team(organizer, [free, busy], '10:00', '10:30');
    await expect(bookings.insert(attempt)).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect(await lockRows(free)).toHaveLength(0);
    expect(await lockRows(organizer)).toHaveLength(0);
    expect(await bookings.get(organizer, attempt.id)).toBeUndefined();
  });

  it('hold nothing on members when the organizer is taken', async () => {
    const [organizer, member] = [newHost(), newHost()];
    await bookings.insert(booking(organizer, '11:00', '11:30'));
    await expect(bookings.insert(team(organizer, [member], '11:00', '11:30'))).rejects.toMatchObject({
      code: 'SLOT_TAKEN',
    });
    expect(await lockRows(member)).toHaveLength(0);
  });

  it("cancel frees every member's time", async () => {
    const [organizer, member] = [newHost(), newHost()];
    const { booking: made } = await bookings.insert(team(organizer, [member], '12:00', '12:30'));
    await bookings.cancel(organizer, made.id);
    expect(await lockRows(member)).toHaveLength(0);
    await expect(bookings.insert(booking(member, '12:00', '12:30'))).resolves.toBeDefined();
  });

  it('move takes the new time on every member and frees the old', async () => {
    const [organizer, member] = [newHost(), newHost()];
    const { booking: made } = await bookings.insert(team(organizer, [member], '13:00', '13:30'));
    await bookings.move(organizer, made.id, {
      start: `${day}T14:00:00Z`,
      end: `${day}T14:30:00Z`,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 0,
    });
    expect((await lockRows(member))[0]).toBe(`lock|${day}T14:00:00.000Z`);
    expect(await lockRows(member)).toHaveLength(6);
  });

  it("a move onto a member's busy time fails and leaves every calendar as it was", async () => {
    const [organizer, member] = [newHost(), newHost()];
    const { booking: made } = await bookings.insert(team(organizer, [member], '15:00', '15:30'));
    await bookings.insert(booking(member, '16:00', '16:30'));
    await expect(
      bookings.move(organizer, made.id, {
        start: `${day}T16:00:00Z`,
        end: `${day}T16:30:00Z`,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
      }),
    ).rejects.toMatchObject({ code: 'SLOT_TAKEN' });
    expect(await lockRows(member)).toHaveLength(12);
    expect(await lockRows(organizer)).toHaveLength(6);
    expect((await bookings.get(organizer, made.id))?.start).toBe(`${day}T15:00:00.000Z`);
  });

  it('sweepMemberHolds releases holds whose booking never got written (a crash in between)', async () => {
    const [organizer, member] = [newHost(), newHost()];
    const orphan = randomUUID();
    await tables.client('bookings').submitTransaction([
      [
        'create',
        { partitionKey: member, rowKey: `hold|${orphan}`, organizerId: organizer, bookingId: orphan },
      ],
      ['create', { partitionKey: member, rowKey: `lock|${day}T17:00:00.000Z`, bookingId: orphan }],
    ]);
    const { booking: kept } = await bookings.insert(team(organizer, [member], '18:00', '18:30'));
    expect(await bookings.sweepMemberHolds(member)).toBe(2);
    expect(await lockRows(member)).toHaveLength(6);
    expect((await bookings.get(organizer, kept.id))?.status).toBe('pending');
  });
});
