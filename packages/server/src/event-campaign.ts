import type { Action, LocalizedText } from '@sapa/protocol';
import { SiteConfigError } from './site-config-error.js';

/**
 * What fires a backend campaign (customer care):
 * - `event`: a custom event (`POST /v1/events`). With `count` (default 1) it fires on the count-th event of that
 *   name within `withinHours` (all time without it), counting only events with the same value of
 *   `properties[sameProperty]` when that is set (two views of the same product). With `delayMinutes` it fires that
 *   long after the event unless one of `cancelOn` comes first (the cart-abandoned nudge); a new event moves the time.
 * - `date-attribute`: a date among the visitor's attributes (`YYYY-MM-DD` or `MM-DD`) is today in the site's time
 *   zone (a birthday); once a year.
 * - `attribute`: a numeric attribute reached `atLeast` (identify or update): the loyalty thank-you.
 * - `after-resolved`: `days` after a conversation was resolved, a message in that conversation (once per
 *   conversation), with the NPS question when the campaign has `survey: 'nps'`.
 */
export type EventCampaignTrigger =
  | {
      type: 'event';
      name: string;
      count?: number;
      sameProperty?: string;
      withinHours?: number;
      delayMinutes?: number;
      cancelOn?: string[];
    }
  | { type: 'date-attribute'; attribute: string }
  | { type: 'attribute'; attribute: string; atLeast: number }
  | { type: 'after-resolved'; days: number };

/** Text that is the same in every language, or one per language; templates either way. */
export type TemplateText = string | LocalizedText;

/**
 * A card built from the event that fired the rule: every string is a template (`{{event.<key>}}`, `{{name}}`,
 * `{{attributes.<key>}}`). A card whose title renders empty is not sent (nor is its campaign); `url` and
 * `imageUrl` are kept only when they render to http or https addresses, `price` only when the amount renders to
 * a number.
 */
export interface CardTemplate {
  title: TemplateText;
  text?: TemplateText;
  imageUrl?: string;
  url?: string;
  price?: { amount: number | string; currency: string };
}

/**
 * How often a campaign may reach people: `perVisitor` sends per visitor in all (default 1; date campaigns: once a
 * year), at most one per `perVisitorDays` days per visitor, and `perDay` sends per day across visitors (the site's
 * day).
 */
export interface CampaignCap {
  perVisitor?: number;
  perVisitorDays?: number;
  perDay?: number;
}

/**
 * A campaign the backend evaluates (customer care). It reaches the visitor as `campaign.triggered` (an
 * `after-resolved` one as a message in the resolved conversation), rendered in their language, within its caps;
 * every send is logged.
 */
export interface EventCampaign {
  id: string;
  trigger: EventCampaignTrigger;
  /** May use `{{name}}`, `{{attributes.<key>}}` and `{{event.<key>}}`. */
  message: LocalizedText;
  actions?: Action[];
  card?: CardTemplate;
  cap?: CampaignCap;
  /** `nps`: the message asks "how likely are you to recommend us?" with the 0–10 replies (after-resolved only). */
  survey?: 'nps';
}

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positive(value: unknown, path: string, integer = true): void {
  const ok = typeof value === 'number' && value > 0 && (!integer || Number.isInteger(value));
  if (!ok) throw new SiteConfigError(path, integer ? 'must be a whole number above 0' : 'must be above 0');
}

function text(value: unknown, path: string): void {
  if (typeof value !== 'string' || value === '')
    throw new SiteConfigError(path, 'must be a non-empty string');
}

function localized(value: unknown, path: string, allowPlain: boolean): void {
  if (allowPlain && typeof value === 'string') return;
  const ok =
    isRecord(value) &&
    Object.keys(value).length > 0 &&
    Object.entries(value).every(
      ([key, entry]) => (key === 'en' || key === 'id') && typeof entry === 'string',
    );
  if (!ok) {
    throw new SiteConfigError(
      path,
      `must be ${allowPlain ? 'a string or ' : ''}{ "en"?: string, "id"?: string }`,
    );
  }
}

function validateTrigger(trigger: unknown, path: string): void {
  if (!isRecord(trigger)) throw new SiteConfigError(path, 'must be an object');
  switch (trigger.type) {
    case 'event':
      text(trigger.name, `${path}.name`);
      if (trigger.count !== undefined) positive(trigger.count, `${path}.count`);
      if (trigger.withinHours !== undefined) positive(trigger.withinHours, `${path}.withinHours`, false);
      if (trigger.delayMinutes !== undefined) positive(trigger.delayMinutes, `${path}.delayMinutes`, false);
      if (trigger.sameProperty !== undefined) text(trigger.sameProperty, `${path}.sameProperty`);
      if (
        trigger.cancelOn !== undefined &&
        (!Array.isArray(trigger.cancelOn) || trigger.cancelOn.some((name) => typeof name !== 'string'))
      ) {
        throw new SiteConfigError(`${path}.cancelOn`, 'must be a list of event names');
      }
      return;
    case 'date-attribute':
      text(trigger.attribute, `${path}.attribute`);
      return;
    case 'attribute':
      text(trigger.attribute, `${path}.attribute`);
      if (typeof trigger.atLeast !== 'number' || !Number.isFinite(trigger.atLeast)) {
        throw new SiteConfigError(`${path}.atLeast`, 'must be a number');
      }
      return;
    case 'after-resolved':
      positive(trigger.days, `${path}.days`, false);
      return;
    default:
      throw new SiteConfigError(
        `${path}.type`,
        'must be "event", "date-attribute", "attribute" or "after-resolved"',
      );
  }
}

function validateActions(actions: unknown, path: string): void {
  if (actions === undefined) return;
  if (!Array.isArray(actions)) throw new SiteConfigError(path, 'must be a list');
  actions.forEach((action, index) => {
    const at = `${path}[${index}]`;
    if (!isRecord(action)) throw new SiteConfigError(at, 'must be an object');
    text(action.label, `${at}.label`);
    if (action.type === 'reply') text(action.payload, `${at}.payload`);
    else if (action.type === 'link') {
      if (typeof action.url !== 'string' || !/^(https?:|mailto:|tel:)/i.test(action.url)) {
        throw new SiteConfigError(`${at}.url`, 'must be an http, https, mailto or tel URL');
      }
    } else throw new SiteConfigError(`${at}.type`, 'must be "reply" or "link"');
  });
}

function validateCard(card: unknown, path: string): void {
  if (card === undefined) return;
  if (!isRecord(card)) throw new SiteConfigError(path, 'must be an object');
  localized(card.title, `${path}.title`, true);
  if (card.text !== undefined) localized(card.text, `${path}.text`, true);
  for (const name of ['imageUrl', 'url'] as const) {
    if (card[name] !== undefined) text(card[name], `${path}.${name}`);
  }
  if (card.price !== undefined) {
    const price = card.price;
    if (!isRecord(price) || !['number', 'string'].includes(typeof price.amount)) {
      throw new SiteConfigError(`${path}.price`, 'must be { amount: number or template, currency }');
    }
    text(price.currency, `${path}.price.currency`);
  }
}

function validateCap(cap: unknown, path: string): void {
  if (cap === undefined) return;
  if (!isRecord(cap)) throw new SiteConfigError(path, 'must be an object');
  for (const name of ['perVisitor', 'perVisitorDays', 'perDay'] as const) {
    if (cap[name] !== undefined) positive(cap[name], `${path}.${name}`, name !== 'perVisitorDays');
  }
}

/**
 * Checks a site's backend campaigns (from JSON or code); ids must be unique among all of the site's campaigns.
 * @throws {SiteConfigError} naming the first field that is wrong.
 */
export function validateEventCampaigns(list: unknown[], at: string, takenIds: Set<string>): EventCampaign[] {
  return list.map((campaign, index) => {
    const path = `${at}.eventCampaigns[${index}]`;
    if (!isRecord(campaign)) throw new SiteConfigError(path, 'must be an object');
    text(campaign.id, `${path}.id`);
    if (takenIds.has(campaign.id as string)) {
      throw new SiteConfigError(`${path}.id`, `repeats the campaign id ${JSON.stringify(campaign.id)}`);
    }
    takenIds.add(campaign.id as string);
    validateTrigger(campaign.trigger, `${path}.trigger`);
    localized(campaign.message, `${path}.message`, false);
    validateActions(campaign.actions, `${path}.actions`);
    validateCard(campaign.card, `${path}.card`);
    validateCap(campaign.cap, `${path}.cap`);
    if (campaign.survey !== undefined) {
      if (campaign.survey !== 'nps') throw new SiteConfigError(`${path}.survey`, 'must be "nps"');
      if ((campaign.trigger as Fields).type !== 'after-resolved') {
        throw new SiteConfigError(`${path}.survey`, 'is only for after-resolved campaigns');
      }
    }
    return campaign as unknown as EventCampaign;
  });
}
