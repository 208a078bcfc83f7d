import { ProblemError } from './problem.js';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per key (a visitor, or an address before there is one): `perMinute` requests in a burst,
 * refilled evenly over the minute. Over the limit is a 429 problem with `Retry-After`.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s budget. @throws {ProblemError} 429 */
  take(key: string): void {
    const now = this.clock();
    const refillPerMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * refillPerMs);
    bucket.updatedAt = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
      throw new ProblemError(
        'rate_limited',
        `Too many requests; try again in ${retryAfterSeconds} s.`,
        retryAfterSeconds,
      );
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    // Full buckets carry no information; dropping them keeps memory bounded by the active keys.
    if (this.buckets.size > 10_000) {
      for (const [otherKey, other] of this.buckets) {
        if (other.tokens + (now - other.updatedAt) * refillPerMs >= this.perMinute)
          this.buckets.delete(otherKey);
      }
    }
  }
}
