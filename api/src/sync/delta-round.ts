import type { Client } from '@microsoft/microsoft-graph-client';
import { calendarPath } from '../graph/calendar-reads.js';
import type { GraphEventTimes } from '../graph/event-mapping.js';

/** An event as calendarView/delta returns it (every field; delta takes no $select). */
export interface DeltaEvent extends GraphEventTimes {
  changeKey?: string;
  transactionId?: string | null;
  type?: string;
}

export interface DeltaRound {
  upserts: DeltaEvent[];
  removedIds: string[];
  /** Where the next round resumes. */
  deltaLink: string;
  /** The round started over (no stored link, or Graph forgot it): `upserts` is the whole window. */
  full: boolean;
}

interface DeltaPage {
  value: (DeltaEvent | { id: string; '@removed': { reason?: string } })[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

const prefer = 'outlook.timezone="UTC", odata.maxpagesize=500';

/** Graph's answer when a delta token is too old: the client must sync again from scratch. */
export function isSyncStateLost(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string | null };
  return e?.statusCode === 410 || /syncStateNotFound|SYNC_STATE_NOT_FOUND/i.test(e?.code ?? '');
}

/**
 * One round of calendarView/delta: resumed from `deltaLink` when there is one, started over the window
 * otherwise or when Graph no longer knows the link (410 syncStateNotFound).
 */
export async function runDeltaRound(
  graph: Client,
  userId: string,
  calendarId: string,
  window: { start: string; end: string },
  deltaLink: string | undefined,
): Promise<DeltaRound> {
  let full = deltaLink === undefined;
  let page: DeltaPage;
  try {
    page = deltaLink
      ? ((await graph.api(deltaLink).header('Prefer', prefer).get()) as DeltaPage)
      : await startRound(graph, userId, calendarId, window);
  } catch (error) {
    if (!deltaLink || !isSyncStateLost(error)) throw error;
    full = true;
    page = await startRound(graph, userId, calendarId, window);
  }
  const upserts = new Map<string, DeltaEvent>();
  const removed = new Set<string>();
  for (;;) {
    for (const entry of page.value) {
      if ('@removed' in entry) {
        upserts.delete(entry.id);
        removed.add(entry.id);
      } else if (entry.type !== 'seriesMaster') {
        removed.delete(entry.id);
        upserts.set(entry.id, entry);
      }
    }
    const next = page['@odata.nextLink'];
    if (next) {
      page = (await graph.api(next).header('Prefer', prefer).get()) as DeltaPage;
      continue;
    }
    const link = page['@odata.deltaLink'];
    if (!link) throw new Error('calendarView/delta ended without a delta link.');
    return { upserts: [...upserts.values()], removedIds: [...removed], deltaLink: link, full };
  }
}

function startRound(
  graph: Client,
  userId: string,
  calendarId: string,
  window: { start: string; end: string },
): Promise<DeltaPage> {
  return graph
    .api(`${calendarPath(userId, calendarId)}/calendarView/delta`)
    .header('Prefer', prefer)
    .query({ startDateTime: window.start, endDateTime: window.end })
    .get() as Promise<DeltaPage>;
}
