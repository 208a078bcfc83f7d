import type { Channel } from '@sapa/protocol';
import { addStrings } from '../../i18n/create-i18n.js';
import { siteText } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { provideScreenStyles } from '../../styles/screen-styles-registry.js';
import { EXTERNAL_REL, safeUrl, WEB_LINK_SCHEMES } from '../safe-url.js';
import css from './ChannelLinks.css?inline';
import en from './ChannelLinks.en.json' with { type: 'json' };
import id from './ChannelLinks.id.json' with { type: 'json' };
import { linkWithReference } from './link-with-reference.js';

// Not needed to start chatting: a chunk of its own. A site with channels shows them as soon as the chat opens, so
// the chunk brings only its own strings and styles, not those of the other screens (screen-strings.ts).
addStrings({ en, id });
provideScreenStyles(css);

// A newer backend may send channel types this widget has no wording for: those read as a plain link.
const KNOWN: readonly string[] = ['whatsapp', 'instagram', 'messenger', 'telegram', 'email', 'link'];

/** Props of {@link ChannelLinks}. */
export interface ChannelLinksProps {
  channels: Channel[];
  /**
   * The conversation's reference (`SP-7KQ2`), shown above the channels: WhatsApp links carry it in the message they open with, in the
   * visitor's language, and email links in the subject, so the team finds the conversation on the other channel.
   */
  reference?: string;
}

/**
 * The conversation's reference (small, selectable, to quote elsewhere) and "Continue on WhatsApp" and the site's
 * other channels, which carry the reference where they can. Only http, https and mailto URLs become links
 * (WhatsApp as `https://wa.me/…`); a channel with any other URL is left out.
 */
export function ChannelLinks({ channels, reference }: ChannelLinksProps) {
  const { t, locale } = useI18n();
  const short = reference && t('channel.reference', { reference });
  const withReference = (type: string, href: string) =>
    !short || (type !== 'whatsapp' && type !== 'email')
      ? href
      : type === 'whatsapp'
        ? linkWithReference(href, 'text', t('channel.whatsappText', { reference }), short)
        : linkWithReference(href, 'subject', short, short);
  const links = channels
    .map((channel) => {
      const href = safeUrl(channel.url, WEB_LINK_SCHEMES);
      return { channel, href: href && withReference(channel.type, href) };
    })
    .filter((entry): entry is { channel: Channel; href: string } => entry.href !== undefined);
  if (links.length === 0 && !reference) return null;
  return (
    <div class="sapa-channels">
      {reference && <p class="sapa-muted">{t('conversation.reference', { reference })}</p>}
      {links.length > 0 && (
        <nav aria-label={t('channels.title')}>
          <p class="sapa-muted">{t('channels.title')}</p>
          <ul>
            {links.map(({ channel, href }, index) => (
              <li key={index}>
                <a
                  class={`sapa-channel sapa-channel-${channel.type}`}
                  href={href}
                  target="_blank"
                  rel={EXTERNAL_REL}
                >
                  {siteText(channel.label, locale) ??
                    t(`channel.${KNOWN.includes(channel.type) ? channel.type : 'link'}`)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </div>
  );
}
