import type { BusinessHours, Weekday } from './site-config.js';

const WEEKDAY_BY_SHORT_NAME: Record<string, Weekday> = {
  Sun: 'sun',
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
};

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  /** `HH:MM`. */
  time: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localTime(instant: Date, timezone: string): LocalTime {
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

/** Whether the team is inside its opening hours at `instant`. */
export function isWithinBusinessHours(hours: BusinessHours, instant: Date): boolean {
  const local = localTime(instant, hours.timezone);
  return hours.weekly.some(
    (span) => span.days.includes(local.weekday) && span.open <= local.time && local.time < span.close,
  );
}

/** The UTC instant of a wall-clock time in a zone (exact except inside a DST gap). */
function zonedInstant(year: number, month: number, day: number, time: string, timezone: string): Date {
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offset at that moment: the difference between the wall clock there and UTC.
  const seen = localTime(new Date(asIfUtc), timezone);
  const [seenHour, seenMinute] = seen.time.split(':').map(Number) as [number, number];
  const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seenHour, seenMinute);
  return new Date(asIfUtc - (seenAsUtc - asIfUtc));
}

/** The next time the team opens after `instant`, within the coming week; undefined when never. */
export function nextOpening(hours: BusinessHours, instant: Date): Date | undefined {
  for (let dayOffset = 0; dayOffset <= 7; dayOffset++) {
    const local = localTime(new Date(instant.getTime() + dayOffset * 86_400_000), hours.timezone);
    const opens = hours.weekly
      .filter((span) => span.days.includes(local.weekday))
      .map((span) => zonedInstant(local.year, local.month, local.day, span.open, hours.timezone))
      .filter((opening) => opening.getTime() > instant.getTime())
      .sort((first, second) => first.getTime() - second.getTime());
    if (opens[0]) return opens[0];
  }
  return undefined;
}
