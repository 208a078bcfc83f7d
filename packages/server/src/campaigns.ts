import {
  type Action,
  type Attributes,
  type Locale,
  type LocalizedText,
  renderLocalizedTemplate,
  type TriggeredCampaign,
  type Visitor,
} from '@sapa/protocol';
import { renderCard } from './campaign-card.js';
import type { CardTemplate, EventCampaign } from './event-campaign.js';
import { localTime } from './time-zone.js';

/**
 * A campaign rendered for one visitor, as `campaign.triggered` carries it: in their locale (else the other
 * language), by the same template rule as the SDK's client-side campaigns (`renderLocalizedTemplate`), with the
 * properties of the event that fired it for `{{event.<key>}}`. Undefined when the campaign has a card whose title
 * renders empty (a recommendation without its product is not sent).
 */
export function renderCampaign(
  campaign: { id: string; message: LocalizedText; actions?: Action[]; card?: CardTemplate },
  visitor: Visitor,
  locale: Locale,
  event?: Attributes,
): TriggeredCampaign | undefined {
  // Properties without a prototype: `{{event.constructor}}` in a template finds no inherited member.
  const data = event && (Object.assign(Object.create(null), event) as Attributes);
  const rendered: TriggeredCampaign = {
    id: campaign.id,
    message: renderLocalizedTemplate(campaign.message, visitor, locale, locale, data) ?? '',
  };
  if (campaign.actions && campaign.actions.length > 0) rendered.actions = campaign.actions;
  if (campaign.card) {
    const card = renderCard(campaign.card, visitor, locale, data);
    if (!card) return undefined;
    rendered.card = card;
  }
  return rendered;
}

/** The month and day (`MM-DD`) of an attribute holding `YYYY-MM-DD` or `MM-DD`. */
function monthDay(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(?:\d{4}-)?(\d{2})-(\d{2})$/.exec(value.trim());
  return match ? `${match[1]}-${match[2]}` : undefined;
}

/** Date campaigns (a birthday) whose date is today for this visitor, in the site's time zone. */
export function dueDateCampaigns(
  campaigns: readonly EventCampaign[],
  visitor: Visitor,
  now: Date,
  timezone: string,
): EventCampaign[] {
  const local = localTime(now, timezone);
  const today = `${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
  return campaigns.filter(
    (campaign) =>
      campaign.trigger.type === 'date-attribute' &&
      monthDay(visitor.attributes[campaign.trigger.attribute]) === today,
  );
}

/** Attribute campaigns (the loyalty thank-you) whose numeric attribute has reached its threshold. */
export function reachedAttributeCampaigns(
  campaigns: readonly EventCampaign[],
  visitor: Visitor,
): EventCampaign[] {
  return campaigns.filter((campaign) => {
    if (campaign.trigger.type !== 'attribute') return false;
    const value = visitor.attributes[campaign.trigger.attribute];
    // A number, or a number written as text by a page that keeps its attributes as strings.
    const number =
      typeof value === 'number'
        ? value
        : typeof value === 'string' && value.trim() !== ''
          ? Number(value)
          : Number.NaN;
    return Number.isFinite(number) && number >= campaign.trigger.atLeast;
  });
}
