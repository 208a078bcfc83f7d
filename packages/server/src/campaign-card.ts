import {
  type Attributes,
  type Card,
  type Locale,
  renderLocalizedTemplate,
  renderTemplate,
  type Visitor,
} from '@sapa/protocol';
import type { CardTemplate, TemplateText } from './event-campaign.js';

/** Longest URL a card keeps (as the agent API allows). */
const MAX_URL_LENGTH = 2000;

function renderText(
  text: TemplateText,
  visitor: Visitor,
  locale: Locale,
  event: Attributes | undefined,
): string {
  const rendered =
    typeof text === 'string'
      ? renderTemplate(text, visitor, locale, event)
      : renderLocalizedTemplate(text, visitor, locale, locale, event);
  return (rendered ?? '').trim();
}

/**
 * A web address a card may carry: http or https only. Card links and images open from the visitor's page, so a
 * `javascript:` or `data:` address that an event smuggled in is dropped, never sent.
 */
function webAddress(value: string): string | undefined {
  if (value === '' || value.length > MAX_URL_LENGTH || !/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value).href;
  } catch {
    return undefined;
  }
}

/**
 * A card for one visitor from a rule's card template and the event's properties (a recommendation from
 * `product_viewed { sku, name, price, url, imageUrl }`). Undefined when the title renders empty: a card without
 * its product is not sent.
 *
 * @example
 * renderCard({ title: '{{event.name}}', price: { amount: '{{event.price}}', currency: 'IDR' } }, visitor, 'id',
 *   { name: 'Kopi Gayo', price: 85000 }); // { title: 'Kopi Gayo', price: { amount: 85000, currency: 'IDR' } }
 */
export function renderCard(
  template: CardTemplate,
  visitor: Visitor,
  locale: Locale,
  event: Attributes | undefined,
): Card | undefined {
  const title = renderText(template.title, visitor, locale, event);
  if (title === '') return undefined;
  const card: Card = { title };
  const text = template.text === undefined ? '' : renderText(template.text, visitor, locale, event);
  if (text !== '') card.text = text;
  for (const field of ['imageUrl', 'url'] as const) {
    const value = template[field];
    const address = value === undefined ? undefined : webAddress(renderText(value, visitor, locale, event));
    if (address !== undefined) card[field] = address;
  }
  if (template.price) {
    const { amount, currency } = template.price;
    const value =
      typeof amount === 'number' ? amount : Number(renderText(amount, visitor, locale, event) || Number.NaN);
    const code = renderText(currency, visitor, locale, event).toUpperCase();
    if (Number.isFinite(value) && value >= 0 && /^[A-Z]{3}$/.test(code)) {
      card.price = { amount: value, currency: code };
    }
  }
  return card;
}
