import { candidateStarts } from './candidates.js';
import { explainStart } from './explain.js';
import { freeHostIds, prepareQuery } from './schedules.js';
import { pickMember } from './team.js';
import { formatInstant, formatLocalDate, MINUTE_MS } from './time-text.js';
import type { AvailabilityQuery, Explanation, IsoInstant, Slot } from './types.js';
import { validateInstant, validateQuery } from './validate.js';

/**
 * Bookable slots of a page in `query.range`, ascending, each labelled with the invitee's local date.
 * Pure: `now` and every zone come from the query.
 * @throws SchedulingInputError when the query breaks docs/scheduling.md § Bad input.
 * @example
 * // London host, weekly Sun 09:00–10:00, range over 2026-03-29 (clocks go forward at 01:00 GMT):
 * availableSlots(query).map((s) => s.start); // → ['2026-03-29T08:00:00Z', '2026-03-29T08:30:00Z'] (09:00 BST)
 */
export function availableSlots(query: AvailabilityQuery): Slot[] {
  const valid = validateQuery(query);
  const prepared = prepareQuery(valid, { start: valid.rangeStart, end: valid.rangeEnd });
  const inviteeClock = prepared.clockFor(valid.inviteeTimeZone);
  const durationMs = valid.durationMinutes * MINUTE_MS;
  const slots: Slot[] = [];
  for (const start of candidateStarts(
    prepared.primaryClock,
    valid.rangeStart,
    valid.rangeEnd,
    prepared.intervalMinutes,
  )) {
    const hostIds = freeHostIds(prepared, start);
    if (hostIds.length === 0) continue;
    slots.push({
      start: formatInstant(start),
      end: formatInstant(start + durationMs),
      inviteeDate: formatLocalDate(inviteeClock.localDayOf(start)),
      hostIds: [...hostIds],
    });
  }
  return slots;
}

/**
 * Why `start` is or is not bookable; `bookable` and an empty `reasons` exactly when
 * `availableSlots(query)` offers that start.
 * @example
 * // New York, 2026-11-01: 01:30 happens twice; only the first (05:30Z, EDT) is a slot start
 * explain(query, '2026-11-01T06:30:00Z').reasons[0].code; // → 'NOT_A_SLOT_START' (01:30 EST)
 */
export function explain(query: AvailabilityQuery, start: IsoInstant): Explanation {
  const valid = validateQuery(query);
  const at = validateInstant(start, 'start');
  return explainStart(prepareQuery(valid, { start: at, end: at + 1 }), at);
}

/**
 * The member who takes a booking at `start`: for round-robin, the policy's choice among the members
 * free then; otherwise the primary host. `undefined` when the start is not bookable.
 * @example
 * // equal policy, both free, both with 2 bookings this period → the one booked least recently
 */
export function chooseMember(query: AvailabilityQuery, start: IsoInstant): string | undefined {
  const valid = validateQuery(query);
  const at = validateInstant(start, 'start');
  const prepared = prepareQuery(valid, { start: at, end: at + 1 });
  if (!explainStart(prepared, at).bookable) return undefined;
  const team = valid.page.team;
  if (team?.kind !== 'roundRobin') return valid.hosts[0]!.id;
  const free = new Set(freeHostIds(prepared, at));
  return pickMember(
    valid.hosts.filter((host) => free.has(host.id)),
    {
      policy: team.policy,
      pageId: valid.page.id,
      now: valid.now,
      assignmentPeriodDays: team.assignmentPeriodDays,
      ignoreBookingId: valid.ignoreBookingId,
    },
  );
}
