/** A client sent more public requests than the limit allows. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  readonly code = 'RATE_LIMITED';
  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many requests from your network. Please wait ${Math.ceil(retryAfterSeconds)} seconds and try again.`,
    );
  }
}

export interface RateLimit {
  /** Requests a client may burst. */
  capacity: number;
  /** Requests a client regains per second. */
  refillPerSecond: number;
}

/** Public endpoints: bursts of a page view's worth of calls, a few per second sustained. */
export const defaultPublicRateLimit: RateLimit = { capacity: 120, refillPerSecond: 4 };

/**
 * A token bucket per client, per instance. It keeps one instance from being flooded by one
 * client; the platform's front door (or API Management) limits across instances.
 * @example
 * limiter.take('203.0.113.9'); // throws RateLimitedError once the bucket is empty
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly limit: RateLimit = defaultPublicRateLimit,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  take(client: string, cost = 1): void {
    const now = this.clock().getTime();
    const bucket = this.buckets.get(client) ?? { tokens: this.limit.capacity, at: now };
    bucket.tokens = Math.min(
      this.limit.capacity,
      bucket.tokens + ((now - bucket.at) / 1000) * this.limit.refillPerSecond,
    );
    bucket.at = now;
    if (bucket.tokens < cost) {
      this.buckets.set(client, bucket);
      throw new RateLimitedError((cost - bucket.tokens) / this.limit.refillPerSecond);
    }
    bucket.tokens -= cost;
    this.buckets.set(client, bucket);
    if (this.buckets.size > 50_000) this.forgetFull(now);
  }

  /** Drops clients whose bucket has refilled: they are indistinguishable from new ones. */
  private forgetFull(now: number): void {
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * this.limit.refillPerSecond >= this.limit.capacity)
        this.buckets.delete(client);
    }
  }
}
