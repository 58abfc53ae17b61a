import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Waits, within a bound, until `check` holds: sync and notifications are asynchronous, so a test
 * waits for their outcome as a person would watch for it, never for a fixed time.
 */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  options: { limitMs?: number; everyMs?: number } = {},
): Promise<void> {
  const limitMs = options.limitMs ?? 20_000;
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Still not true after ${limitMs / 1000} s: ${what}`);
    await sleep(options.everyMs ?? 100);
  }
}
