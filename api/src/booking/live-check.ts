import { readBusyItems } from '../graph/calendar-reads.js';
import type { BusyRules } from '../scheduling/types.js';
import type { CachedBusyItem } from '../store/busy-cache.js';
import type { HostContext } from './availability.js';
import type { BusySource } from './busy-source.js';
import type { BookingDeps } from './deps.js';

/** Whether an Outlook item blocks under the page's rules (docs/scheduling.md, busy time). */
export function blocks(item: CachedBusyItem, rules: BusyRules): boolean {
  if (item.isCancelled) return false;
  const byShowAs =
    item.showAs === 'busy' ||
    item.showAs === 'oof' ||
    item.showAs === 'unknown' ||
    (item.showAs === 'tentative' && rules.tentativeBlocks) ||
    (item.showAs === 'workingElsewhere' && rules.workingElsewhereBlocks);
  const isPrivate = item.sensitivity === 'private' || item.sensitivity === 'confidential';
  return byShowAs && (!isPrivate || rules.privateBlocks);
}

/**
 * Reads Outlook live over the held window (its buffers included) for every host involved, because a
 * notification about an event created a moment ago may not have reached the busy cache yet. Events
 * of Tandem bookings are left to the locks. Whatever it sees is taught to the busy cache.
 * @returns true when nothing blocks.
 */
export async function liveWindowIsFree(
  deps: BookingDeps,
  busy: BusySource,
  hosts: HostContext[],
  window: { start: string; end: string },
  rules: BusyRules,
): Promise<boolean> {
  const results = await Promise.all(
    hosts.flatMap((host) =>
      host.availabilityCalendarIds.map(async (calendarId) => {
        const items = await readBusyItems(deps.graphFor(host.hostId), host.hostId, calendarId, window);
        const blocking = items.filter(
          (item) => !item.bookingId && blocks(item, rules) && overlaps(item, window),
        );
        if (blocking.length > 0) await busy.learn(host.hostId, calendarId, blocking);
        return blocking.length === 0;
      }),
    ),
  );
  return results.every(Boolean);
}

function overlaps(item: CachedBusyItem, window: { start: string; end: string }): boolean {
  // All-day items are dates; the calendarView window already selected the days that touch it.
  if (item.isAllDay) return true;
  return Date.parse(item.start) < Date.parse(window.end) && Date.parse(item.end) > Date.parse(window.start);
}
