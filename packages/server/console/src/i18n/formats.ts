import type { ConsoleLocale } from './console-i18n.js';

/** Dates, times and numbers in the console's language, all through `Intl`. */
export interface Formats {
  /** Time of day for today ("09.30" in `id`, "09:30 AM" in `en`), date and time otherwise. */
  time(timestamp: string, now?: Date): string;
  /** Full date and time, for a tooltip or a `<time>` title. */
  dateTime(timestamp: string): string;
  /**
   * How long ago, for what happened within the last day ("5 min ago", "5 mnt lalu"); `justNow` under a minute;
   * older than a day, the date and time.
   */
  ago(timestamp: string, now: Date, justNow: string): string;
  /** A count or an average with at most `fractionDigits` decimals ("4.5", "4,5"). */
  number(value: number, fractionDigits?: number): string;
  /** A share of a whole ("80%", "80%"). */
  percent(part: number, whole: number): string;
  /** A file size ("2 kB", "1,5 MB"). */
  bytes(size: number): string;
  /** A calendar day written `YYYY-MM-DD`, short ("2 Mar") or long ("Monday, 2 March 2026"). */
  day(date: string, style?: 'short' | 'long'): string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function valid(timestamp: string): Date | undefined {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const cache = new Map<ConsoleLocale, Formats>();

/**
 * The formats of one language. Intl objects are costly to make and a long conversation formats a time per
 * message, so each language's are made once.
 */
export function formats(locale: ConsoleLocale): Formats {
  const known = cache.get(locale);
  if (known) return known;
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relative = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'auto' });
  // Report days are calendar days (the site's), not instants: formatted at noon UTC so no time zone moves them.
  const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const longDay = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' });
  const numbers = new Map<number, Intl.NumberFormat>();
  const number = (value: number, fractionDigits = 0) => {
    let format = numbers.get(fractionDigits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: fractionDigits });
      numbers.set(fractionDigits, format);
    }
    return format.format(value);
  };
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  const sizes = units.map(
    (unit, index) =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit,
        unitDisplay: 'short',
        maximumFractionDigits: index === 0 ? 0 : 1,
      }),
  );
  const result: Formats = {
    time(timestamp, now = new Date()) {
      const date = valid(timestamp);
      if (!date) return '';
      return date.toDateString() === now.toDateString() ? time.format(date) : dateTime.format(date);
    },
    dateTime: (timestamp) => {
      const date = valid(timestamp);
      return date ? dateTime.format(date) : '';
    },
    ago(timestamp, now, justNow) {
      const date = valid(timestamp);
      if (!date) return '';
      const elapsed = Math.max(0, now.getTime() - date.getTime());
      if (elapsed < MINUTE) return justNow;
      if (elapsed < HOUR) return relative.format(-Math.floor(elapsed / MINUTE), 'minute');
      if (elapsed < DAY) return relative.format(-Math.floor(elapsed / HOUR), 'hour');
      return dateTime.format(date);
    },
    number,
    percent: (part, whole) => (whole > 0 ? percent.format(part / whole) : '—'),
    bytes(size) {
      let value = size;
      let unit = 0;
      while (value >= 1000 && unit < units.length - 1) {
        value /= 1000;
        unit += 1;
      }
      return (sizes[unit] as Intl.NumberFormat).format(value);
    },
    day(date, style = 'short') {
      const noon = valid(`${date}T12:00:00Z`);
      if (!noon) return date;
      return (style === 'long' ? longDay : shortDay).format(noon);
    },
  };
  cache.set(locale, result);
  return result;
}
