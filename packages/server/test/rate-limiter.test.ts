import { describe, expect, it } from 'vitest';
import { ProblemError } from '../src/index.js';
import { RateLimiter } from '../src/rate-limiter.js';

describe('rate limiter', () => {
  it('allows a burst of perMinute, then refills evenly and names the wait', () => {
    let now = 0;
    const limiter = new RateLimiter(60, () => now);
    for (let index = 0; index < 60; index++) limiter.take('visitor');
    let refused: unknown;
    try {
      limiter.take('visitor');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ code: 'rate_limited', status: 429, retryAfterSeconds: 1 });
    // One request a second comes back.
    now += 1000;
    expect(() => limiter.take('visitor')).not.toThrow();
    expect(() => limiter.take('visitor')).toThrow(ProblemError);
    // Other keys have their own budget.
    expect(() => limiter.take('someone else')).not.toThrow();
  });
});
