import type { EventCampaign } from './event-campaign.js';
import { localTime } from './time-zone.js';

/** What the send log says about a campaign and a visitor, as {@link capAllows} needs it. */
export interface SendHistory {
  /** Sends of the campaign to this visitor, ever. */
  visitorCount: number;
  /** When this visitor last got it. */
  lastSentAt?: string;
  /** Sends of the campaign to anyone since the site's day began. */
  sentToday: number;
}

const DAY_MS = 86_400_000;

/**
 * Whether one more send of a campaign to a visitor stays within its caps (`cap` in the site configuration):
 * `perVisitor` sends in all (default 1; date campaigns and feedback requests have no such limit), at most one per
 * `perVisitorDays`, `perDay` across visitors. A date campaign (a birthday) is also once per year of the site's
 * calendar.
 */
export function capAllows(
  campaign: EventCampaign,
  history: SendHistory,
  now: Date,
  timezone: string,
): boolean {
  const cap = campaign.cap ?? {};
  const type = campaign.trigger.type;
  const unlimitedByDefault = type === 'date-attribute' || type === 'after-resolved';
  const perVisitor = cap.perVisitor ?? (unlimitedByDefault ? Number.POSITIVE_INFINITY : 1);
  if (history.visitorCount >= perVisitor) return false;
  if (history.lastSentAt !== undefined) {
    const last = new Date(history.lastSentAt);
    if (cap.perVisitorDays !== undefined && now.getTime() - last.getTime() < cap.perVisitorDays * DAY_MS) {
      return false;
    }
    if (type === 'date-attribute' && localTime(last, timezone).year === localTime(now, timezone).year) {
      return false;
    }
  }
  return cap.perDay === undefined || history.sentToday < cap.perDay;
}
