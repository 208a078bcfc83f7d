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

/** The calendar day of `date` as days since 1970, in `timeZone` (the visitor's own when absent). */
function dayNumber(date: Date, timeZone?: string): number {
  const day = timeZone
    ? // Swedish writes dates as ISO 8601 (2026-11-21), which Date.parse reads as that day in UTC.
      Date.parse(cached(`day:${timeZone}`, () => new Intl.DateTimeFormat('sv', { timeZone })).format(date))
    : Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round(day / 86_400_000);
}

function capitalize(text: string, locale: string): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

/**
 * A day relative to `now`: "Today", "Yesterday", "Tomorrow" (or "Hari ini", "Kemarin", "Besok"),
 * a weekday within the week around now, else a date ("12 November 2026"). Days are the visitor's own, or
 * those of `timeZone` when given (the site's, for when its team is back).
 */
export function formatDay(
  value: Date | string,
  locale: string,
  now: Date = new Date(),
  timeZone?: string,
): string {
  const date = toDate(value);
  const days = dayNumber(date, timeZone) - dayNumber(now, timeZone);
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
    return cached(
      `weekday:${locale}:${timeZone}`,
      () => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }),
    ).format(date);
  }
  const sameYear = date.getFullYear() === now.getFullYear();
  return cached(
    `date:${locale}:${sameYear}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        day: 'numeric',
        month: 'long',
        timeZone,
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

/**
 * A time of day in a site's time zone with the zone's name, as a shop in Indonesia says it: "08.00 WIB" (id),
 * "08:00 WIB" (en; Indonesia's zones keep the names its shoppers know, WIB, WITA and WIT, in both languages);
 * elsewhere what `Intl` calls the zone ("09:00 GMT+1").
 */
export function formatZonedTime(value: Date | string, locale: string, timeZone: string): string {
  const format = (language: string) =>
    toDate(value).toLocaleTimeString(language, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
  const zone = format('id').split(' ').pop() ?? '';
  return zone.startsWith('WI') ? format(locale).replace(/\S+$/, zone) : format(locale);
}
