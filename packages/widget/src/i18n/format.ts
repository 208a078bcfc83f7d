import type { LocalizedText } from '@sapa/protocol';

// Intl constructors are slow; a 10,000-message log formats a time per bubble, so formatters are reused.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  create: () => T,
): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

function toDate(value: Date | string): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** Local calendar day, for grouping messages by day. */
export function dayKey(value: Date | string): string {
  const date = toDate(value);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** Time of day in the visitor's locale: "14:05" (id), "2:05 PM" (en). */
export function formatTime(value: Date | string, locale: string): string {
  return cached(
    `time:${locale}`,
    // Indonesian writes hours with two digits ("09.30"); English does not ("9:30 AM").
    () =>
      new Intl.DateTimeFormat(locale, { hour: locale === 'id' ? '2-digit' : 'numeric', minute: '2-digit' }),
  ).format(toDate(value));
}

function wholeDaysBetween(from: Date, to: Date): number {
  const start = Date.UTC(from.getFullYear(), from.getMonth(), from.getDate());
  const end = Date.UTC(to.getFullYear(), to.getMonth(), to.getDate());
  return Math.round((end - start) / 86_400_000);
}

function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * A day relative to `now`: "Today", "Yesterday", "Tomorrow" (or "Hari ini", "Kemarin", "Besok"),
 * a weekday within the week around now, else a date ("12 November 2026").
 */
export function formatDay(value: Date | string, locale: string, now: Date = new Date()): string {
  const date = toDate(value);
  const days = wholeDaysBetween(now, date);
  if (Math.abs(days) <= 1) {
    return capitalize(
      cached(`relative:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(
        days,
        'day',
      ),
      locale,
    );
  }
  if (Math.abs(days) < 7) {
    return cached(`weekday:${locale}`, () => new Intl.DateTimeFormat(locale, { weekday: 'long' })).format(
      date,
    );
  }
  const sameYear = date.getFullYear() === now.getFullYear();
  return cached(
    `date:${locale}:${sameYear}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        ...(sameYear ? {} : { year: 'numeric' }),
      }),
  ).format(date);
}

/** A file size in the visitor's locale: "512 byte", "1,5 MB". */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const unitName = units[unit] ?? 'byte';
  return cached(
    `bytes:${locale}:${unitName}`,
    () =>
      new Intl.NumberFormat(locale, {
        style: 'unit',
        unit: unitName,
        unitDisplay: 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }),
  ).format(value);
}

/**
 * The site's own text (a greeting, a label) in `locale`, if it wrote one: sites write `en` and `id`, so a
 * language added at runtime has none and the caller falls back.
 */
export function siteText(text: LocalizedText | undefined, locale: string): string | undefined {
  return text?.[locale as keyof LocalizedText];
}
