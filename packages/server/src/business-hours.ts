import type { BusinessHours } from './site-config.js';
import { localTime, zonedInstant } from './time-zone.js';

/** Whether the team is inside its opening hours at `instant`. */
export function isWithinBusinessHours(hours: BusinessHours, instant: Date): boolean {
  const local = localTime(instant, hours.timezone);
  return hours.weekly.some(
    (span) => span.days.includes(local.weekday) && span.open <= local.time && local.time < span.close,
  );
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
