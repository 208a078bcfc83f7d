import channelLinksCss from '../components/ChannelLinks/ChannelLinks.css?inline';
import { chatStylesheet } from './chat-stylesheet.js';
import { screenStylesheet } from './screen-styles.js';

/**
 * Every style of the widget at once: the chat's (chat-stylesheet.ts), then the screens' and the channel links'.
 * The stories and the style tests adopt it, since they draw any screen at any time; the app adopts the chat's, and
 * the others as their chunks bring them.
 */
export function widgetStylesheet(): string {
  return chatStylesheet() + screenStylesheet() + channelLinksCss;
}
