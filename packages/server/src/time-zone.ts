import type { Weekday } from './site-config.js';

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = {
  Sun: 'sun',
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
};

/** A wall-clock moment in a time zone. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  /** `HH:MM`. */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** What the clock on the wall says at `instant` in `timezone`. */
export function localTime(instant: Date, timezone: string): LocalTime {
  let formatter = formatters.get(timezone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(instant).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAY_BY_SHORT_NAME[parts.weekday as string] as Weekday,
    time: `${parts.hour}:${parts.minute}`,
  };
}

/** The calendar date (`YYYY-MM-DD`) at `instant` in `timezone`. */
export function localDate(instant: Date, timezone: string): string {
  const local = localTime(instant, timezone);
  return `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
}

/** The UTC instant of a wall-clock time in a zone (exact except inside a DST gap). */
export function zonedInstant(year: number, month: number, day: number, time: string, timezone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment: the difference between the wall clock there and UTC.
  const seen = localTime(new Date(asIfUtc), timezone);
  const [seenHour, seenMinute] = seen.time.split(':').map(Number) as [number, number];
  const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seenHour, seenMinute);
  return new Date(asIfUtc - (seenAsUtc - asIfUtc));
}

/** When a calendar date (`YYYY-MM-DD`) begins in a zone. */
export function startOfDate(date: string, timezone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return zonedInstant(year, month, day, '00:00', timezone);
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
