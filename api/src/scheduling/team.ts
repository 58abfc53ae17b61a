import type { ValidHost } from './model.js';
import { DAY_MS } from './time-text.js';
import type { AssignmentPolicy } from './types.js';

export interface AssignmentTerms {
  policy: AssignmentPolicy;
  pageId: string;
  now: number;
  assignmentPeriodDays: number;
  ignoreBookingId?: string;
}

interface MemberStanding {
  host: ValidHost;
  /** Bookings of the page booked in the assignment period `(now − days, now]`. */
  count: number;
  /** Latest `bookedAt` of the page's bookings; -Infinity when never booked. */
  lastBookedAt: number;
}

function standingOf(host: ValidHost, terms: AssignmentTerms): MemberStanding {
  const periodStart = terms.now - terms.assignmentPeriodDays * DAY_MS;
  let count = 0;
  let lastBookedAt = -Infinity;
  for (const booking of host.bookings) {
    if (
      booking.pageId !== terms.pageId ||
      booking.status === 'cancelled' ||
      booking.id === terms.ignoreBookingId
    ) {
      continue;
    }
    if (booking.bookedAt > periodStart && booking.bookedAt <= terms.now) count++;
    if (booking.bookedAt > lastBookedAt) lastBookedAt = booking.bookedAt;
  }
  return { host, count, lastBookedAt };
}

/** The `equal` order: fewest bookings, then least recently booked (never booked first), then id. */
function byEqualShare(a: MemberStanding, b: MemberStanding): number {
  if (a.count !== b.count) return a.count - b.count;
  if (a.lastBookedAt !== b.lastBookedAt) return a.lastBookedAt < b.lastBookedAt ? -1 : 1;
  return a.host.id < b.host.id ? -1 : a.host.id > b.host.id ? 1 : 0;
}

const policyOrder: Record<AssignmentPolicy, (a: MemberStanding, b: MemberStanding) => number> = {
  equal: byEqualShare,
  // count / weight compared by cross-multiplying: exact for whole counts, no rounding.
  weighted: (a, b) => a.count * b.host.weight - b.count * a.host.weight || byEqualShare(a, b),
  priority: (a, b) => b.host.priority - a.host.priority || byEqualShare(a, b),
};

/**
 * Picks the round-robin member for a booking among the members free for its slot.
 * @example
 * // weighted: A (weight 2, 2 bookings) vs B (weight 1, 1 booking) tie at 1.0 → the equal order
 * // decides: B has fewer bookings, so B
 */
export function pickMember(free: ValidHost[], terms: AssignmentTerms): string | undefined {
  const order = policyOrder[terms.policy];
  let best: MemberStanding | undefined;
  for (const host of free) {
    const standing = standingOf(host, terms);
    if (best === undefined || order(standing, best) < 0) best = standing;
  }
  return best?.host.id;
}
