/**
 * A pinned clock for stories: "now" is always {@link PINNED_NOW}, so times, "Today"/"Yesterday" separators
 * and relative dates look the same on every machine, every day (DESIGN.md, rule of taste 7).
 */

/** The moment every story lives in: Friday 20 November 2026, 09:30 in Jakarta (WIB, UTC+7). */
export const PINNED_NOW = new Date('2026-11-20T09:30:00+07:00');

/** The time zone stories are drawn in, so "09:30" stays "09:30" wherever they run. */
export const PINNED_TIME_ZONE = 'Asia/Jakarta';

const RealDate = Date;
let installed = false;

/**
 * Replaces the global `Date` so that `new Date()` and `Date.now()` start at {@link PINNED_NOW}.
 * The clock keeps ticking from there (real elapsed time is added): test runners, `waitFor` and
 * timers measure durations with `Date.now()`, and a frozen clock would make them wait forever.
 * Calling it twice does nothing.
 *
 * @example
 * ```ts
 * installPinnedClock();
 * new Date().toISOString(); // '2026-11-20T02:30:00.0xxZ'
 * ```
 */
export function installPinnedClock(now: Date = PINNED_NOW): void {
  if (installed) return;
  installed = true;
  const offset = now.getTime() - RealDate.now();
  const pinnedNow = () => RealDate.now() + offset;

  class PinnedDate extends RealDate {
    // biome-ignore lint/suspicious/noExplicitAny: mirrors every overload of the Date constructor.
    constructor(...args: any[]) {
      if (args.length === 0) super(pinnedNow());
      // biome-ignore lint/suspicious/noExplicitAny: as above.
      else super(...(args as [any]));
    }

    static override now(): number {
      return pinnedNow();
    }
  }
  // `Date()` called without `new` returns a string of "now"; keep that for the rare code that does it.
  const PinnedDateFunction = new Proxy(PinnedDate, {
    apply: () => new PinnedDate().toString(),
  });
  globalThis.Date = PinnedDateFunction as DateConstructor;
}

/** A moment `minutes` before {@link PINNED_NOW}, as an ISO timestamp (the wire format). */
export function minutesAgo(minutes: number): string {
  return new RealDate(PINNED_NOW.getTime() - minutes * 60_000).toISOString();
}
