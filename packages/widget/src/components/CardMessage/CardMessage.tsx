import type { Card } from '@sapa/protocol';
import { EXTERNAL_REL, MEDIA_SCHEMES, safeUrl, WEB_LINK_SCHEMES } from '../safe-url.js';

/** Props of {@link CardMessage}. */
export interface CardMessageProps {
  card: Card;
}

/** A rich card (product, order, article): image, title linking out when the link is safe, and text. */
export function CardMessage({ card }: CardMessageProps) {
  const image = safeUrl(card.imageUrl, MEDIA_SCHEMES);
  const href = safeUrl(card.url, WEB_LINK_SCHEMES);
  return (
    <article class="sapa-card">
      {/* Decorative: the title says what the card is. */}
      {image && <img class="sapa-picture" src={image} alt="" loading="lazy" referrerpolicy="no-referrer" />}
      <div class="sapa-card-body">
        <p class="sapa-card-title">
          {href ? (
            <a href={href} target="_blank" rel={EXTERNAL_REL}>
              {card.title}
            </a>
          ) : (
            card.title
          )}
        </p>
        {card.text && <p class="sapa-card-text">{card.text}</p>}
      </div>
    </article>
  );
}
