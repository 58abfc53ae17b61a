import { randomUUID } from 'node:crypto';
import { startAzurite, type RunningAzurite } from '@tandem/dev/azurite';
import { bookingPageInputSchema, type BookingPageInput } from '../contracts/pages.js';
import { settingsSchema } from '../contracts/me.js';
import { ConnectionRepository } from './connections.js';
import { IdempotencyRepository, requestFingerprint } from './idempotency.js';
import { PageRepository } from './pages.js';
import { decodeQueueMessage, openQueues } from './queues.js';
import { openTables, type Tables } from './tables.js';

let storage: RunningAzurite;
let tables: Tables;
beforeAll(async () => {
  storage = await startAzurite();
  tables = openTables(storage.connectionString);
  await tables.ensure();
});
afterAll(() => storage.stop());

const page = (slug: string, extra: Partial<BookingPageInput> = {}): BookingPageInput => ({
  ...bookingPageInputSchema.parse({ title: 'Intro', slug, durations: [30], location: { kind: 'teams' } }),
  ...extra,
});
const host = () => `host-${randomUUID()}`;

describe('booking pages', () => {
  it('stores a page and finds it by id, by slug and by public id', async () => {
    const pages = new PageRepository(tables);
    const h = host();
    const made = await pages.create(h, 'p1', page('intro'));
    expect(made.page.slug).toBe('intro');
    expect((await pages.get(h, 'p1'))?.page.title).toBe('Intro');
    expect((await pages.findBySlug(h, 'intro'))?.id).toBe('p1');
    expect((await pages.locate('p1'))?.hostId).toBe(h);
  });

  it('refuses a second page with the same slug for the same host, and writes nothing for it', async () => {
    const pages = new PageRepository(tables);
    const h = host();
    await pages.create(h, randomUUID(), page('demo'));
    const second = randomUUID();
    await expect(pages.create(h, second, page('demo'))).rejects.toMatchObject({
      code: 'SLUG_TAKEN',
      field: 'slug',
    });
    expect(await pages.get(h, second)).toBeUndefined();
    expect(await pages.locate(second)).toBeUndefined();
    expect(await pages.list(h)).toHaveLength(1);
  });

  it('lets two hosts use the same slug', async () => {
    const pages = new PageRepository(tables);
    await pages.create(host(), randomUUID(), page('same'));
    await expect(pages.create(host(), randomUUID(), page('same'))).resolves.toBeDefined();
  });

  it('moves the slug on update, freeing the old one, and refuses a taken one', async () => {
    const pages = new PageRepository(tables);
    const h = host();
    const a = await pages.create(h, randomUUID(), page('a'));
    await pages.create(h, randomUUID(), page('b'));
    await pages.update(h, a.id, page('c'));
    expect((await pages.findBySlug(h, 'c'))?.id).toBe(a.id);
    expect(await pages.findBySlug(h, 'a')).toBeUndefined();
    await expect(pages.update(h, a.id, page('b'))).rejects.toMatchObject({ code: 'SLUG_TAKEN' });
    expect((await pages.get(h, a.id))?.page.slug).toBe('c');
  });

  it('refuses an update with a stale ETag', async () => {
    const pages = new PageRepository(tables);
    const h = host();
    const a = await pages.create(h, randomUUID(), page('x'));
    await pages.update(h, a.id, page('x', { title: 'New' }));
    await expect(pages.update(h, a.id, page('x', { title: 'Old' }), { etag: a.etag })).rejects.toMatchObject({
      code: 'PRECONDITION_FAILED',
    });
  });

  it('keeps a page larger than one string column intact', async () => {
    const pages = new PageRepository(tables);
    const h = host();
    const big = page('big', {
      description: 'é'.repeat(2000),
      questions: Array.from({ length: 20 }, (_, i) => ({
        id: `q${i}`,
        label: 'L'.repeat(200),
        kind: 'choice' as const,
        required: false,
        options: Array.from({ length: 20 }, () => 'o'.repeat(100)),
      })),
    });
    const made = await pages.create(h, randomUUID(), big);
    expect((await pages.get(h, made.id))?.page).toEqual(big);
  });

  it('deletes the page with its slug, so the slug is free again', async () => {
    const pages = new PageRepository(tables);
    const h = host();
    const a = await pages.create(h, randomUUID(), page('gone'));
    await pages.delete(h, a.id);
    expect(await pages.locate(a.id)).toBeUndefined();
    await expect(pages.create(h, randomUUID(), page('gone'))).resolves.toBeDefined();
  });
});

describe('host connections', () => {
  it('keeps identity, sealed refresh token and settings side by side', async () => {
    const connections = new ConnectionRepository(tables);
    const h = host();
    await connections.saveIdentity({ hostId: h, tenantId: 't1', upn: 'ada@contoso.com', displayName: 'Ada' });
    await connections.saveRefreshToken(h, new Uint8Array([1, 2, 3, 250]));
    const settings = settingsSchema.parse({ availabilityCalendarIds: ['c1'], destinationCalendarId: 'c1' });
    await connections.saveSettings(h, settings);
    await connections.saveIdentity({
      hostId: h,
      tenantId: 't1',
      upn: 'ada@contoso.com',
      displayName: 'Ada L.',
    });
    const found = await connections.get(h);
    expect(found).toMatchObject({ displayName: 'Ada L.', settings });
    expect([...found!.sealedRefreshToken!]).toEqual([1, 2, 3, 250]);
  });

  it('refuses settings for a host that never connected', async () => {
    const connections = new ConnectionRepository(tables);
    const settings = settingsSchema.parse({ availabilityCalendarIds: ['c1'], destinationCalendarId: 'c1' });
    await expect(connections.saveSettings(host(), settings)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('idempotency records', () => {
  it('replays the first answer and refuses the key for another request', async () => {
    const records = new IdempotencyRepository(tables);
    const scope = host();
    const fp = requestFingerprint(['POST', '/api/bookings/b1/cancel', '{}']);
    expect(await records.recall(scope, 'key-1', fp)).toBeUndefined();
    const first = await records.remember(scope, 'key-1', fp, { status: 200, body: { id: 'b1' } });
    const second = await records.remember(scope, 'key-1', fp, { status: 200, body: { id: 'other' } });
    expect(second).toEqual(first);
    expect(await records.recall(scope, 'key-1', fp)).toEqual({ status: 200, body: { id: 'b1' } });
    await expect(records.recall(scope, 'key-1', requestFingerprint(['POST', '/x']))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
  });
});

describe('queues', () => {
  it('sends JSON as base64 text, as a Functions queue trigger expects', async () => {
    const queues = openQueues(storage.connectionString);
    await queues.ensure();
    await queues.send('botOutbox', { kind: 'approval', bookingId: 'b1' });
    const { receivedMessageItems } = await queues.client('botOutbox').receiveMessages();
    const text = receivedMessageItems[0]!.messageText;
    expect(Buffer.from(text, 'base64').toString('utf8')).toBe('{"kind":"approval","bookingId":"b1"}');
    expect(decodeQueueMessage(text)).toEqual({ kind: 'approval', bookingId: 'b1' });
  });
});
