import { createHash, randomBytes } from 'node:crypto';
import { CalendarInputError } from './calendar-errors.js';
import type { CalendarViewIndex } from './calendar-view.js';
import type { EventLike, Instance } from './event-shape.js';

/**
 * What a delta round reads from the store for one calendar: its version in the change feed, its
 * events arranged for windowed reads, and which stored events changed after a version.
 */
export interface DeltaSource<E extends EventLike> {
  version: number;
  index: CalendarViewIndex<E>;
  /** The IANA zone all-day events are placed in (the reader's); UTC by default. */
  floatingZone?: string;
  /**
   * Ids of stored events created, updated or deleted after `version` (tombstones included), or null
   * when the feed no longer reaches back that far.
   */
  changedSince(version: number): Iterable<string> | null;
}

/** One entry of a delta page: an instance to upsert, or the id of one to drop. */
export type DeltaItem<E extends EventLike> =
  { kind: 'upsert'; instance: Instance<E> } | { kind: 'removed'; id: string };

export interface DeltaPage<E extends EventLike> {
  items: DeltaItem<E>[];
  /** Present when the round has more pages: the $skiptoken of the next one. */
  skipToken?: string;
  /** Present on the round's last page: the $deltatoken that starts the next round. */
  deltaToken?: string;
}

/** Graph's shape of a removed instance in a delta page. */
export function removedEntry(id: string): {
  '@odata.type': '#microsoft.graph.event';
  id: string;
  '@removed': { reason: 'deleted' };
} {
  return { '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: 'deleted' } };
}

export interface DeltaOptions {
  /** Page size without `Prefer: odata.maxpagesize`. */
  defaultPageSize?: number;
  /** Larger preferences are cut to this. */
  maxPageSize?: number;
  /**
   * How many rounds the emulator remembers; older tokens then answer 410 syncStateNotFound, as
   * Outlook's bounded delta-token cache does.
   */
  capacity?: number;
}

interface Round<E extends EventLike> {
  scope: string;
  startMs: number;
  endMs: number;
  version: number;
  items: DeltaItem<E>[];
  /** Instance id → fingerprint, the state a client holds once it has read every page. */
  snapshot: Map<string, string>;
}

/** The state a token carries; the round id points at what the emulator keeps for it. */
interface TokenState {
  v: 1;
  round: string;
  offset: number;
  scope: string;
  startMs: number;
  endMs: number;
  version: number;
}

// Bookkeeping fields of a series master that change with every write but not what its occurrences show.
const MASTER_BOOKKEEPING = new Set([
  'changeKey',
  'lastModifiedDateTime',
  'cancelledOccurrences',
  '@odata.etag',
]);
const masterSignatures = new WeakMap<object, string>();

/**
 * What a client holding an instance has seen of it. An occurrence shows its master's content, not
 * its change key: cancelling one occurrence rewrites the master, yet only that occurrence changed.
 */
function fingerprint(instance: Instance): string {
  if (instance.type !== 'occurrence') {
    const key = instance.source.changeKey ?? JSON.stringify(instance.source);
    return `${key}|${instance.startMs}|${instance.endMs}`;
  }
  const master = instance.master!;
  let signature = masterSignatures.get(master);
  if (signature === undefined) {
    const content = JSON.stringify(master, (key, value: unknown) =>
      MASTER_BOOKKEEPING.has(key) ? undefined : value,
    );
    // Snapshots keep one fingerprint per instance for hundreds of rounds: a digest, not the content.
    signature = createHash('sha1').update(content).digest('base64url');
    masterSignatures.set(master, signature);
  }
  return `${signature}|${instance.startMs}|${instance.endMs}`;
}

function syncStateNotFound(field: string): CalendarInputError {
  return new CalendarInputError(
    'SYNC_STATE_NOT_FOUND',
    field,
    'The sync state generation is not found. The delta token is expired and data must be synchronized again.',
  );
}

/**
 * calendarView/delta as Graph documents it: an initial round pages through every instance of the
 * window and ends with a delta token; a round started from a delta token returns instances created
 * or changed since (including ones moved into the window) and `@removed` entries for instances
 * deleted or moved out, one entry per affected instance of a changed series.
 */
export class CalendarDelta<E extends EventLike> {
  private readonly rounds = new Map<string, Round<E>>();
  private readonly defaultPageSize: number;
  private readonly maxPageSize: number;
  private readonly capacity: number;

  constructor(options: DeltaOptions = {}) {
    this.defaultPageSize = options.defaultPageSize ?? 10;
    this.maxPageSize = options.maxPageSize ?? 1000;
    this.capacity = options.capacity ?? 500;
  }

  /** Every token issued so far answers 410 syncStateNotFound from now on (the "forget delta tokens" fault). */
  forgetAll(): void {
    this.rounds.clear();
  }

  /**
   * The first page of an initial round over [startMs, endMs).
   * @example delta.start('user1/calendar', window, source, 2) // pages of 2, then a delta token
   */
  start(
    scope: string,
    window: { startMs: number; endMs: number },
    source: DeltaSource<E>,
    pageSize?: number,
  ): DeltaPage<E> {
    const instances = source.index.view(window.startMs, window.endMs, { floatingZone: source.floatingZone });
    const items: DeltaItem<E>[] = instances.map((instance) => ({ kind: 'upsert', instance }));
    return this.openRound(scope, window, source.version, items, instances, pageSize);
  }

  /** The page a $skiptoken names. */
  skip(scope: string, skipToken: string, pageSize?: number): DeltaPage<E> {
    const state = this.decode(skipToken, scope, '$skiptoken');
    const round = this.rounds.get(state.round)!;
    return this.page(state.round, round, state.offset, pageSize);
  }

  /** The first page of a round of changes since the round a $deltatoken closed. */
  resume(scope: string, deltaToken: string, source: DeltaSource<E>, pageSize?: number): DeltaPage<E> {
    const state = this.decode(deltaToken, scope, '$deltatoken');
    const previous = this.rounds.get(state.round)!;
    const changed = source.changedSince(previous.version);
    if (changed === null) throw syncStateNotFound('$deltatoken');
    const instances = source.index.view(previous.startMs, previous.endMs, {
      floatingZone: source.floatingZone,
    });
    const items: DeltaItem<E>[] = [];
    const present = new Set<string>();
    for (const instance of instances) {
      present.add(instance.id);
      if (previous.snapshot.get(instance.id) !== fingerprint(instance))
        items.push({ kind: 'upsert', instance });
    }
    for (const id of previous.snapshot.keys()) {
      if (!present.has(id)) items.push({ kind: 'removed', id });
    }
    // Graph also names events outside the window that changed since the last round; clients filter
    // them. Occurrences of changed series are covered above, so only stored event ids are added here.
    for (const id of new Set(changed)) {
      if (present.has(id) || previous.snapshot.has(id) || source.index.isSeriesMaster(id)) continue;
      items.push({ kind: 'removed', id });
    }
    return this.openRound(scope, previous, source.version, items, instances, pageSize);
  }

  private openRound(
    scope: string,
    window: { startMs: number; endMs: number },
    version: number,
    items: DeltaItem<E>[],
    instances: Instance<E>[],
    pageSize: number | undefined,
  ): DeltaPage<E> {
    const snapshot = new Map(instances.map((instance) => [instance.id, fingerprint(instance)]));
    const round: Round<E> = { scope, startMs: window.startMs, endMs: window.endMs, version, items, snapshot };
    const id = randomBytes(12).toString('base64url');
    this.rounds.set(id, round);
    while (this.rounds.size > this.capacity) this.rounds.delete(this.rounds.keys().next().value!);
    return this.page(id, round, 0, pageSize);
  }

  private page(id: string, round: Round<E>, offset: number, pageSize: number | undefined): DeltaPage<E> {
    const size = this.pageSizeOf(pageSize);
    const items = round.items.slice(offset, offset + size);
    const next = offset + items.length;
    const state: TokenState = {
      v: 1,
      round: id,
      offset: next,
      scope: round.scope,
      startMs: round.startMs,
      endMs: round.endMs,
      version: round.version,
    };
    const token = Buffer.from(JSON.stringify(state)).toString('base64url');
    // Reading a round refreshes it, so a client in the middle of paging keeps its state longest.
    this.rounds.delete(id);
    this.rounds.set(id, round);
    return next < round.items.length ? { items, skipToken: token } : { items, deltaToken: token };
  }

  private pageSizeOf(preferred: number | undefined): number {
    if (preferred === undefined || !Number.isInteger(preferred) || preferred < 1) return this.defaultPageSize;
    return Math.min(preferred, this.maxPageSize);
  }

  private decode(token: string, scope: string, field: string): TokenState {
    let state: Partial<TokenState>;
    try {
      state = JSON.parse(Buffer.from(token, 'base64url').toString()) as Partial<TokenState>;
    } catch {
      throw syncStateNotFound(field);
    }
    const round = typeof state.round === 'string' ? this.rounds.get(state.round) : undefined;
    if (
      !round ||
      state.v !== 1 ||
      state.scope !== scope ||
      round.scope !== scope ||
      typeof state.offset !== 'number'
    ) {
      throw syncStateNotFound(field);
    }
    return state as TokenState;
  }
}

/** The number in `Prefer: odata.maxpagesize=N` (several Prefer values may share one header), if any. */
export function preferredPageSize(prefer: string | string[] | undefined): number | undefined {
  const text = Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '');
  const match = /odata\.maxpagesize\s*=\s*"?(\d+)"?/i.exec(text);
  return match ? Number(match[1]) : undefined;
}
