/** Base and cap of the protocol's full-jitter exponential backoff (docs/protocol.md, "Retry rules"). */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_CAP_MS = 30_000;

/**
 * Full-jitter backoff ("Exponential Backoff and Jitter", AWS Architecture Blog): a uniform random wait between 0 and
 * min(cap, base · 2^attempt), so that many clients coming back after an outage spread out instead of arriving together.
 *
 * @param attempt 0 for the first retry.
 * @param random a source of numbers in [0, 1); injectable for tests.
 * @example
 * setTimeout(retry, parseRetryAfter(response.headers.get('Retry-After')) ?? backoffDelay(attempt++));
 */
export function backoffDelay(
  attempt: number,
  random: () => number = Math.random,
  baseMs = BACKOFF_BASE_MS,
  capMs = BACKOFF_CAP_MS,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds to wait from a `Retry-After` header: delay-seconds or an HTTP date (RFC 9110 §10.2.3).
 * Undefined when absent or unreadable; never negative.
 *
 * @example
 * parseRetryAfter('120'); // 120000
 */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  const trimmed = value?.trim() ?? '';
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1_000;
  // Every HTTP date names its day and month; without letters (nothing, "1.5", "-1"), Date.parse would read a date
  // such as January 5th into it, and a wait of 0 would retry at once, again and again.
  const date = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
