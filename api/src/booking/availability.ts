import type { BookingPageInput, WorkingHoursInput } from './page-types.js';
import { DEFAULT_CALENDAR, readMailboxProfile, type MailboxProfile } from '../graph/calendar-reads.js';
import type { BookingRecord } from '../store/bookings.js';
import type { BookingPageRecord } from '../store/pages.js';
import type { HostConnection } from '../store/connections.js';
import { TtlCache } from './ttl-cache.js';
import type {
  AvailabilityQuery,
  ExistingBooking,
  HostAvailability,
  PageRules,
  WeeklyRule,
  WorkingHours,
} from '../scheduling/types.js';
import type { BookingDeps } from './deps.js';
import { BusySource } from './busy-source.js';

const dayMs = 86_400_000;
const profileTtlMs = 60 * 60_000;
/** How long an instance trusts its copy of a page or a host's settings written elsewhere. */
export const recordTtlMs = 2_000;
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** Where one host's availability comes from and where their bookings go. */
export interface HostContext {
  hostId: string;
  displayName: string;
  email: string;
  availabilityCalendarIds: string[];
  destinationCalendarId: string;
  timeZone: string;
  workingHours: WorkingHours;
}

/** Outlook's working hours (one interval on the listed weekdays) as the engine's weekly rules. */
export function outlookWorkingHours(profile: MailboxProfile): { timeZone: string; hours: WorkingHours } {
  const from = profile.workingHours.startTime.slice(0, 5);
  let to = profile.workingHours.endTime.slice(0, 5);
  if (to === '00:00') to = '24:00';
  const weekly: WeeklyRule[] = [];
  if (to > from) {
    for (const name of profile.workingHours.daysOfWeek) {
      const day = weekdays.indexOf(name.toLowerCase()) + 1;
      if (day > 0) weekly.push({ day: day as WeeklyRule['day'], from, to });
    }
  }
  return { timeZone: profile.workingHours.timeZone, hours: { weekly, overrides: [] } };
}

const engineHours = (hours: WorkingHoursInput): WorkingHours => ({
  weekly: hours.weekly.map((r) => ({ day: r.day as WeeklyRule['day'], from: r.from, to: r.to })),
  overrides: hours.overrides.map((o) => ({ date: o.date, intervals: o.intervals })),
});

/** The engine's PageRules of a stored page. */
export function pageRules(id: string, page: BookingPageInput): PageRules {
  return {
    id,
    durations: page.durations,
    ...(page.rules.slotIntervalMinutes !== undefined && {
      slotIntervalMinutes: page.rules.slotIntervalMinutes,
    }),
    bufferBeforeMinutes: page.rules.bufferBeforeMinutes,
    bufferAfterMinutes: page.rules.bufferAfterMinutes,
    minimumNoticeMinutes: page.rules.minimumNoticeMinutes,
    window: page.rules.window,
    ...(page.rules.maxBookingsPerDay !== undefined && { maxBookingsPerDay: page.rules.maxBookingsPerDay }),
    busyRules: page.rules.busyRules,
    ...(page.team && {
      team: {
        kind: page.team.kind,
        policy: page.team.policy,
        assignmentPeriodDays: page.team.assignmentPeriodDays,
      },
    }),
  };
}

/** Everyone a page's time may belong to: its owner first, then its team members. */
export const hostIdsOf = (record: BookingPageRecord): string[] => [
  record.hostId,
  ...(record.page.team?.members.map((m) => m.userId) ?? []),
];

const toExisting = (b: BookingRecord): ExistingBooking => ({
  id: b.id,
  pageId: b.pageId,
  start: b.start,
  end: b.end,
  bufferBeforeMinutes: b.bufferBeforeMinutes,
  bufferAfterMinutes: b.bufferAfterMinutes,
  status: b.status,
  bookedAt: b.bookedAt,
});

/**
 * Builds engine queries for pages from the store, the busy cache and each host's settings. Mailbox
 * profiles (zone and Outlook working hours) are read from Graph once per host and kept in memory.
 */
export class Availability {
  readonly busy: BusySource;
  private readonly profiles = new Map<string, { profile: Promise<MailboxProfile>; at: number }>();
  private readonly connections: TtlCache<HostConnection | undefined>;

  constructor(private readonly deps: BookingDeps) {
    this.busy = new BusySource(deps.busyCache, deps.graphFor, deps.clock);
    this.connections = new TtlCache(recordTtlMs, deps.clock);
  }

  /** Forgets a host's mailbox profile and settings (they changed). */
  forgetHost(hostId: string): void {
    this.profiles.delete(hostId);
    this.connections.forget(hostId);
  }

  /** The host's connection as this instance knows it (read at most once per `recordTtlMs`). */
  connection(hostId: string): Promise<HostConnection | undefined> {
    return this.connections.get(hostId, () => this.deps.connections.get(hostId));
  }

  async mailboxProfile(hostId: string): Promise<MailboxProfile> {
    const now = this.deps.clock().getTime();
    const known = this.profiles.get(hostId);
    if (known && now - known.at < profileTtlMs) return known.profile;
    const profile = readMailboxProfile(this.deps.graphFor(hostId), hostId);
    this.profiles.set(hostId, { profile, at: now });
    profile.catch(() => this.profiles.delete(hostId));
    return profile;
  }

  async hostContext(hostId: string, pageHours?: WorkingHoursInput): Promise<HostContext> {
    const connection = await this.connection(hostId);
    const settings = connection?.settings;
    let timeZone: string;
    let hours: WorkingHours;
    const chosen = pageHours ?? settings?.workingHours;
    if (chosen) {
      timeZone = chosen.timeZone;
      hours = engineHours(chosen);
    } else {
      const outlook = outlookWorkingHours(await this.mailboxProfile(hostId));
      timeZone = outlook.timeZone;
      hours = outlook.hours;
    }
    return {
      hostId,
      displayName: connection?.displayName ?? '',
      email: connection?.upn ?? '',
      availabilityCalendarIds: settings?.availabilityCalendarIds ?? [DEFAULT_CALENDAR],
      destinationCalendarId: settings?.destinationCalendarId ?? DEFAULT_CALENDAR,
      timeZone,
      workingHours: hours,
    };
  }

  /**
   * Whether the page can be offered: not when the calendar it needs cannot be read or written as its
   * host (a broken connection; round-robin pages need one member connected, the others everyone).
   */
  async pausedBy(record: BookingPageRecord): Promise<{ hostId: string; reason: string } | undefined> {
    const ids = hostIdsOf(record);
    const connections = await Promise.all(ids.map((id) => this.connection(id)));
    const broken = connections.flatMap((c) =>
      c?.broken ? [{ hostId: c.hostId, reason: c.broken.reason }] : [],
    );
    if (record.page.team?.kind === 'roundRobin' && broken.length < ids.length) return undefined;
    return broken[0];
  }

  /** The page's hosts: the owner first, then team members (the owner's page hours apply to the owner). */
  async pageHosts(record: BookingPageRecord): Promise<HostContext[]> {
    const ids = hostIdsOf(record);
    const hosts = await Promise.all(
      ids.map((id, i) => this.hostContext(id, i === 0 ? record.page.workingHours : undefined)),
    );
    if (record.page.team?.kind !== 'roundRobin') return hosts;
    // Round-robin offers only members whose calendar Tandem can use now (pausedBy covers "none").
    const connections = await Promise.all(ids.map((id) => this.connection(id)));
    const connected = hosts.filter((_, i) => !connections[i]?.broken);
    return connected.length > 0 ? connected : hosts;
  }

  /** An engine query over `range` with every host's busy items and bookings. */
  async query(
    record: BookingPageRecord,
    options: {
      range: { start: string; end: string };
      durationMinutes: number;
      inviteeTimeZone: string;
      ignoreBookingId?: string;
      hosts?: HostContext[];
    },
  ): Promise<{ query: AvailabilityQuery; hosts: HostContext[] }> {
    const hosts = options.hosts ?? (await this.pageHosts(record));
    // Buffers reach up to 4 h and the daily limit a host-local day: a day either side covers both.
    const padded = {
      start: new Date(Date.parse(options.range.start) - dayMs).toISOString(),
      end: new Date(Date.parse(options.range.end) + dayMs).toISOString(),
    };
    const members = new Map(record.page.team?.members.map((m) => [m.userId, m]) ?? []);
    const availability: HostAvailability[] = await Promise.all(
      hosts.map(async (host) => {
        const [busy, { bookings, holds }] = await Promise.all([
          this.busy.itemsFor(host.hostId, host.availabilityCalendarIds, padded),
          this.bookingsAndHolds(host.hostId, padded),
        ]);
        const member = members.get(host.hostId);
        return {
          id: host.hostId,
          timeZone: host.timeZone,
          workingHours: host.workingHours,
          busy,
          bookings: [...bookings.map(toExisting), ...holds],
          ...(member?.weight !== undefined && { weight: member.weight }),
          ...(member?.priority !== undefined && { priority: member.priority }),
        };
      }),
    );
    return {
      hosts,
      query: {
        page: pageRules(record.id, record.page),
        hosts: availability,
        now: this.deps.clock().toISOString(),
        range: options.range,
        durationMinutes: options.durationMinutes,
        inviteeTimeZone: options.inviteeTimeZone,
        ...(options.ignoreBookingId !== undefined && { ignoreBookingId: options.ignoreBookingId }),
      },
    };
  }

  /**
   * The host's bookings over the range (every status: a cancelled booking's event still in the cache
   * is recognised, and ignored, by id) and the collective bookings organized by someone else that
   * hold their time: the store keeps a `hold|{bookingId}` row naming the organizer in the member's
   * partition, read in the same query.
   */
  private async bookingsAndHolds(
    hostId: string,
    range: { start: string; end: string },
  ): Promise<{ bookings: BookingRecord[]; holds: ExistingBooking[] }> {
    const found = await this.deps.bookings.occupancy(hostId, { from: range.start, to: range.end });
    const held = await Promise.all(
      found.holds.map((row) => this.deps.bookings.get(row.organizerId, row.bookingId)),
    );
    const holds = held.flatMap((booking) =>
      booking && booking.status !== 'cancelled' && booking.start < range.end && booking.end > range.start
        ? [toExisting(booking)]
        : [],
    );
    return { bookings: found.bookings, holds };
  }
}
