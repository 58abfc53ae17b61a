import { isCandidateStart } from './candidates.js';
import type { HostSchedule } from './host-schedule.js';
import type { PreparedQuery } from './schedules.js';
import { overlaps, SpanCursor, type Span } from './spans.js';
import { formatInstant, formatLocalDate } from './time-text.js';
import type { Explanation, Reason } from './types.js';

const spanText = (span: Span) => ({ start: formatInstant(span.start), end: formatInstant(span.end) });

/** Why one host cannot take a slot at `start` (rules 1–6); empty when it can. */
export function hostReasons(schedule: HostSchedule, start: number): Reason[] {
  const hostId = schedule.host.id;
  const end = start + schedule.slotLengthMs;
  const buffered = schedule.bufferedSpan(start);
  const reasons: Reason[] = [];
  if (!new SpanCursor(schedule.working).contains(start, end)) {
    reasons.push({ code: 'OUTSIDE_WORKING_HOURS', hostId, message: 'The slot is not inside working hours.' });
  }
  if (start < schedule.earliest) {
    reasons.push({
      code: 'TOO_SOON',
      hostId,
      message: `The slot starts before the minimum notice allows (${formatInstant(schedule.earliest)}).`,
    });
  }
  if (start < schedule.window.start || start >= schedule.window.end) {
    reasons.push({ code: 'BEYOND_WINDOW', hostId, message: 'The slot is outside the scheduling window.' });
  }
  for (const { index, span } of schedule.blocking) {
    const item = schedule.host.busy.items[index]!;
    if (!overlaps(span, buffered.start, buffered.end)) continue;
    const inSlot = overlaps(span, start, end);
    reasons.push({
      code: inSlot ? 'BUSY' : 'BUFFER',
      hostId,
      calendarId: item.calendarId,
      span: spanText(span),
      showAs: item.showAs,
      message: inSlot
        ? `The calendar shows ${item.showAs} time during the slot.`
        : `A buffer around the slot touches ${item.showAs} time on the calendar.`,
    });
  }
  for (const { booking, occupied } of schedule.bookings) {
    if (!overlaps(occupied, buffered.start, buffered.end)) continue;
    const inSlot = overlaps(booking, start, end);
    reasons.push({
      code: inSlot ? 'BOOKED' : 'BUFFER',
      hostId,
      bookingId: booking.id,
      span: spanText(booking),
      message: inSlot
        ? 'Another booking holds this time.'
        : 'The slot or its buffers touch another booking’s buffers.',
    });
  }
  if (schedule.limit !== undefined && schedule.bookingsOnDayOf(start) >= schedule.limit) {
    reasons.push({
      code: 'DAILY_LIMIT',
      hostId,
      message: `The host already has ${schedule.limit} booking(s) of this page on ${formatLocalDate(schedule.clock.localDayOf(start))}.`,
    });
  }
  return reasons;
}

/** The reasons of docs/scheduling.md § Explain for one candidate start; bookable when empty. */
export function explainStart(prepared: PreparedQuery, start: number): Explanation {
  const { query, schedules } = prepared;
  const reasons: Reason[] = [];
  if (!isCandidateStart(prepared.primaryClock, start, prepared.intervalMinutes)) {
    reasons.push({
      code: 'NOT_A_SLOT_START',
      message: `Slots start every ${prepared.intervalMinutes} minutes after local midnight on existing local times.`,
    });
  }
  if (start < query.rangeStart || start >= query.rangeEnd) {
    reasons.push({ code: 'OUTSIDE_RANGE', message: 'The start is outside the requested range.' });
  }
  const members = schedules.map((schedule) => ({
    hostId: schedule.host.id,
    reasons: hostReasons(schedule, start),
  }));
  const team = query.page.team;
  if (team === undefined) {
    reasons.push(...members[0]!.reasons);
  } else if (team.kind === 'collective') {
    for (const member of members) {
      if (member.reasons.length === 0) continue;
      reasons.push({
        code: 'MEMBER_BUSY',
        hostId: member.hostId,
        message: `Team member ${member.hostId} cannot take this slot.`,
        members: [member],
      });
    }
  } else if (members.every((member) => member.reasons.length > 0)) {
    reasons.push({ code: 'NO_MEMBER_FREE', message: 'No team member can take this slot.', members });
  }
  return { start: formatInstant(start), bookable: reasons.length === 0, reasons };
}
