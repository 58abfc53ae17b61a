import type { Client } from '@microsoft/microsoft-graph-client';
import { schemaErrors } from '../graph-schema/index.js';
import { graphFailure, startConformance, type Conformance } from './harness.js';

let c: Conformance;
let graph: Client;

beforeAll(async () => {
  c = await startConformance();
  graph = c.graph(await c.em.graphToken({ user: c.adele }));
});
afterAll(() => c.stop());

interface ViewItem {
  id: string;
  type: string;
  start: { dateTime: string };
  seriesMasterId?: string;
}

const week = (from: string, to: string) =>
  graph
    .api('/me/calendarView')
    .query({ startDateTime: from, endDateTime: to })
    .header('Prefer', 'outlook.timezone="Europe/London"')
    .get() as Promise<{ value: ViewItem[] }>;

describe('one occurrence of a weekly series, addressed by its calendarView id', () => {
  it('reads, moves (becoming an exception under the same id) and deletes (a cancelled occurrence)', async () => {
    const master = await graph.api('/me/events').post({
      subject: 'Weekly sync',
      start: { dateTime: '2026-03-16T09:00:00', timeZone: 'GMT Standard Time' },
      end: { dateTime: '2026-03-16T09:30:00', timeZone: 'GMT Standard Time' },
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
        range: { type: 'numbered', startDate: '2026-03-16', numberOfOccurrences: 4 },
      },
    });
    expect(schemaErrors('event', master)).toEqual([]);
    const view = await week('2026-03-16T00:00:00Z', '2026-04-13T00:00:00Z');
    expect(view.value.map((e) => e.start.dateTime)).toEqual([
      '2026-03-16T09:00:00.0000000',
      '2026-03-23T09:00:00.0000000',
      '2026-03-30T09:00:00.0000000',
      '2026-04-06T09:00:00.0000000',
    ]);
    const [first, second, third] = view.value;

    const read = await graph.api(`/me/events/${second!.id}`).get();
    expect(schemaErrors('event', read)).toEqual([]);
    expect(read).toMatchObject({
      id: second!.id,
      type: 'occurrence',
      seriesMasterId: master.id,
      subject: 'Weekly sync',
    });

    const moved = await graph.api(`/me/events/${third!.id}`).patch({
      start: { dateTime: '2026-03-30T11:00:00', timeZone: 'Europe/London' },
      end: { dateTime: '2026-03-30T11:30:00', timeZone: 'Europe/London' },
    });
    expect(schemaErrors('event', moved)).toEqual([]);
    expect(moved).toMatchObject({
      id: third!.id,
      type: 'exception',
      seriesMasterId: master.id,
      originalStart: '2026-03-30T08:00:00Z',
    });

    await graph.api(`/me/events/${first!.id}`).delete();
    const after = await week('2026-03-16T00:00:00Z', '2026-04-13T00:00:00Z');
    expect(after.value.map((e) => [e.id, e.start.dateTime])).toEqual([
      [second!.id, '2026-03-23T09:00:00.0000000'],
      [third!.id, '2026-03-30T11:00:00.0000000'],
      [view.value[3]!.id, '2026-04-06T09:00:00.0000000'],
    ]);
    const masterAfter = await graph.api(`/me/events/${master.id}`).get();
    expect(masterAfter.cancelledOccurrences).toEqual([`OID.${master.id}.2026-03-16`]);
    expect((await graphFailure(graph.api(`/me/events/${first!.id}`).get())).statusCode).toBe(404);
  });
});
