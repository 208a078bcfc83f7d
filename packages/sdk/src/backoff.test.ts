import { afterEach, describe, expect, test, vi } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay, parseRetryAfter } from './backoff.js';
import { createStreamManager } from './stream-manager.js';

describe('backoff', () => {
  test('full jitter: between 0 and min(30 s, 1 s · 2^attempt)', () => {
    expect(backoffDelay(0, () => 0.999)).toBe(999);
    expect(backoffDelay(3, () => 0.5)).toBe(4_000);
    expect(backoffDelay(20, () => 0.999)).toBeLessThan(BACKOFF_CAP_MS);
    expect(backoffDelay(5, () => 0)).toBe(0);
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 25 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('stream reconnect loop under fake timers', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a 60 s outage of 503s costs a bounded number of attempts', async () => {
    vi.useFakeTimers();
    let requests = 0;
    const statuses: string[] = [];
    const manager = createStreamManager({
      baseUrl: 'http://127.0.0.1:1/v1',
      fetch: async () => {
        requests++;
        return new Response('{}', { status: 503, headers: { 'Content-Type': 'application/problem+json' } });
      },
      getToken: () => 't',
      getCursor: () => undefined,
      renewSession: async () => 't',
      onEvent: () => {},
      onStatus: (status) => statuses.push(status),
      onOpen: () => {},
      onGone: async () => {},
      onFatal: () => {},
      random: () => 1 - Number.EPSILON,
      isOnline: () => true,
    });
    manager.start();
    await vi.advanceTimersByTimeAsync(60_000);
    manager.stop();
    // Worst case (jitter at its ceiling): 1+2+4+8+16+30 s ≈ 61 s → 6 attempts; never a tight loop.
    expect(requests).toBeGreaterThanOrEqual(5);
    expect(requests).toBeLessThanOrEqual(8);
    expect(statuses).toContain('reconnecting');
  });

  test('429 waits exactly Retry-After', async () => {
    vi.useFakeTimers();
    const times: number[] = [];
    const manager = createStreamManager({
      baseUrl: 'http://127.0.0.1:1/v1',
      fetch: async () => {
        times.push(Date.now());
        return new Response('{}', { status: 429, headers: { 'Retry-After': '10' } });
      },
      getToken: () => 't',
      getCursor: () => undefined,
      renewSession: async () => 't',
      onEvent: () => {},
      onStatus: () => {},
      onOpen: () => {},
      onGone: async () => {},
      onFatal: () => {},
      isOnline: () => true,
    });
    manager.start();
    await vi.advanceTimersByTimeAsync(25_000);
    manager.stop();
    expect(times).toHaveLength(3);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBe(10_000);
  });

  test('another 4xx stops the stream with the error', async () => {
    const errors: unknown[] = [];
    const statuses: string[] = [];
    const manager = createStreamManager({
      baseUrl: 'http://127.0.0.1:1/v1',
      fetch: async () => new Response('{"code":"forbidden","status":403,"title":"No"}', { status: 403 }),
      getToken: () => 't',
      getCursor: () => undefined,
      renewSession: async () => 't',
      onEvent: () => {},
      onStatus: (status) => statuses.push(status),
      onOpen: () => {},
      onGone: async () => {},
      onFatal: (error) => errors.push(error),
      isOnline: () => true,
    });
    manager.start();
    await vi.waitFor(() => expect(errors).toHaveLength(1));
    expect(statuses.at(-1)).toBe('idle');
    expect(manager.isRunning).toBe(false);
  });
});
