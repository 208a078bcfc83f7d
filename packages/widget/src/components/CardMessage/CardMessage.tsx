import type { Card } from '@sapa/protocol';
import { formatPrice } from '../../i18n/format-price.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { addScreenStyles } from '../../styles/screen-styles.js';
import { BIDI_OVERRIDES, revealBidi } from '../reveal-bidi.js';
import { EXTERNAL_REL, MEDIA_SCHEMES, safeUrl, WEB_LINK_SCHEMES } from '../safe-url.js';

// Loaded on demand (message-parts.ts): it brings its styles.
addScreenStyles();

/** Props of {@link CardMessage}. */
export interface CardMessageProps {
  card: Card;
}

/**
 * A rich card (product, order, article, a recommendation): image named by the title, title linking out when the
 * link is safe, the price in the visitor's locale ("Rp 85.000"), and text.
 */
export function CardMessage({ card }: CardMessageProps) {
  const { locale } = useI18n();
  // The title is a link's text and the image's name: every bidi control shows (reveal-bidi.ts).
  const title = revealBidi(card.title);
  const image = safeUrl(card.imageUrl, MEDIA_SCHEMES);
  const href = safeUrl(card.url, WEB_LINK_SCHEMES);
  const { price } = card;
  return (
    <article class="sapa-card">
      {image && (
        <img class="sapa-picture" src={image} alt={title} loading="lazy" referrerpolicy="no-referrer" />
      )}
      <div class="sapa-card-body">
        <p class="sapa-card-title">
          {href ? (
            <a href={href} target="_blank" rel={EXTERNAL_REL}>
              {title}
            </a>
          ) : (
            title
          )}
        </p>
        {price && <p>{formatPrice(price.amount, price.currency, locale)}</p>}
        {card.text && <p class="sapa-card-text">{revealBidi(card.text, BIDI_OVERRIDES)}</p>}
      </div>
    </article>
  );
}
