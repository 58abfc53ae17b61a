import { RateLimitedError, RateLimiter } from './rate-limit.js';

describe('the public rate limiter', () => {
  it('lets a burst through, refuses the next request with a wait, and refills with time', () => {
    let now = Date.parse('2026-05-01T10:00:00Z');
    const limiter = new RateLimiter({ capacity: 3, refillPerSecond: 1 }, () => new Date(now));
    for (let i = 0; i < 3; i++) limiter.take('198.51.100.7');
    let refused: unknown;
    try {
      limiter.take('198.51.100.7');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterSeconds).toBeCloseTo(1);
    expect(() => limiter.take('203.0.113.1')).not.toThrow();
    now += 1000;
    expect(() => limiter.take('198.51.100.7')).not.toThrow();
    expect(() => limiter.take('198.51.100.7')).toThrow(RateLimitedError);
  });
});
