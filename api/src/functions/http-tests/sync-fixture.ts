import { setTimeout as sleep } from 'node:timers/promises';
import { provideSyncSettings, syncRuntime } from '../sync-runtime.js';
import { startApiStack, type ApiStack } from './api-stack.js';

const hour = 3_600_000;

export const plus = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * hour).toISOString();
export const wall = (iso: string) => ({ dateTime: iso.slice(0, 19), timeZone: 'UTC' });

/** Waits (bounded) until `check` holds: sync is asynchronous, so tests wait for its outcome. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  limitMs = 20_000,
): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Still not true after ${limitMs} ms: ${what}`);
    await sleep(50);
  }
}

export interface SyncStack {
  stack: ApiStack;
  host: { user: { id: string }; token: string };
  pageId: string;
}

/**
 * The whole stack with sync on, one connected host and one page, started before the file's tests and
 * stopped after them. The returned functions read the stack lazily, so they may be destructured at load.
 */
export function useSyncStack(spec: { upn: string; name: string; slug: string }) {
  let current: SyncStack | undefined;
  const started = (): SyncStack => {
    if (!current) throw new Error('The sync stack is used before its beforeAll ran.');
    return current;
  };

  beforeAll(async () => {
    const stack = await startApiStack();
    provideSyncSettings(stack.services, { apiBaseUrl: stack.url });
    await stack.services.queues.ensure();
    const host = await stack.connectHost({ upn: spec.upn, name: spec.name });
    const { id: pageId } = await stack.createPage(host.token, { slug: spec.slug });
    current = { stack, host, pageId };
  });
  afterAll(() => current?.stack.stop());

  /** Whether the public slots offer a 30-minute slot at `start`. */
  const offered = async (start: string): Promise<boolean> => {
    const { stack, pageId } = started();
    const res = await stack.call(
      'GET',
      `public/pages/${pageId}/slots?start=${start}&end=${plus(start, 1)}&duration=30&timeZone=UTC`,
    );
    expect(res.status).toBe(200);
    return (res.body.slots as { start: string }[]).some((s) => Date.parse(s.start) === Date.parse(start));
  };

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${started().stack.emulator.origin}/_admin/${path}`, {
      method,
      ...(body !== undefined && {
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      }),
    });

  /** Nothing in flight: the emulator has delivered everything, the queue is empty, no delta runs. */
  const settle = async (): Promise<void> => {
    const { stack } = started();
    await admin('POST', 'notifications/idle');
    const queue = stack.services.queues.client('graphNotifications');
    await eventually('the notification queue drains', async () => {
      const properties = await queue.getProperties();
      return properties.approximateMessagesCount === 0;
    });
    await syncRuntime(stack.services).sync.whenIdle();
  };

  return { started, offered, admin, settle };
}
