import type {
  AvailabilityQuery,
  BusyItem,
  BusyRules,
  ExistingBooking,
  HostAvailability,
  IsoInstant,
  PageRules,
  Slot,
  TimeInterval,
} from '@tandem/api/scheduling';
import { MINUTE, ZoneClock, dateOfDay, dayOfDate, isoWeekdayOfDay, minutesOfTime } from './zone-clock.js';

/**
 * The brute-force oracle of the scheduling engine: docs/scheduling.md read literally, one UTC
 * minute at a time. It is slow on purpose and shares no code with the engine; the property tests
 * hold the engine to it and its own table test holds it to hand-computed cases. Valid input only.
 */

const DAY_MINUTES = 1440;
const DAY = DAY_MINUTES * MINUTE;

/** Zone clocks by zone name; pass one map to several oracle calls to reuse their memoised walls. */
export type ClockCache = Map<string, ZoneClock>;

function clockFor(cache: ClockCache, timeZone: string): ZoneClock {
  let clock = cache.get(timeZone);
  if (clock === undefined) {
    clock = new ZoneClock(timeZone);
    cache.set(timeZone, clock);
  }
  return clock;
}

const ms = (instant: IsoInstant): number => Date.parse(instant);
/** `2026-03-29T08:00:00Z`, the output form of types.ts (slot instants are whole minutes). */
const iso = (epochMs: number): IsoInstant => new Date(epochMs).toISOString().replace('.000Z', 'Z');

/** Rule 4: does this item block, before the existing-booking exclusion? */
export function itemBlocks(item: BusyItem, rules: BusyRules): boolean {
  if (item.isCancelled) return false;
  const showAsBlocks =
    item.showAs === 'busy' ||
    item.showAs === 'oof' ||
    item.showAs === 'unknown' ||
    (item.showAs === 'tentative' && rules.tentativeBlocks) ||
    (item.showAs === 'workingElsewhere' && rules.workingElsewhereBlocks);
  if (!showAsBlocks) return false;
  const isPrivate = item.sensitivity === 'private' || item.sensitivity === 'confidential';
  return !isPrivate || rules.privateBlocks;
}

function intervalsOfDay(host: HostAvailability, day: number): TimeInterval[] {
  const date = dateOfDay(day);
  const override = host.workingHours.overrides.find((o) => o.date === date);
  if (override !== undefined) return override.intervals;
  const weekday = isoWeekdayOfDay(day);
  return host.workingHours.weekly.filter((rule) => rule.day === weekday);
}

/** One host's minute-by-minute view of `[fromMinute, toMinute)` (epoch minutes). */
class HostMinutes {
  readonly clock: ZoneClock;
  private readonly working: Uint8Array;
  private readonly blocked: Uint8Array;
  private readonly earliestStart: number;
  private readonly windowStart: number;
  private readonly windowEnd: number;
  private readonly bookingsPerDay = new Map<number, number>();

  constructor(
    private readonly host: HostAvailability,
    private readonly query: AvailabilityQuery,
    private readonly fromMinute: number,
    toMinute: number,
    clocks: ClockCache,
  ) {
    const page = query.page;
    this.clock = clockFor(clocks, host.timeZone);
    this.working = new Uint8Array(toMinute - fromMinute);
    this.blocked = new Uint8Array(toMinute - fromMinute);

    // Working set: every interval of every local date near the span, each mapped to instants.
    const firstDay = this.clock.dayOf(fromMinute * MINUTE) - 2;
    const lastDay = this.clock.dayOf(toMinute * MINUTE) + 2;
    for (let day = firstDay; day <= lastDay; day++) {
      for (const interval of intervalsOfDay(host, day)) {
        const from = this.clock.instantOf(day * DAY_MINUTES + minutesOfTime(interval.from));
        const to = this.clock.instantOf(day * DAY_MINUTES + minutesOfTime(interval.to));
        this.mark(this.working, from, to);
      }
    }

    // Busy items and bookings both occupy minutes; a candidate's buffered span must touch none.
    const bookingIds = new Set(host.bookings.map((b) => b.id));
    for (const item of host.busy) {
      if (!itemBlocks(item, page.busyRules)) continue;
      if (item.bookingId !== undefined && bookingIds.has(item.bookingId)) continue;
      if (item.isAllDay) {
        const from = this.clock.startOfDay(dayOfDate(item.start));
        const to = this.clock.startOfDay(dayOfDate(item.end));
        this.mark(this.blocked, from, to);
      } else {
        this.mark(this.blocked, ms(item.start), ms(item.end));
      }
    }
    for (const booking of this.liveBookings()) {
      this.mark(
        this.blocked,
        ms(booking.start) - booking.bufferBeforeMinutes * MINUTE,
        ms(booking.end) + booking.bufferAfterMinutes * MINUTE,
      );
      if (booking.pageId === page.id) {
        const day = this.clock.dayOf(ms(booking.start));
        this.bookingsPerDay.set(day, (this.bookingsPerDay.get(day) ?? 0) + 1);
      }
    }

    const now = ms(query.now);
    this.earliestStart = now + page.minimumNoticeMinutes * MINUTE;
    if (page.window.kind === 'rolling') {
      this.windowStart = -Infinity;
      this.windowEnd = this.clock.startOfDay(this.clock.dayOf(now) + page.window.days + 1);
    } else {
      this.windowStart = this.clock.startOfDay(dayOfDate(page.window.startDate));
      this.windowEnd = this.clock.startOfDay(dayOfDate(page.window.endDate) + 1);
    }
  }

  private liveBookings(): ExistingBooking[] {
    return this.host.bookings.filter((b) => b.status !== 'cancelled' && b.id !== this.query.ignoreBookingId);
  }

  /** Marks every minute that overlaps `[from, to)` with positive length. */
  private mark(minutes: Uint8Array, from: number, to: number): void {
    // Only minutes near [from, to) can overlap it; the test below is the definition.
    const first = Math.max(0, Math.floor(from / MINUTE) - this.fromMinute - 1);
    const last = Math.min(minutes.length, Math.ceil(to / MINUTE) - this.fromMinute + 1);
    for (let i = first; i < last; i++) {
      const minuteStart = (this.fromMinute + i) * MINUTE;
      if (from < minuteStart + MINUTE && to > minuteStart) minutes[i] = 1;
    }
  }

  private allMinutes(minutes: Uint8Array, from: number, to: number, wanted: number): boolean {
    for (let t = from; t < to; t += MINUTE) {
      if (minutes[t / MINUTE - this.fromMinute] !== wanted) return false;
    }
    return true;
  }

  /** The rules of docs/scheduling.md (1–6) that a whole-minute start breaks for this host. */
  brokenRules(start: number): Set<BrokenRule> {
    const page: PageRules = this.query.page;
    const broken = new Set<BrokenRule>();
    const end = start + this.query.durationMinutes * MINUTE;
    if (!this.allMinutes(this.working, start, end, 1)) broken.add('workingHours');
    if (start < this.earliestStart) broken.add('notice');
    if (start < this.windowStart || start >= this.windowEnd) broken.add('window');
    const before = start - page.bufferBeforeMinutes * MINUTE;
    const after = end + page.bufferAfterMinutes * MINUTE;
    if (!this.allMinutes(this.blocked, before, after, 0)) broken.add('busyOrBooked');
    const limit = page.maxBookingsPerDay;
    if (limit !== undefined && (this.bookingsPerDay.get(this.clock.dayOf(start)) ?? 0) >= limit) {
      broken.add('dailyLimit');
    }
    return broken;
  }

  isBookable(start: number): boolean {
    return this.brokenRules(start).size === 0;
  }
}

/** Rules 1–3 and 6 one by one; 4 and 5 together, since a buffered span may touch both kinds. */
export type BrokenRule = 'workingHours' | 'notice' | 'window' | 'busyOrBooked' | 'dailyLimit';

interface Prepared {
  members: HostMinutes[];
  interval: number;
}

/** Host views covering every candidate start in `[fromMs, toMs)`. */
function prepare(query: AvailabilityQuery, fromMs: number, toMs: number, clocks: ClockCache): Prepared {
  const page = query.page;
  const fromMinute = Math.floor((fromMs - page.bufferBeforeMinutes * MINUTE) / MINUTE);
  const toMinute = Math.ceil((toMs + (query.durationMinutes + page.bufferAfterMinutes) * MINUTE) / MINUTE);
  return {
    members: query.hosts.map((host) => new HostMinutes(host, query, fromMinute, toMinute, clocks)),
    interval: page.slotIntervalMinutes ?? query.durationMinutes,
  };
}

/** A candidate start: a whole minute, aligned on the primary host's wall clock, first occurrence. */
function isCandidate(prepared: Prepared, start: number): boolean {
  if (start % MINUTE !== 0) return false;
  const clock = prepared.members[0]!.clock;
  const wall = clock.wallOfMinute(start / MINUTE);
  return (wall % DAY_MINUTES) % prepared.interval === 0 && clock.isFirstOccurrence(start / MINUTE);
}

/** The ids of the hosts that make `start` a slot, or undefined when it is not one. */
function slotHosts(query: AvailabilityQuery, prepared: Prepared, start: number): string[] | undefined {
  if (!isCandidate(prepared, start)) return undefined;
  const free = prepared.members.filter((m) => m.isBookable(start));
  const everyone = free.length === prepared.members.length;
  if (query.page.team?.kind === 'roundRobin') {
    return free.length > 0
      ? query.hosts.filter((_, i) => free.includes(prepared.members[i]!)).map((h) => h.id)
      : undefined;
  }
  return everyone ? query.hosts.map((h) => h.id) : undefined;
}

/** `availableSlots` by brute force. */
export function oracleSlots(query: AvailabilityQuery, clocks: ClockCache = new Map()): Slot[] {
  const rangeStart = ms(query.range.start);
  const rangeEnd = ms(query.range.end);
  const prepared = prepare(query, rangeStart, rangeEnd, clocks);
  const invitee = clockFor(clocks, query.inviteeTimeZone);
  const slots: Slot[] = [];
  for (let start = Math.ceil(rangeStart / MINUTE) * MINUTE; start < rangeEnd; start += MINUTE) {
    const hostIds = slotHosts(query, prepared, start);
    if (hostIds === undefined) continue;
    slots.push({
      start: iso(start),
      end: iso(start + query.durationMinutes * MINUTE),
      inviteeDate: dateOfDay(invitee.dayOf(start)),
      hostIds,
    });
  }
  return slots;
}

/** The hosts free at `start` (an instant), or undefined when `start` is not a slot of the query. */
export function oracleSlotHosts(
  query: AvailabilityQuery,
  start: IsoInstant,
  clocks: ClockCache = new Map(),
): string[] | undefined {
  const at = ms(start);
  if (at < ms(query.range.start) || at >= ms(query.range.end)) return undefined;
  return slotHosts(query, prepare(query, at, at + MINUTE, clocks), at);
}

/** Whether `start` is one of the query's slots. */
export function oracleBookable(
  query: AvailabilityQuery,
  start: IsoInstant,
  clocks: ClockCache = new Map(),
): boolean {
  return oracleSlotHosts(query, start, clocks) !== undefined;
}

/**
 * Why a start is not a slot: whether it is a candidate on the primary host's clock, whether it is
 * in the range, and which host rules each host breaks (whole-minute starts only).
 */
export function oracleBrokenRules(
  query: AvailabilityQuery,
  start: IsoInstant,
  clocks: ClockCache = new Map(),
): { candidate: boolean; inRange: boolean; hosts: { hostId: string; broken: Set<BrokenRule> }[] } {
  const at = ms(start);
  const prepared = prepare(query, at, at + MINUTE, clocks);
  return {
    candidate: isCandidate(prepared, at),
    inRange: at >= ms(query.range.start) && at < ms(query.range.end),
    hosts: prepared.members.map((member, i) => ({
      hostId: query.hosts[i]!.id,
      broken: member.brokenRules(at),
    })),
  };
}

interface Standing {
  id: string;
  count: number;
  lastBookedAt: number;
  weight: number;
  priority: number;
}

/** The `equal` order: fewest bookings, then least recently booked (never booked first), then id. */
function equalOrder(a: Standing, b: Standing): number {
  if (a.count !== b.count) return a.count - b.count;
  if (a.lastBookedAt !== b.lastBookedAt) return a.lastBookedAt < b.lastBookedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * `chooseMember` for a round-robin page: the member the assignment policy picks among those free
 * for the slot at `start`, or undefined when nobody is.
 */
export function oracleChooseMember(
  query: AvailabilityQuery,
  start: IsoInstant,
  clocks: ClockCache = new Map(),
): string | undefined {
  const team = query.page.team;
  if (team?.kind !== 'roundRobin') throw new Error('oracleChooseMember is defined for round-robin pages');
  const free = oracleSlotHosts(query, start, clocks);
  if (free === undefined) return undefined;
  const now = ms(query.now);
  const periodStart = now - (team.assignmentPeriodDays ?? 30) * DAY;
  const standings: Standing[] = query.hosts
    .filter((host) => free.includes(host.id))
    .map((host) => {
      const ofPage = host.bookings.filter(
        (b) => b.pageId === query.page.id && b.status !== 'cancelled' && b.id !== query.ignoreBookingId,
      );
      const bookedAt = ofPage.map((b) => ms(b.bookedAt));
      return {
        id: host.id,
        count: bookedAt.filter((t) => t > periodStart && t <= now).length,
        lastBookedAt: Math.max(-Infinity, ...bookedAt),
        weight: host.weight ?? 1,
        priority: host.priority ?? 0,
      };
    });
  const policy = team.policy ?? 'equal';
  standings.sort((a, b) => {
    if (policy === 'weighted') {
      // Cross-multiplied so equal ratios compare equal without floating-point division.
      const byRatio = a.count * b.weight - b.count * a.weight;
      if (byRatio !== 0) return byRatio;
    } else if (policy === 'priority' && a.priority !== b.priority) {
      return b.priority - a.priority;
    }
    return equalOrder(a, b);
  });
  return standings[0]?.id;
}
