import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { findWindows } from 'windows-iana';
import type { BookingService } from '../booking/booking-service.js';
import type { BookingDeps } from '../booking/deps.js';
import { selfTestSlugPrefix } from '../booking/self-test-pages.js';
import { bookingPageInputSchema } from '../contracts/pages.js';
import { selfTestStepNames, type SelfTestRun, type SelfTestStep } from '../contracts/sync.js';
import { calendarPath } from '../graph/calendar-reads.js';
import { BOOKING_ID_EXPAND, bookingIdFilter } from '../graph/extended-property.js';
import { HostConnectionBrokenError } from '../graph/tokens.js';
import { eventExists } from './event-exists.js';
import { isNotFound } from './graph-subscriptions.js';
import type { SelfTestStore, StoredSelfTest } from './self-test-store.js';

/** The invitee zone of step 5: +05:45, far from most hosts and on no half-hour grid. */
export const farZone = 'Asia/Kathmandu';
const subject = 'Tandem sync self-test';
const minuteMs = 60_000;
const dayMs = 86_400_000;
/** A run still marked running after this long was lost (its worker died): a new one may start. */
const lostAfterMs = 5 * minuteMs;

/** On `sync-selftest`: run the steps of a stored run. */
export const selfTestMessageSchema = z.object({
  kind: z.literal('selfTest'),
  hostId: z.string().min(1),
  runId: z.string().min(1),
});
export type SelfTestMessage = z.infer<typeof selfTestMessageSchema>;

export interface SelfTestOptions {
  /** Whether Outlook change notifications are on (step 2 needs them). */
  syncEnabled: boolean;
  /** How long a step waits for the booking page to show a change. @default 10000 */
  waitMs?: number;
}

/** The self-test run is not one of the signed-in host's. */
export class SelfTestNotFoundError extends Error {
  override readonly name = 'SelfTestNotFoundError';
  readonly code = 'NOT_FOUND';
  constructor() {
    super('This self-test run was not found. Start a new one.');
  }
}

/** A step saw something wrong: `message` is the sentence the host reads. */
class StepFailed extends Error {}

interface Slot {
  start: string;
  end: string;
}

/** What the steps share while one attempt runs. */
interface Attempt {
  stored: StoredSelfTest;
  zone: string;
  email: string;
  destinationCalendarId: string;
  availabilityCalendarId: string;
  pageId?: string;
  slots: Slot[];
  bookingId?: string;
  eventId?: string;
}

const newSteps = (): SelfTestStep[] =>
  selfTestStepNames.map((name, i) => ({ step: (i + 1) as SelfTestStep['step'], name, status: 'pending' }));

/**
 * The sync self-test: DESIGN's five-step checklist run against the host's own calendar, in the first
 * free half hours of a temporary page that uses the host's working hours and calendars. Each step is
 * saved as it starts and ends, so the host watches it run; whatever the run made (page, bookings,
 * Outlook events) is removed afterwards, whether it passed or not.
 */
export class SelfTest {
  constructor(
    private readonly deps: BookingDeps,
    private readonly bookings: BookingService,
    private readonly store: SelfTestStore,
    private readonly options: SelfTestOptions,
  ) {}

  /** A new run (steps pending) for the worker to execute; a run of the host still going is answered instead. */
  async start(hostId: string): Promise<{ run: SelfTestRun; started: boolean }> {
    const now = this.deps.clock();
    const running = await this.store.running(hostId);
    const going = running.find((s) => !this.isLost(s.run));
    if (going) return { run: going.run, started: false };
    // A run whose worker died (its message went to the poison queue): closed, and its leftovers removed.
    for (const lost of running) {
      await this.cleanUp(lost);
      lost.run = this.closedAsLost(lost.run);
      await this.store.save(lost);
    }
    const run: SelfTestRun = {
      runId: `st_${randomBytes(12).toString('base64url')}`,
      status: 'running',
      startedAt: now.toISOString(),
      steps: newSteps(),
    };
    await this.store.save({ hostId, run, leftovers: { bookingIds: [], eventIds: [] } });
    return { run, started: true };
  }

  async get(hostId: string, runId: string): Promise<SelfTestRun> {
    const stored = await this.store.get(hostId, runId);
    if (!stored) throw new SelfTestNotFoundError();
    return this.isLost(stored.run) ? this.closedAsLost(stored.run) : stored.run;
  }

  private isLost(run: SelfTestRun): boolean {
    return run.status === 'running' && this.deps.clock().getTime() - Date.parse(run.startedAt) >= lostAfterMs;
  }

  /** How a run that never finished reads: failed where it stopped, with what to do. */
  private closedAsLost(run: SelfTestRun): SelfTestRun {
    const stoppedAt = run.steps.find((s) => s.status !== 'passed');
    return {
      ...run,
      status: 'failed',
      finishedAt: new Date(Date.parse(run.startedAt) + lostAfterMs).toISOString(),
      steps: run.steps.map((s) =>
        s === stoppedAt
          ? { ...s, status: 'failed', detail: 'The self-test stopped before it finished. Run it again.' }
          : s,
      ),
    };
  }

  /** The worker's entry point: runs every step, then cleans up. A finished run is left as it is. */
  async run(hostId: string, runId: string): Promise<SelfTestRun | undefined> {
    const stored = await this.store.get(hostId, runId);
    if (!stored || stored.run.status !== 'running') return stored?.run;
    // A retried message: what an earlier attempt made goes first, then every step runs again.
    await this.cleanUp(stored);
    stored.run.steps = newSteps();
    await this.store.save(stored);
    try {
      await this.steps(stored);
    } catch (error) {
      if (!(error instanceof StepFailed)) throw error;
    } finally {
      await this.cleanUp(stored);
    }
    const failed = stored.run.steps.find((s) => s.status === 'failed');
    for (const step of stored.run.steps)
      if (failed && step.status === 'pending') step.detail = `Not run, because step ${failed.step} failed.`;
    stored.run.status = failed ? 'failed' : 'passed';
    stored.run.finishedAt = this.deps.clock().toISOString();
    await this.store.save(stored);
    return stored.run;
  }

  private async steps(stored: StoredSelfTest): Promise<void> {
    const hostId = stored.hostId;
    const attempt: Attempt = {
      stored,
      zone: 'UTC',
      email: '',
      destinationCalendarId: '',
      availabilityCalendarId: '',
      slots: [],
    };

    await this.step(attempt, 1, async () => {
      const connection = await this.deps.connections.get(hostId);
      if (connection?.broken)
        throw new StepFailed(
          `Tandem is not connected to your calendar: ${connection.broken.reason} Open Tandem once to reconnect.`,
        );
      const [host, profile] = await Promise.all([
        this.bookings.availability.hostContext(hostId),
        this.bookings.availability.mailboxProfile(hostId),
      ]);
      attempt.zone = profile.timeZone;
      attempt.email = connection?.upn.includes('@') ? connection.upn : 'selftest@example.com';
      attempt.destinationCalendarId = host.destinationCalendarId;
      attempt.availabilityCalendarId = host.availabilityCalendarIds[0] ?? host.destinationCalendarId;
      await this.makePage(attempt);
      const [first] = attempt.slots;
      const booked = await this.book(attempt, first!, attempt.zone);
      attempt.bookingId = booked.id;
      attempt.eventId = booked.eventId;
      const found = await eventExists(
        this.deps.graphFor(hostId),
        `${calendarPath(hostId, attempt.destinationCalendarId)}/events/${encodeURIComponent(booked.eventId)}`,
      );
      if (!found)
        throw new StepFailed(
          'The booking was made, but its event is not in the calendar you chose for bookings.',
        );
      if (!(await this.gone(attempt, first!)))
        throw new StepFailed('The booking was made, but the booking page still offers its time.');
      return {
        detail: `Booked ${this.wall(first!.start, attempt.zone)}: the event is in your calendar and the time is no longer offered.`,
      };
    });

    await this.step(attempt, 2, async () => {
      if (!this.options.syncEnabled)
        throw new StepFailed(
          'Outlook change notifications are off for this Tandem installation, so changes made in Outlook reach booking pages only through the periodic check. Ask your administrator to set the API address.',
        );
      const slot = attempt.slots[1]!;
      const created = (await this.deps
        .graphFor(hostId)
        .api(`${calendarPath(hostId, attempt.availabilityCalendarId)}/events`)
        .post({
          subject,
          start: { dateTime: slot.start.slice(0, 19), timeZone: 'UTC' },
          end: { dateTime: slot.end.slice(0, 19), timeZone: 'UTC' },
          showAs: 'busy',
          isReminderOn: false,
        })) as { id: string };
      stored.leftovers.eventIds.push(created.id);
      await this.store.save(stored);
      const from = performance.now();
      if (!(await this.gone(attempt, slot)))
        throw new StepFailed(
          `An event created in Outlook did not reach your booking page within ${this.waitSeconds()} seconds. Outlook change notifications may not be arriving; check the subscriptions above.`,
        );
      const ms = Math.round(performance.now() - from);
      return {
        detail: `An event created in Outlook at ${this.wall(slot.start, attempt.zone)} was no longer offered after ${ms} ms.`,
        ms,
      };
    });

    await this.step(attempt, 3, async () => {
      const target = attempt.slots[2]!;
      const before = await this.bookingRecord(attempt);
      await this.bookings.reschedule(before, { start: target.start, timeZone: attempt.zone });
      const after = await this.bookingRecord(attempt);
      if (after.eventId !== attempt.eventId)
        throw new StepFailed('Rescheduling gave the booking a different Outlook event instead of moving it.');
      const events = await this.eventsOfBooking(attempt, attempt.bookingId!);
      if (events.length !== 1)
        throw new StepFailed(
          `After rescheduling, your calendar has ${events.length} events for the booking instead of one.`,
        );
      if (
        events[0]!.id !== attempt.eventId ||
        Date.parse(`${events[0]!.start.dateTime}Z`) !== Date.parse(target.start)
      )
        throw new StepFailed('Rescheduling did not move the Outlook event to the new time.');
      if (!(await this.gone(attempt, target)))
        throw new StepFailed('After rescheduling, the booking page still offers the new time.');
      return {
        detail: `The same Outlook event moved to ${this.wall(target.start, attempt.zone)}; there is no second one.`,
      };
    });

    await this.step(attempt, 4, async () => {
      const target = attempt.slots[2]!;
      await this.bookings.cancel(await this.bookingRecord(attempt), subject, 'host');
      const events = await this.eventsOfBooking(attempt, attempt.bookingId!);
      if (events.some((e) => !e.isCancelled))
        throw new StepFailed('The booking was cancelled, but its Outlook event is still in your calendar.');
      if (!(await this.offeredAgain(attempt, target)))
        throw new StepFailed(
          `The booking was cancelled, but its time was not offered again within ${this.waitSeconds()} seconds.`,
        );
      return {
        detail: `The Outlook event was cancelled and ${this.wall(target.start, attempt.zone)} is offered again.`,
      };
    });

    await this.step(attempt, 5, async () => {
      const slot = attempt.slots[3]!;
      const booked = await this.book(attempt, slot, farZone);
      const windowsZone = findWindows(attempt.zone)?.[0] ?? attempt.zone;
      const event = (await this.deps
        .graphFor(hostId)
        .api(`/users/${encodeURIComponent(hostId)}/events/${encodeURIComponent(booked.eventId)}`)
        .header('Prefer', `outlook.timezone="${windowsZone}"`)
        .select('id,start,end')
        .get()) as { start: { dateTime: string } };
      const expected = DateTime.fromISO(slot.start, { zone: attempt.zone }).toFormat("yyyy-MM-dd'T'HH:mm:ss");
      if (event.start.dateTime.slice(0, 19) !== expected)
        throw new StepFailed(
          `Booked from ${farZone} for ${this.wall(slot.start, attempt.zone)}, but Outlook shows the meeting at ${event.start.dateTime.slice(11, 16)} your time.`,
        );
      return {
        detail: `Booked for ${DateTime.fromISO(slot.start, { zone: farZone }).toFormat('HH:mm')} in ${farZone}; Outlook shows ${this.wall(slot.start, attempt.zone)}, the same moment.`,
      };
    });
  }

  /** Runs one step: saved as running, then as passed (with what it saw) or failed (with a sentence). */
  private async step(
    attempt: Attempt,
    n: number,
    work: () => Promise<{ detail: string; ms?: number }>,
  ): Promise<void> {
    const { stored } = attempt;
    const step = stored.run.steps[n - 1]!;
    step.status = 'running';
    await this.store.save(stored);
    const from = performance.now();
    try {
      const { detail, ms } = await work();
      Object.assign(step, { status: 'passed', detail, ms: ms ?? Math.round(performance.now() - from) });
    } catch (error) {
      Object.assign(step, {
        status: 'failed',
        detail: sentenceFor(error),
        ms: Math.round(performance.now() - from),
      });
      throw new StepFailed(step.detail);
    } finally {
      await this.store.save(stored);
    }
  }

  /** A temporary page on the host's hours and calendars, and four free half hours that do not touch. */
  private async makePage(attempt: Attempt): Promise<void> {
    const { stored } = attempt;
    const hostId = stored.hostId;
    const pageId = `pg_${randomBytes(9).toString('base64url')}`;
    stored.leftovers.pageId = pageId;
    await this.store.save(stored);
    await this.deps.pages.create(
      hostId,
      pageId,
      bookingPageInputSchema.parse({
        title: subject,
        slug: `${selfTestSlugPrefix}${randomBytes(6).toString('hex')}`,
        durations: [30],
        location: { kind: 'phone', caller: 'host' },
        rules: { minimumNoticeMinutes: 15, window: { kind: 'rolling', days: 14 } },
      }),
    );
    attempt.pageId = pageId;
    const now = this.deps.clock().getTime();
    const answer = await this.bookings.slots(pageId, {
      start: new Date(now).toISOString(),
      end: new Date(now + 14 * dayMs).toISOString(),
      duration: 30,
      timeZone: attempt.zone,
    });
    if (answer.paused) throw new StepFailed(answer.paused.detail);
    for (const slot of answer.slots) {
      const last = attempt.slots.at(-1);
      if (!last || Date.parse(slot.start) >= Date.parse(last.end)) attempt.slots.push(slot);
      if (attempt.slots.length === 4) return;
    }
    throw new StepFailed(
      'Your calendar has fewer than four free half hours within your working hours in the next 14 days; the self-test needs them.',
    );
  }

  /** Books through the booking service, as the public booking link does. */
  private async book(
    attempt: Attempt,
    slot: Slot,
    timeZone: string,
  ): Promise<{ id: string; eventId: string }> {
    const { stored } = attempt;
    const result = await this.bookings.book(
      attempt.pageId!,
      { name: subject, email: attempt.email, durationMinutes: 30, start: slot.start, timeZone, answers: {} },
      randomUUID(),
    );
    stored.leftovers.bookingIds.push(result.booking.id);
    await this.store.save(stored);
    const record = await this.deps.bookings.get(stored.hostId, result.booking.id);
    if (record?.status !== 'confirmed' || !record.eventId)
      throw new StepFailed('The booking was recorded, but no Outlook event was made for it.');
    return { id: record.id, eventId: record.eventId };
  }

  private async bookingRecord(attempt: Attempt) {
    const record = await this.deps.bookings.get(attempt.stored.hostId, attempt.bookingId!);
    if (!record) throw new StepFailed('The test booking disappeared while the test ran.');
    return record;
  }

  /** The booking's Outlook events, found by the extended property Tandem writes (as the reconciler does). */
  private async eventsOfBooking(attempt: Attempt, bookingId: string) {
    const hostId = attempt.stored.hostId;
    const found = (await this.deps
      .graphFor(hostId)
      .api(`/users/${encodeURIComponent(hostId)}/events`)
      .header('Prefer', 'outlook.timezone="UTC"')
      .filter(bookingIdFilter(bookingId))
      .expand(BOOKING_ID_EXPAND)
      .select('id,start,isCancelled')
      .get()) as { value: { id: string; start: { dateTime: string }; isCancelled?: boolean }[] };
    return found.value;
  }

  private async offers(attempt: Attempt, slot: Slot): Promise<boolean> {
    const answer = await this.bookings.slots(attempt.pageId!, {
      start: slot.start,
      end: slot.end,
      duration: 30,
      timeZone: attempt.zone,
    });
    return answer.slots.some((s) => Date.parse(s.start) === Date.parse(slot.start));
  }

  /** Waits (bounded) until the booking page no longer offers the slot. */
  private async gone(attempt: Attempt, slot: Slot): Promise<boolean> {
    return this.within(async () => !(await this.offers(attempt, slot)));
  }

  private async offeredAgain(attempt: Attempt, slot: Slot): Promise<boolean> {
    return this.within(() => this.offers(attempt, slot));
  }

  private async within(check: () => Promise<boolean>): Promise<boolean> {
    const until = performance.now() + (this.options.waitMs ?? 10_000);
    for (;;) {
      if (await check()) return true;
      if (performance.now() > until) return false;
      await sleep(50);
    }
  }

  private waitSeconds(): number {
    return Math.round((this.options.waitMs ?? 10_000) / 1000);
  }

  private wall(instant: string, zone: string): string {
    return `${DateTime.fromISO(instant, { zone }).toFormat('ccc d LLL HH:mm')} (${zone})`;
  }

  /** Removes what the run made: its bookings (Outlook events cancelled, rows deleted), events, page. */
  private async cleanUp(stored: StoredSelfTest): Promise<void> {
    const hostId = stored.hostId;
    const { leftovers } = stored;
    const problems: unknown[] = [];
    const attempt = async (work: () => Promise<unknown>) => {
      await work().catch((error: unknown) => problems.push(error));
    };
    const bookingIds = new Set(leftovers.bookingIds);
    if (leftovers.pageId) {
      // Bookings of the page a failed step never reported (a booking refused half way).
      for (const b of await this.deps.bookings.list(hostId))
        if (b.pageId === leftovers.pageId) bookingIds.add(b.id);
    }
    for (const id of bookingIds) {
      await attempt(async () => {
        const booking = await this.deps.bookings.get(hostId, id);
        if (booking && booking.status !== 'cancelled') await this.bookings.cancel(booking, subject, 'host');
        if (booking?.eventId) await this.deleteEvent(hostId, booking.eventId);
        await this.deps.bookings.purge(hostId, id);
      });
    }
    for (const eventId of leftovers.eventIds) await attempt(() => this.deleteEvent(hostId, eventId));
    if (leftovers.pageId) {
      const pageId = leftovers.pageId;
      await attempt(async () => {
        if (await this.deps.pages.get(hostId, pageId)) await this.deps.pages.delete(hostId, pageId);
        this.bookings.forgetPage(pageId);
      });
    }
    if (problems.length === 0) {
      stored.leftovers = { bookingIds: [], eventIds: [] };
      await this.store.save(stored);
      return;
    }
    console.warn(`Self-test ${stored.run.runId} of host ${hostId} could not remove everything:`, problems);
    const last = stored.run.steps.findLast((s) => s.status !== 'pending');
    const note = ' Tandem could not remove everything the test made; it tries again at the next self-test.';
    if (last && !last.detail?.endsWith(note)) last.detail = `${last.detail ?? ''}${note}`.trim();
    await this.store.save(stored);
  }

  private async deleteEvent(hostId: string, eventId: string): Promise<void> {
    await this.deps
      .graphFor(hostId)
      .api(`/users/${encodeURIComponent(hostId)}/events/${encodeURIComponent(eventId)}`)
      .delete()
      .catch((error: unknown) => {
        if (!isNotFound(error)) throw error;
      });
  }
}

/** A sentence for the host about what stopped a step. */
export function sentenceFor(error: unknown): string {
  if (error instanceof StepFailed) return error.message;
  if (error instanceof HostConnectionBrokenError)
    return `Tandem could not act as you: ${error.reason} Open Tandem once to reconnect.`;
  const e = error as { statusCode?: number; code?: string | null; message?: string };
  if (e?.code === 'SLOT_TAKEN')
    return 'The time the test chose was taken while it ran (another booking or event). Run the self-test again.';
  if (e?.statusCode === 401 || e?.statusCode === 403)
    return `Outlook refused Tandem's request to your calendar (${e.code ?? e.statusCode}: ${e.message ?? 'access denied'}). Open Tandem once and accept its permissions; if this keeps happening, your administrator may have limited access to your calendar.`;
  if (e?.statusCode === 429 || e?.statusCode === 503 || e?.statusCode === 504)
    return 'Outlook was too busy to answer in time. Run the self-test again in a few minutes.';
  return `The step stopped on an error: ${e?.message ?? String(error)}`;
}
