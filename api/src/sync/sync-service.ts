import type { BookingService } from '../booking/booking-service.js';
import type { BookingDeps } from '../booking/deps.js';
import { DEFAULT_CALENDAR } from '../graph/calendar-reads.js';
import { toBusyItem } from '../graph/event-mapping.js';
import { HostConnectionBrokenError } from '../graph/tokens.js';
import type { CachedBusyItem } from '../store/busy-cache.js';
import type { BookingRecord } from '../store/bookings.js';
import { runDeltaRound, type DeltaEvent } from './delta-round.js';
import { eventExists } from './event-exists.js';
import {
  createSubscription,
  deleteSubscription,
  eventsResource,
  expiryFrom,
  isNotFound,
  newClientState,
  reauthorizeSubscription,
  renewSubscription,
} from './graph-subscriptions.js';
import type { SyncMessage } from './notification-intake.js';
import type { SyncStore } from './subscription-store.js';

export interface SyncSettings {
  /** The API's public origin Graph posts notifications to (`https://…`; `http://127.0.0.1:…` locally). */
  apiBaseUrl: string;
}

const dayMs = 86_400_000;
/** As far ahead as the busy cache's own fill reads, so a sync never narrows what it covers. */
const horizonDays = 90;
const renewBeforeMs = dayMs;

/**
 * Keeps the busy cache true to Outlook: one Graph subscription per synced calendar, delta rounds on
 * every notification, and Outlook-side changes of Tandem's own events handed to the booking service.
 */
export class SyncService {
  /** One delta loop per calendar per instance; notifications arriving meanwhile ask for one more round. */
  private readonly running = new Map<string, { again: boolean; done: Promise<void> }>();
  /** Delta rounds of this instance since start; `full` ones read the whole window again. */
  readonly counters = { rounds: 0, fullRounds: 0, bookingsFollowed: 0 };
  private readonly connecting = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: BookingDeps,
    private readonly bookings: BookingService,
    private readonly store: SyncStore,
    private readonly settings: SyncSettings,
  ) {}

  /**
   * Tells the hosts in Teams (a `changedInOutlook` event on bot-outbox) what their Outlook change did
   * to a booking; for a move, where it was and whether the new time breaks the page's rules.
   */
  private async tellHost(
    booking: BookingRecord,
    change: 'moved' | 'cancelled',
    previous?: { start: string; end: string },
  ): Promise<void> {
    // The booking has already followed: a failed message must not make the round (and the move) repeat.
    await this.bookings
      .tellOutlookChange(booking, { outlookChange: change, ...(previous && { previous }) })
      .catch((error: unknown) => {
        console.warn(`Could not tell the hosts of booking ${booking.id} about their Outlook change:`, error);
      });
  }

  /** The calendars kept in sync: availability calendars and the one bookings are written to. */
  async calendarsOf(hostId: string): Promise<string[]> {
    const settings = (await this.deps.connections.get(hostId))?.settings;
    const ids = new Set(settings?.availabilityCalendarIds ?? [DEFAULT_CALENDAR]);
    if (settings?.destinationCalendarId) ids.add(settings.destinationCalendarId);
    return [...ids];
  }

  /**
   * After connect or a settings change: a live subscription per synced calendar (made or renewed),
   * none for calendars no longer synced, and a first fill of every calendar without sync state.
   */
  connect(hostId: string): Promise<void> {
    // Concurrent sign-ins of one host share a run, so they never make two subscriptions for a calendar.
    let running = this.connecting.get(hostId);
    if (!running) {
      running = this.connectNow(hostId).finally(() => this.connecting.delete(hostId));
      this.connecting.set(hostId, running);
    }
    return running;
  }

  private async connectNow(hostId: string): Promise<void> {
    const wanted = await this.calendarsOf(hostId);
    const states = await this.store.calendars(hostId);
    // After a broken connection is repaired, subscriptions made before the break are not trusted
    // (Graph may have dropped them, changes went unseen): new ones and a full round.
    const brokenAt = (await this.deps.connections.get(hostId))?.lastBrokenAt;
    const staleBefore = brokenAt ? Date.parse(brokenAt) : 0;
    const graph = this.deps.graphFor(hostId);
    await Promise.all(
      states
        .filter((s) => !wanted.includes(s.calendarId) && s.subscriptionId)
        .map(async (s) => {
          await deleteSubscription(graph, s.subscriptionId!);
          await this.store.deleteSubscription(s.subscriptionId!);
          await this.store.updateCalendar(hostId, s.calendarId, { subscriptionId: null, deltaLink: null });
        }),
    );
    await Promise.all(
      wanted.map(async (calendarId) => {
        const state = states.find((s) => s.calendarId === calendarId);
        const stale = brokenAt !== undefined && !(Date.parse(state?.subscribedAt ?? '') > staleBefore);
        const subscription =
          state?.subscriptionId && !stale && (await this.store.subscription(state.subscriptionId));
        const now = this.deps.clock().getTime();
        if (!subscription) await this.subscribe(hostId, calendarId);
        else if (Date.parse(subscription.expiresAt) - now < renewBeforeMs)
          await this.renew(subscription.subscriptionId);
        if (!subscription || !state?.deltaLink) await this.syncCalendar(hostId, calendarId, { full: true });
      }),
    );
  }

  /** A new subscription for the calendar (any earlier one is dropped). */
  async subscribe(hostId: string, calendarId: string): Promise<string> {
    const graph = this.deps.graphFor(hostId);
    const previous = (await this.store.calendar(hostId, calendarId))?.subscriptionId;
    const clientState = newClientState();
    const base = this.settings.apiBaseUrl.replace(/\/+$/, '');
    const created = await createSubscription(graph, {
      resource: eventsResource(hostId, calendarId),
      notificationUrl: `${base}/api/webhooks/graph`,
      lifecycleNotificationUrl: `${base}/api/webhooks/graph-lifecycle`,
      clientState,
      expirationDateTime: expiryFrom(this.deps.clock()),
    });
    await this.store.saveSubscription({
      subscriptionId: created.id,
      hostId,
      calendarId,
      clientState,
      expiresAt: created.expirationDateTime,
    });
    await this.store.updateCalendar(hostId, calendarId, {
      subscriptionId: created.id,
      subscribedAt: this.deps.clock().toISOString(),
    });
    if (previous && previous !== created.id) {
      await deleteSubscription(graph, previous).catch(() => undefined);
      await this.store.deleteSubscription(previous);
    }
    return created.id;
  }

  /** Extends a subscription; one Graph no longer knows (404) is made again, followed by a delta round. */
  async renew(subscriptionId: string): Promise<void> {
    const record = await this.store.subscription(subscriptionId);
    if (!record) return;
    try {
      const renewed = await renewSubscription(
        this.deps.graphFor(record.hostId),
        subscriptionId,
        expiryFrom(this.deps.clock()),
      );
      await this.store.saveSubscription({ ...record, expiresAt: renewed.expirationDateTime });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await this.subscribe(record.hostId, record.calendarId);
      await this.syncCalendar(record.hostId, record.calendarId);
    }
  }

  /** Timer work: renew what expires within a day. */
  async renewExpiring(): Promise<{ renewed: number; failed: number }> {
    const soon = this.deps.clock().getTime() + renewBeforeMs;
    let renewed = 0;
    let failed = 0;
    const broken = this.brokenHosts();
    for await (const s of this.store.subscriptions()) {
      if (Date.parse(s.expiresAt) > soon || (await broken(s.hostId))) continue;
      try {
        await this.renew(s.subscriptionId);
        renewed++;
      } catch (error) {
        failed++;
        await this.store.updateCalendar(s.hostId, s.calendarId, {
          lastError: describe(error),
          lastErrorAt: this.deps.clock().toISOString(),
        });
      }
    }
    return { renewed, failed };
  }

  /** Timer work: a delta round of every subscribed calendar, catching notifications that never came. */
  async reconcileAll(): Promise<{ calendars: number; failed: number }> {
    let calendars = 0;
    let failed = 0;
    const broken = this.brokenHosts();
    for await (const s of this.store.subscriptions()) {
      // A broken connection cannot be read; its first sign-in makes a full round anyway.
      if (await broken(s.hostId)) continue;
      calendars++;
      await this.syncCalendar(s.hostId, s.calendarId).catch(() => failed++);
    }
    return { calendars, failed };
  }

  /** Whether a host's connection is broken, each host read once per timer run. */
  private brokenHosts(): (hostId: string) => Promise<boolean> {
    const known = new Map<string, Promise<boolean>>();
    return (hostId) => {
      let found = known.get(hostId);
      if (!found) {
        found = this.deps.connections.get(hostId).then((c) => Boolean(c?.broken));
        known.set(hostId, found);
      }
      return found;
    };
  }

  /** The queue worker's entry point. A host whose connection is broken is skipped (not retried). */
  async handle(message: SyncMessage): Promise<void> {
    try {
      await this.handleNow(message);
    } catch (error) {
      // Retrying cannot help until the host signs in again, which makes a full round anyway.
      if (!(error instanceof HostConnectionBrokenError)) throw error;
    }
  }

  private async handleNow(message: SyncMessage): Promise<void> {
    const { hostId, calendarId, subscriptionId } = message;
    await this.store.updateCalendar(hostId, calendarId, {
      lastNotificationAt: this.deps.clock().toISOString(),
    });
    if (message.kind === 'changes') return this.syncCalendar(hostId, calendarId);
    switch (message.lifecycleEvent) {
      case 'reauthorizationRequired':
        try {
          await reauthorizeSubscription(this.deps.graphFor(hostId), subscriptionId);
        } catch (error) {
          if (!isNotFound(error)) throw error;
          await this.subscribe(hostId, calendarId);
        }
        return this.syncCalendar(hostId, calendarId);
      case 'subscriptionRemoved':
        await this.subscribe(hostId, calendarId);
        return this.syncCalendar(hostId, calendarId);
      default:
        // `missed` (and anything new): notifications were lost, so nothing since the link is trusted.
        return this.syncCalendar(hostId, calendarId, { full: true });
    }
  }

  /** Resolves once no delta round of this instance is running. */
  async whenIdle(): Promise<void> {
    while (this.running.size > 0)
      await Promise.all([...this.running.values()].map((r) => r.done.catch(() => undefined)));
  }

  /** Delta rounds until no notification asked for another one meanwhile. */
  syncCalendar(hostId: string, calendarId: string, options: { full?: boolean } = {}): Promise<void> {
    const key = `${hostId}\n${calendarId}`;
    const current = this.running.get(key);
    if (current && !options.full) {
      current.again = true;
      return current.done;
    }
    const entry = { again: false, done: Promise.resolve() };
    entry.done = (async () => {
      if (current) await current.done.catch(() => undefined);
      let full = options.full ?? false;
      try {
        do {
          entry.again = false;
          await this.round(hostId, calendarId, full);
          full = false;
        } while (entry.again);
      } finally {
        if (this.running.get(key) === entry) this.running.delete(key);
      }
    })();
    this.running.set(key, entry);
    return entry.done;
  }

  private async round(hostId: string, calendarId: string, full: boolean): Promise<void> {
    const state = await this.store.calendar(hostId, calendarId);
    const now = this.deps.clock().getTime();
    const dayStart = Math.floor(now / dayMs) * dayMs;
    const window = {
      start: new Date(dayStart - dayMs).toISOString(),
      end: new Date(dayStart + horizonDays * dayMs).toISOString(),
    };
    try {
      const result = await runDeltaRound(
        this.deps.graphFor(hostId),
        hostId,
        calendarId,
        window,
        // A delta link keeps the window it started with: each day the window slides with a new round.
        full || state?.deltaWindowStart !== window.start ? undefined : state?.deltaLink,
      );
      this.counters.rounds++;
      if (result.full) this.counters.fullRounds++;
      const cached = await this.deps.busyCache.read(hostId, calendarId);
      const bookingOf = new Map(
        (cached?.items ?? []).flatMap((i) => (i.bookingId ? [[i.eventId, i.bookingId] as const] : [])),
      );
      const upserts: CachedBusyItem[] = result.upserts.map((event) => {
        const bookingId = bookingOf.get(event.id) ?? event.transactionId ?? undefined;
        const item = { ...toBusyItem(event, calendarId), eventId: event.id };
        return bookingId ? { ...item, bookingId } : item;
      });
      let removedIds = result.removedIds;
      if (result.full) {
        // A full round lists everything there is: what the cache held and the round did not list is gone.
        const present = new Set(result.upserts.map((e) => e.id));
        removedIds = (cached?.items ?? []).map((i) => i.eventId).filter((id) => !present.has(id));
        await this.deps.busyCache.replace(hostId, calendarId, window, upserts);
      } else {
        await this.deps.busyCache.apply(hostId, calendarId, { upserts, removedEventIds: removedIds });
      }
      const problems = await this.followOwnEvents(hostId, result.upserts, upserts, removedIds, bookingOf);
      await this.store.updateCalendar(hostId, calendarId, {
        deltaLink: result.deltaLink,
        ...(result.full && { deltaWindowStart: window.start }),
        lastDeltaAt: this.deps.clock().toISOString(),
        // The last error stays (with its time) after later rounds succeed: health shows it next to lastDeltaAt.
        ...(problems.length > 0 && {
          lastError: problems.join(' '),
          lastErrorAt: this.deps.clock().toISOString(),
        }),
      });
    } catch (error) {
      // A broken connection is reported by sync health on its own, with what to do.
      if (!(error instanceof HostConnectionBrokenError))
        await this.store.updateCalendar(hostId, calendarId, {
          lastError: describe(error),
          lastErrorAt: this.deps.clock().toISOString(),
        });
      throw error;
    }
  }

  /** Tandem's own events changed in Outlook: the booking follows (moved → rescheduled, gone → cancelled). */
  private async followOwnEvents(
    hostId: string,
    events: DeltaEvent[],
    items: CachedBusyItem[],
    removedIds: string[],
    bookingOf: Map<string, string>,
  ): Promise<string[]> {
    const problems: string[] = [];
    for (const [i, event] of events.entries()) {
      const item = items[i]!;
      if (!item.bookingId) continue;
      const booking = await this.deps.bookings.get(hostId, item.bookingId);
      if (!booking || booking.status === 'cancelled' || (booking.eventId && booking.eventId !== event.id))
        continue;
      if (event.isCancelled) {
        this.counters.bookingsFollowed++;
        await this.tellHost(await this.bookings.followOutlookDelete(booking), 'cancelled');
        continue;
      }
      if (item.isAllDay) continue;
      const moved =
        Date.parse(item.start) !== Date.parse(booking.start) ||
        Date.parse(item.end) !== Date.parse(booking.end);
      if (!moved) continue;
      this.counters.bookingsFollowed++;
      try {
        const moved = await this.bookings.followOutlookMove(booking, {
          start: item.start,
          end: item.end,
          changeKey: event.changeKey ?? '',
        });
        await this.tellHost(moved, 'moved', { start: booking.start, end: booking.end });
      } catch (error) {
        // Another booking holds the new time: retrying cannot help, the host has to sort it out.
        if ((error as { code?: string }).code !== 'SLOT_TAKEN') throw error;
        problems.push(
          `Booking ${booking.id} was moved in Outlook onto another booking's time and keeps its old time.`,
        );
      }
    }
    for (const eventId of removedIds) {
      const bookingId = bookingOf.get(eventId);
      if (!bookingId) continue;
      const booking = await this.deps.bookings.get(hostId, bookingId);
      if (!booking || booking.status === 'cancelled' || booking.eventId !== eventId) continue;
      // Delta also names events that merely left the window: only a 404 means the host deleted it.
      const stillThere = await eventExists(
        this.deps.graphFor(hostId),
        `/users/${encodeURIComponent(hostId)}/events/${encodeURIComponent(eventId)}`,
      );
      if (stillThere) continue;
      this.counters.bookingsFollowed++;
      await this.tellHost(await this.bookings.followOutlookDelete(booking), 'cancelled');
    }
    return problems;
  }
}

function describe(error: unknown): string {
  const e = error as { statusCode?: number; code?: string | null; message?: string };
  return [e?.statusCode, e?.code, e?.message ?? String(error)].filter(Boolean).join(' ');
}
