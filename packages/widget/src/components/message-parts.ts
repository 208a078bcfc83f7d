/**
 * Parts of a message a chat does not need until such a message arrives: a card (a product, a recommendation) and
 * a file. Each is a chunk of its own (DESIGN.md, budgets: what a visitor downloads to chat), fetched ahead as
 * soon as the conversation holds one (`useScreenPreload`); until it is there the bubble shows the card's title
 * or the file's name.
 */
import { lazyComponent } from '../lazy-component.js';

/** {@link CardMessage}, loaded on demand. */
export const OnDemandCardMessage = lazyComponent(() =>
  import('./CardMessage/CardMessage.js').then((module) => module.CardMessage),
);

/** {@link Attachment}, loaded on demand. */
export const OnDemandAttachment = lazyComponent(() =>
  import('./Attachment/Attachment.js').then((module) => module.Attachment),
);
