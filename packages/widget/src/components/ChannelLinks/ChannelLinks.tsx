import type { Channel } from '@sapa/protocol';
import { siteText } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EXTERNAL_REL, safeUrl, WEB_LINK_SCHEMES } from '../safe-url.js';

// A newer backend may send channel types this widget has no wording for: those read as a plain link.
const KNOWN: readonly string[] = ['whatsapp', 'instagram', 'messenger', 'telegram', 'email', 'link'];

/** Props of {@link ChannelLinks}. */
export interface ChannelLinksProps {
  channels: Channel[];
}

/**
 * "Continue on WhatsApp" and the site's other channels. Only http, https and mailto URLs become links
 * (WhatsApp as `https://wa.me/…`); a channel with any other URL is left out.
 */
export function ChannelLinks({ channels }: ChannelLinksProps) {
  const { t, locale } = useI18n();
  const links = channels
    .map((channel) => ({ channel, href: safeUrl(channel.url, WEB_LINK_SCHEMES) }))
    .filter((entry): entry is { channel: Channel; href: string } => entry.href !== undefined);
  if (links.length === 0) return null;
  return (
    <nav class="sapa-channels" aria-label={t('channels.title')}>
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
  );
}
