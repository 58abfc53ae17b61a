/** Lock granularity: durations, buffers and intervals are multiples of 5 minutes, so buckets are exact. */
export const bucketMinutes = 5;
const bucketMs = bucketMinutes * 60_000;

/** One entity-group transaction holds at most 100 operations. */
export const maxTransactionOperations = 100;
/** Room left for lock rows beside the booking row and the idempotency row of the same transaction. */
export const maxLockBuckets = maxTransactionOperations - 2;

export interface HeldSpan {
  start: string;
  end: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/**
 * Start instants (epoch ms) of every 5-minute bucket that `[start - before, end + after)` touches.
 * @example
 * // 09:02–09:07 (moved in Outlook to odd minutes) touches 09:00 and 09:05
 * lockBuckets({ start: '…T09:02Z', end: '…T09:07Z', bufferBeforeMinutes: 0, bufferAfterMinutes: 0 });
 */
export function lockBuckets(span: HeldSpan): number[] {
  const from = Date.parse(span.start) - span.bufferBeforeMinutes * 60_000;
  const to = Date.parse(span.end) + span.bufferAfterMinutes * 60_000;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to <= from) {
    throw new RangeError(`A held span must end after it starts: ${span.start} – ${span.end}.`);
  }
  const buckets: number[] = [];
  for (let b = Math.floor(from / bucketMs) * bucketMs; b < to; b += bucketMs) buckets.push(b);
  return buckets;
}

/** The row key of a bucket's lock: sorts by time within the host's partition. */
export function lockRowKey(bucketStartMs: number): string {
  return `lock|${new Date(bucketStartMs).toISOString()}`;
}
