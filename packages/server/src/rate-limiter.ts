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
    /** What the 429 says was too many, e.g. "failed sign-ins from this address". */
    private readonly what = 'requests',
  ) {}

  /** Takes one request from `key`'s budget. @throws {ProblemError} 429 */
  take(key: string): void {
    const bucket = this.refilled(key);
    if (bucket.tokens < 1) this.refuse(bucket);
    bucket.tokens -= 1;
  }

  /** Refuses when `key` has no budget left, without taking any. @throws {ProblemError} 429 */
  check(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket && this.refilled(key).tokens < 1) this.refuse(bucket);
  }

  private refilled(key: string): Bucket {
    const now = this.clock();
    const bucket = this.buckets.get(key) ?? { tokens: this.perMinute, updatedAt: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs);
    bucket.updatedAt = now;
    this.buckets.set(key, bucket);
    // Full buckets carry no information; dropping them keeps memory bounded by the active keys.
    if (this.buckets.size > 10_000) {
      for (const [otherKey, other] of this.buckets) {
        if (other.tokens + (now - other.updatedAt) * this.refillPerMs >= this.perMinute)
          this.buckets.delete(otherKey);
      }
    }
    return bucket;
  }

  private get refillPerMs(): number {
    return this.perMinute / 60_000;
  }

  private refuse(bucket: Bucket): never {
    const retryAfterSeconds = Math.max(1, Math.ceil((1 - bucket.tokens) / this.refillPerMs / 1000));
    throw new ProblemError(
      'rate_limited',
      `Too many ${this.what}; try again in ${retryAfterSeconds} s.`,
      retryAfterSeconds,
    );
  }
}
