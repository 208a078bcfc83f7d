/**
 * A clock for `startServer({ now })` that stands still until a test moves it: rules, business hours, sessions and
 * the care scheduler all read it, so a test moves time ("three days later") instead of waiting.
 */
export class PinnedClock {
  private time: number;

  constructor(start: string | Date) {
    this.time = new Date(start).getTime();
  }

  /** Pass as `now` to startServer. */
  readonly now = (): Date => new Date(this.time);

  advance({
    days = 0,
    hours = 0,
    minutes = 0,
    seconds = 0,
  }: Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>): void {
    this.time += (((days * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000;
  }

  set(instant: string | Date): void {
    this.time = new Date(instant).getTime();
  }
}

/** Monday 2 March 2026, 00:40 in Jakarta: outside the demo shop's hours (Mon–Fri 08:00–21:00 WIB). */
export const JAKARTA_NIGHT = '2026-03-01T17:40:00Z';
/** Monday 2 March 2026, 10:00 in Jakarta: inside the demo shop's hours. */
export const JAKARTA_MORNING = '2026-03-02T03:00:00Z';
