import { describe, expect, test } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay, parseRetryAfter } from './backoff.js';

describe('backoff', () => {
  test('full jitter: between 0 and min(30 s, 1 s · 2^attempt)', () => {
    expect(backoffDelay(0, () => 0.999)).toBe(999);
    expect(backoffDelay(3, () => 0.5)).toBe(4_000);
    expect(backoffDelay(20, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(5, () => 0)).toBe(0);
  });

  test('another base and cap (the agent console reconnects on its own terms)', () => {
    expect(backoffDelay(0, () => 0.5, 10, 100)).toBe(5);
    expect(backoffDelay(2, () => 0.5, 10, 100)).toBe(20);
    expect(backoffDelay(10, () => 0.999, 10, 100)).toBe(99);
  });
});

describe('parseRetryAfter', () => {
  test('Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  // From the agent console's parser.
  test('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });

  test('only whole seconds count as seconds (RFC 9110: delay-seconds = 1*DIGIT); spaces around are fine', () => {
    const now = Date.parse('2026-03-02T09:00:00Z');
    expect(parseRetryAfter(' 7 ', now)).toBe(7000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('1.5', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });
});
