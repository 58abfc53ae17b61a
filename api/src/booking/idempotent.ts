import { requestFingerprint } from '../store/idempotency.js';
import type { BookingDeps } from './deps.js';

/**
 * Runs a write once per Idempotency-Key (within `scope`): a retry with the same key and request gets
 * the stored answer; without a key the write just runs (cancel and approve are naturally repeatable).
 */
export async function idempotentWrite<T>(
  deps: BookingDeps,
  scope: string,
  key: string | undefined,
  request: readonly string[],
  run: () => Promise<T>,
): Promise<T> {
  if (key === undefined) return run();
  const fingerprint = requestFingerprint(request);
  const earlier = await deps.idempotency.recall(scope, key, fingerprint);
  if (earlier) return earlier.body as T;
  const body = await run();
  return (await deps.idempotency.remember(scope, key, fingerprint, { status: 200, body })).body as T;
}
