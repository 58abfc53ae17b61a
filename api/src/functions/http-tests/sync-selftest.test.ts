import type { SelfTestRun, SelfTestStep } from '../../contracts/sync.js';
import { selfTestRunSchema } from '../../contracts/sync.js';
import { SelfTestStore } from '../../sync/self-test-store.js';
import { syncRuntime } from '../sync-runtime.js';
import type { ApiStack } from './api-stack.js';
import { eventually, useSyncStack, type SyncStack } from './sync-fixture.js';

const sync = useSyncStack({ upn: 'nestor', name: 'Nestor Wilke', slug: 'selftest-host' });
const { admin } = sync;
let stack: ApiStack;
let host: SyncStack['host'];
let pageId: string;
beforeAll(() => ({ stack, host, pageId } = sync.started()));

/** Starts a self-test and polls it as the front end does until it has finished. */
async function runSelfTest(): Promise<SelfTestRun> {
  const started = await stack.call('POST', 'sync/selftest', { token: host.token });
  expect(started.status).toBe(202);
  const first = selfTestRunSchema.parse(started.body);
  expect(first.status).toBe('running');
  expect(first.steps.map((s) => s.step)).toEqual([1, 2, 3, 4, 5]);
  let run = first;
  const seen: SelfTestRun[] = [];
  await eventually(
    'the self-test finishes',
    async () => {
      const res = await stack.call('GET', `sync/selftest/${first.runId}`, { token: host.token });
      expect(res.status).toBe(200);
      run = selfTestRunSchema.parse(res.body);
      seen.push(run);
      return run.status !== 'running';
    },
    60_000,
  );
  progress.push(...seen);
  return run;
}

/** Every answer the polls of the last runs saw. */
const progress: SelfTestRun[] = [];

/** What a run could leave behind: Outlook events, bookings, pages other than the host's own. */
async function leftovers() {
  const events = stack.emulator.store
    .listEvents(host.user.id)
    .map((r) => r.event)
    .filter((e) => e.subject?.includes('self-test') || e.transactionId);
  const bookings = await stack.runtime.deps.bookings.list(host.user.id);
  const pages = (await stack.runtime.deps.pages.list(host.user.id)).map((p) => p.id);
  return { events, bookings, pages };
}

describe('POST /api/sync/selftest', () => {
  it('runs the five steps against the host calendar, passes each, and leaves nothing behind', async () => {
    const run = await runSelfTest();
    expect(run.steps.map((s) => [s.step, s.status])).toEqual([
      [1, 'passed'],
      [2, 'passed'],
      [3, 'passed'],
      [4, 'passed'],
      [5, 'passed'],
    ]);
    expect(run.status).toBe('passed');
    expect(Date.parse(run.finishedAt!)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
    for (const step of run.steps) {
      expect(step.detail).toBeTruthy();
      expect(step.ms).toBeGreaterThanOrEqual(0);
    }
    expect(run.steps[1]!.detail).toMatch(/no longer offered after \d+ ms/);
    expect(run.steps[2]!.detail).toMatch(/same Outlook event/);
    expect(run.steps[4]!.detail).toContain('Asia/Kathmandu');

    // The polls saw the run part way: some steps done while others still waited.
    expect(
      progress.some(
        (r) =>
          r.status === 'running' &&
          r.steps.some((s) => s.status === 'passed') &&
          r.steps.some((s) => s.status === 'pending' || s.status === 'running'),
      ),
    ).toBe(true);

    expect(await leftovers()).toEqual({ events: [], bookings: [], pages: [pageId] });
    // Nothing is announced to the host in Teams: the test's bookings are not news.
    const outbox = await stack.services.queues.client('botOutbox').peekMessages({ numberOfMessages: 32 });
    expect(outbox.peekedMessageItems).toEqual([]);
    const listed = await stack.call('GET', 'pages', { token: host.token });
    expect(listed.body.pages.map((p: { id: string }) => p.id)).toEqual([pageId]);
  });

  it('a run whose worker died reads as failed where it stopped, and the next start clears it', async () => {
    const runtime = syncRuntime(stack.services);
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    const store = new SelfTestStore(stack.services.tables);
    await store.save({
      hostId: host.user.id,
      run: {
        runId: 'st_lostrun123',
        status: 'running',
        startedAt: longAgo,
        steps: [1, 2, 3, 4, 5].map((step) => ({
          step: step as SelfTestStep['step'],
          name: `Step ${step}`,
          status: step === 1 ? 'passed' : step === 2 ? 'running' : 'pending',
        })),
      },
      leftovers: { bookingIds: [], eventIds: [] },
    });
    const read = await stack.call('GET', 'sync/selftest/st_lostrun123', { token: host.token });
    expect(read.body.status).toBe('failed');
    expect(read.body.steps[1]).toMatchObject({
      status: 'failed',
      detail: 'The self-test stopped before it finished. Run it again.',
    });
    expect(read.body.steps[0].status).toBe('passed');
    const next = await runSelfTest();
    expect(next.runId).not.toBe('st_lostrun123');
    expect((await store.get(host.user.id, 'st_lostrun123'))?.run.status).toBe('failed');
    expect(await runtime.selfTest.get(host.user.id, next.runId)).toEqual(next);
  });

  it('is not another host’s to read', async () => {
    const run = await runSelfTest();
    const other = await stack.connectHost({ upn: 'pradeep', name: 'Pradeep Gupta' });
    const res = await stack.call('GET', `sync/selftest/${run.runId}`, { token: other.token });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await stack.call('GET', `sync/selftest/${run.runId}`)).status).toBe(401);
    expect((await stack.call('POST', 'sync/selftest')).status).toBe(401);
  });

  it('reports the step the host calendar refused, with a sentence, and still cleans up', async () => {
    expect((await admin('POST', 'faults', { deniedShare: 1 })).status).toBeLessThan(300);
    let run: SelfTestRun;
    try {
      run = await runSelfTest();
    } finally {
      await admin('DELETE', 'faults');
    }
    expect(run.status).toBe('failed');
    const [first, ...rest] = run.steps;
    expect(first!.status).toBe('failed');
    expect(first!.detail).toMatch(/^Outlook refused Tandem's request to your calendar \(ErrorAccessDenied/);
    expect(first!.detail).toMatch(/accept its permissions/);
    for (const step of rest) {
      expect(step.status).toBe('pending');
      expect(step.detail).toBe('Not run, because step 1 failed.');
    }
    expect(await leftovers()).toEqual({ events: [], bookings: [], pages: [pageId] });
  });

  it('checks the cross-time-zone booking in the host’s own wall time, here Newfoundland (−03:30)', async () => {
    stack.emulator.store.updateMailboxSettings(host.user.id, {
      timeZone: 'Newfoundland Standard Time',
      workingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
        startTime: '06:00:00.0000000',
        endTime: '22:00:00.0000000',
        timeZone: { name: 'Newfoundland Standard Time' },
      },
    });
    // Opening Tandem reads the mailbox settings again.
    expect((await stack.call('GET', 'me', { token: host.token })).body.mailbox.timeZone).toBe(
      'America/St_Johns',
    );
    const run = await runSelfTest();
    expect(run.steps.map((s) => s.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    expect(run.steps[4]!.detail).toMatch(
      /^Booked for \d\d:\d\d in Asia\/Kathmandu; Outlook shows .* \(America\/St_Johns\), the same moment\.$/,
    );
    expect(await leftovers()).toEqual({ events: [], bookings: [], pages: [pageId] });
  });
});
