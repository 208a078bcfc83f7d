import { afterEach, describe, expect, test, vi } from 'vitest';
import { createStreamManager } from './stream-manager.js';

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
