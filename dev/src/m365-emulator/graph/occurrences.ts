import { instanceToEvent } from '../calendar/calendar-view.js';
import { cancelledOccurrenceOid, expandSeries, parseOccurrenceId } from '../calendar/recurrence.js';
import { itemNotFound } from '../errors.js';
import { applyEventInput, type EventInput } from '../state/event-input.js';
import type { GraphEvent } from '../state/graph-types.js';
import type { EventRecord } from '../state/records.js';
import type { EmulatorStore } from '../state/store.js';

const DAY_MS = 86_400_000;

/** An occurrence of a series, addressed by the id calendarView gave it (it is not stored). */
export interface Occurrence {
  master: EventRecord;
  /** The occurrence as Graph shows it: the master's properties under the occurrence id. */
  event: GraphEvent;
  originalStartMs: number;
}

/**
 * The unchanged occurrence an id names, or null when the id is no occurrence id. A well-formed id
 * whose series or date does not exist (or was cancelled) is a 404, as Graph answers.
 */
export function findOccurrence(store: EmulatorStore, userId: string, id: string): Occurrence | null {
  const parsed = parseOccurrenceId(id);
  if (!parsed) return null;
  const master = store.findEvent(userId, parsed.seriesMasterId);
  if (!master || master.event.type !== 'seriesMaster') throw itemNotFound();
  const exceptions = store
    .listEvents(userId, master.calendarId)
    .map((r) => r.event)
    .filter((e) => e.seriesMasterId === master.event.id && e.type === 'exception');
  const from = parsed.originalStartMs - 2 * DAY_MS;
  const to = parsed.originalStartMs + 2 * DAY_MS;
  const instance = expandSeries(master.event, from, to, { exceptions }).find(
    (i) => i.id === id && i.type === 'occurrence',
  );
  if (!instance) throw itemNotFound();
  return { master, event: instanceToEvent(instance), originalStartMs: parsed.originalStartMs };
}

/**
 * Changing one occurrence makes it an exception of its series. The exception keeps the
 * occurrence's id, so a client holding that id keeps addressing the same meeting.
 */
export function updateOccurrence(
  store: EmulatorStore,
  userId: string,
  occurrence: Occurrence,
  input: EventInput,
): GraphEvent {
  const exception: GraphEvent = {
    ...structuredClone(occurrence.event),
    type: 'exception',
    seriesMasterId: occurrence.master.event.id,
    recurrence: null,
    originalStart: new Date(occurrence.originalStartMs).toISOString().replace(/\.000Z$/, 'Z'),
  };
  delete exception.cancelledOccurrences;
  applyEventInput(exception, input, 'update');
  return store.insertEvent(userId, occurrence.master.calendarId, exception);
}

/**
 * Deleting (or cancelling) one instance of a series: the master lists it in cancelledOccurrences
 * and a stored exception for it goes away.
 */
export function cancelInstance(
  store: EmulatorStore,
  userId: string,
  target: { masterId: string; originalStartMs: number; exceptionId?: string },
): void {
  if (target.exceptionId) store.deleteEvent(userId, target.exceptionId, { cancelled: true });
  store.mutateEvent(userId, target.masterId, (master) => {
    const oid = cancelledOccurrenceOid(master, target.originalStartMs);
    master.cancelledOccurrences = [...new Set([...(master.cancelledOccurrences ?? []), oid])];
    return master;
  });
}
