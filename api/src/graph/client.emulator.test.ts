import { startEmulator, type EmulatorHandle } from '@tandem/dev/m365-emulator';
import { createGraphClient } from './client.js';
import { toBusyItem, type GraphEventTimes } from './event-mapping.js';
import { BOOKING_ID_EXPAND, BOOKING_ID_PROPERTY, bookingIdFilter } from './extended-property.js';

// The same factory production uses, against the Graph emulator over HTTPS: the client only attaches the
// bearer token to HTTPS hosts it was told about, so this proves the wiring a plain HTTP test cannot.
describe('the Graph client against the emulated Graph', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator();
  });
  afterAll(() => emulator.stop());

  it('reads a mailbox with the host token and finds a booking event by its extended property', async () => {
    const host = emulator.store.addUser({ userPrincipalName: 'megan', displayName: 'Megan Bowen' });
    const token = await emulator.graphToken({ user: host });
    const graph = createGraphClient({ baseUrl: emulator.origin, accessToken: async () => token });

    const created = (await graph.api('/me/events').post({
      subject: 'Intro call',
      start: { dateTime: '2026-04-15T09:00:00', timeZone: 'Pacific Standard Time' },
      end: { dateTime: '2026-04-15T09:30:00', timeZone: 'Pacific Standard Time' },
      showAs: 'busy',
      transactionId: 'bk_42',
      singleValueExtendedProperties: [{ id: BOOKING_ID_PROPERTY, value: 'bk_42' }],
    })) as { id: string };

    const found = (await graph
      .api('/me/events')
      .header('Prefer', 'outlook.timezone="UTC"')
      .filter(bookingIdFilter('bk_42'))
      .expand(BOOKING_ID_EXPAND)
      .get()) as { value: GraphEventTimes[] };

    expect(found.value.map((e) => e.id)).toEqual([created.id]);
    const item = toBusyItem(found.value[0]!, 'calendar');
    expect(item).toMatchObject({
      start: '2026-04-15T16:00:00Z',
      end: '2026-04-15T16:30:00Z',
      showAs: 'busy',
      bookingId: 'bk_42',
    });
  });

  it('is refused by Graph without a valid token', async () => {
    const graph = createGraphClient({ baseUrl: emulator.origin, accessToken: async () => 'not-a-token' });
    await expect(graph.api('/me').get()).rejects.toMatchObject({ statusCode: 401 });
  });
});
