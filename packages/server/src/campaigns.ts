import {
  type Action,
  type Locale,
  type LocalizedText,
  renderLocalizedTemplate,
  type TriggeredCampaign,
  type Visitor,
} from '@sapa/protocol';
import type { EventCampaign, ResolvedSite } from './site-config.js';

/**
 * A campaign rendered for one visitor, as `campaign.triggered` carries it: in their locale (else the other
 * language), by the same template rule as the SDK's client-side campaigns (`renderLocalizedTemplate`).
 */
export function renderCampaign(
  campaign: { id: string; message: LocalizedText; actions?: Action[] },
  visitor: Visitor,
  locale: Locale,
): TriggeredCampaign {
  const rendered: TriggeredCampaign = {
    id: campaign.id,
    message: renderLocalizedTemplate(campaign.message, visitor, locale, locale) ?? '',
  };
  if (campaign.actions && campaign.actions.length > 0) rendered.actions = campaign.actions;
  return rendered;
}

/** The month and day (`MM-DD`) of an attribute holding `YYYY-MM-DD` or `MM-DD`. */
function monthDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/**
 * Date campaigns (a birthday) due today for this visitor, with the key that caps each to once a year.
 * "Today" is the site's business-hours time zone, or UTC.
 */
export function dueDateCampaigns(
  site: ResolvedSite,
  visitor: Visitor,
  now: Date,
): Array<{ campaign: EventCampaign; deliveryKey: string }> {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: site.businessHours?.timezone ?? 'UTC',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  const today = `${part('month')}-${part('day')}`;
  return site.eventCampaigns.flatMap((campaign) =>
    campaign.trigger.type === 'date-attribute' &&
    monthDay(visitor.attributes[campaign.trigger.attribute]) === today
      ? [{ campaign, deliveryKey: `${campaign.id}:${part('year')}` }]
      : [],
  );
}
