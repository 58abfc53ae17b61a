import type {
  AvailabilityQuery,
  BusyItem,
  ExistingBooking,
  HostAvailability,
  PageRules,
  ShowAs,
  WeeklyRule,
} from '@tandem/api/scheduling';

/** mulberry32: a tiny seeded generator, so every run measures the very same inputs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const SHOW_AS: ShowAs[] = ['busy', 'busy', 'busy', 'busy', 'tentative', 'oof', 'free', 'workingElsewhere'];

export interface HostShape {
  id: string;
  timeZone: string;
  /** Busy items spread over `[from, from + days)`. */
  items: number;
  calendars: number;
  bookings: number;
}

function workdays(): WeeklyRule[] {
  const rules: WeeklyRule[] = [];
  for (const day of [1, 2, 3, 4, 5] as const) {
    rules.push({ day, from: '08:30', to: '12:00' }, { day, from: '13:00', to: '17:30' });
  }
  return rules;
}

/** A host with realistic noise: mostly short timed meetings at odd minutes, some all-day, a few private. */
export function syntheticHost(
  shape: HostShape,
  pageId: string,
  from: number,
  days: number,
  random: () => number,
): HostAvailability {
  const busy: BusyItem[] = [];
  for (let i = 0; i < shape.items; i++) {
    const calendarId = `${shape.id}-cal-${i % shape.calendars}`;
    if (random() < 0.02) {
      const start = from + Math.floor(random() * days) * DAY;
      busy.push({
        calendarId,
        start: isoDate(start),
        end: isoDate(start + (1 + Math.floor(random() * 2)) * DAY),
        showAs: random() < 0.5 ? 'oof' : 'free',
        sensitivity: 'normal',
        isAllDay: true,
        isCancelled: false,
      });
      continue;
    }
    const start =
      from + Math.floor(random() * days * 24 * 12) * 5 * MINUTE + Math.floor(random() * 5) * MINUTE;
    busy.push({
      calendarId,
      start: iso(start),
      end: iso(start + (10 + Math.floor(random() * 7) * 5) * MINUTE),
      showAs: SHOW_AS[Math.floor(random() * SHOW_AS.length)]!,
      sensitivity: random() < 0.1 ? 'private' : 'normal',
      isAllDay: false,
      isCancelled: random() < 0.03,
    });
  }
  const bookings: ExistingBooking[] = [];
  for (let i = 0; i < shape.bookings; i++) {
    const start = from + Math.floor(random() * days * 24 * 2) * 30 * MINUTE;
    bookings.push({
      id: `${shape.id}-booking-${i}`,
      pageId: random() < 0.5 ? pageId : 'other-page',
      start: iso(start),
      end: iso(start + 30 * MINUTE),
      bufferBeforeMinutes: 10,
      bufferAfterMinutes: 5,
      status: random() < 0.1 ? 'cancelled' : 'confirmed',
      bookedAt: iso(start - Math.floor(random() * 20) * DAY),
    });
  }
  return {
    id: shape.id,
    timeZone: shape.timeZone,
    workingHours: { weekly: workdays(), overrides: [{ date: isoDate(from + 10 * DAY), intervals: [] }] },
    busy,
    bookings,
    weight: 1 + Math.floor(random() * 3),
    priority: Math.floor(random() * 3),
  };
}

function page(team: PageRules['team']): PageRules {
  return {
    id: 'bench-page',
    durations: [30, 60],
    bufferBeforeMinutes: 10,
    bufferAfterMinutes: 5,
    minimumNoticeMinutes: 240,
    window: { kind: 'rolling', days: 120 },
    maxBookingsPerDay: 6,
    busyRules: { tentativeBlocks: true, workingElsewhereBlocks: false, privateBlocks: true },
    team,
  };
}

// A range across the North American and European spring-forward changes, as real queries meet them.
const RANGE_START = Date.UTC(2026, 1, 20);
const NOW = RANGE_START - 2 * DAY;

/** One host in New York, 3 calendars, `items` busy items over a 60-day range, 30-minute slots. */
export function singleHostQuery(items: number, seed = 1): AvailabilityQuery {
  const days = 60;
  const random = seededRandom(seed);
  return {
    page: page(undefined),
    hosts: [
      syntheticHost(
        { id: 'host', timeZone: 'America/New_York', items, calendars: 3, bookings: 60 },
        'bench-page',
        RANGE_START,
        days,
        random,
      ),
    ],
    now: iso(NOW),
    range: { start: iso(RANGE_START), end: iso(RANGE_START + days * DAY) },
    durationMinutes: 30,
    inviteeTimeZone: 'Europe/Berlin',
  };
}

const TEAM_ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin', 'America/Chicago', 'Asia/Kolkata'];

/** A 50-member round-robin team over 30 days with `items` busy items in all, members across zones. */
export function roundRobinQuery(members: number, items: number, seed = 2): AvailabilityQuery {
  const days = 30;
  const random = seededRandom(seed);
  const hosts = Array.from({ length: members }, (_, i) =>
    syntheticHost(
      {
        id: `member-${i}`,
        timeZone: TEAM_ZONES[i % TEAM_ZONES.length]!,
        items: Math.floor(items / members),
        calendars: 2,
        bookings: 20,
      },
      'bench-page',
      RANGE_START,
      days,
      random,
    ),
  );
  return {
    page: page({ kind: 'roundRobin', policy: 'weighted', assignmentPeriodDays: 30 }),
    hosts,
    now: iso(NOW),
    range: { start: iso(RANGE_START), end: iso(RANGE_START + days * DAY) },
    durationMinutes: 30,
    inviteeTimeZone: 'Asia/Tokyo',
  };
}
