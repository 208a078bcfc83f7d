/**
 * The strings of the screens loaded on demand: pre-chat, leave a message, resolved and rating, the conversation
 * list, upload progress and the teaser. They travel in those screens' chunks, not in what a visitor downloads
 * to chat (DESIGN.md, budgets): each screen's module calls {@link addScreenStrings} when it loads. The channel
 * links, which a site with channels shows as soon as the chat opens, bring theirs alone (ChannelLinks.en.json).
 */
import { addStrings } from './create-i18n.js';
import en from './screens.en.json' with { type: 'json' };
import id from './screens.id.json' with { type: 'json' };

/** Adds the on-demand screens' strings to every widget's catalogs (once is enough; again is harmless). */
export function addScreenStrings(): void {
  addStrings({ en, id });
}
