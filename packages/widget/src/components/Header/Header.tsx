import type { Availability, Participant } from '@sapa/protocol';
import type { Translate } from '../../i18n/create-i18n.js';
import { formatDay, formatTime, formatZonedTime } from '../../i18n/format.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { Avatar } from '../Avatar/Avatar.js';
import { Icon } from '../Icon/Icon.js';
import { revealBidi } from '../reveal-bidi.js';
import { MEDIA_SCHEMES, safeUrl } from '../safe-url.js';

/** Props of {@link Header}. */
export interface HeaderProps {
  siteName: string;
  logoUrl?: string;
  /** Up to three are shown. */
  agents?: Participant[];
  availability?: Availability;
  /** Called with the code of the language picked: `en`, `id` or one the site added. */
  onLocaleChange(locale: string): void;
  onClose(): void;
  /** When given, a back button to the conversation list is shown. */
  onBack?: () => void;
  /** The current time, for "back tomorrow at 08:00"; pinned in stories and tests. */
  now?: Date;
}

/**
 * When the team is back, for "back {{day}} at {{time}}": in the site's time zone with its name when the backend
 * says which it is ("tomorrow", "08.00 WIB"), else in the visitor's own time.
 */
export function returnTime(
  availability: Availability & { nextOpenAt: string },
  locale: string,
  now: Date,
): { day: string; time: string } {
  const { nextOpenAt, timezone } = availability;
  return {
    day: formatDay(nextOpenAt, locale, now, timezone).toLocaleLowerCase(locale),
    time: timezone ? formatZonedTime(nextOpenAt, locale, timezone) : formatTime(nextOpenAt, locale),
  };
}

/**
 * What the team promises about replying, and no more: the configured reply time while online; while away the
 * next opening time (in the site's time zone), else how long a reply takes.
 */
export function availabilityText(
  availability: Availability | undefined,
  t: Translate,
  locale: string,
  now: Date,
): string {
  if (!availability) return '';
  const { online, replyTime, nextOpenAt } = availability;
  if (!online && nextOpenAt)
    return t('availability.nextOpen', returnTime({ ...availability, nextOpenAt }, locale, now));
  if (replyTime) return t(`availability.${replyTime}`);
  return t(online ? 'availability.online' : 'availability.offline');
}

/** The top of the panel: who you are talking to, when they reply, language and close. */
export function Header({
  siteName,
  logoUrl,
  agents = [],
  availability,
  onLocaleChange,
  onClose,
  onBack,
  now,
}: HeaderProps) {
  const { t, locale, i18n } = useI18n();
  const logo = safeUrl(logoUrl, MEDIA_SCHEMES);
  const online = availability?.online ?? false;
  return (
    // A <div>, not a <header>: outside sectioning content a <header> is the page's banner landmark, and the host
    // page has its own (axe: landmark-no-duplicate-banner).
    <div class="sapa-header">
      {onBack && (
        <button type="button" class="sapa-icon-button" aria-label={t('header.back')} onClick={onBack}>
          <Icon name="back" />
        </button>
      )}
      {logo && (
        <img class="sapa-logo" src={logo} alt="" width={32} height={32} referrerpolicy="no-referrer" />
      )}
      <div class="sapa-header-text">
        <h2 class="sapa-title">{siteName}</h2>
        {availability && (
          <p class="sapa-availability">
            <span class={online ? 'sapa-dot sapa-dot-online' : 'sapa-dot'} aria-hidden="true" />
            <span class="sapa-visually-hidden">{t(online ? 'header.online' : 'header.away')}. </span>
            {availabilityText(availability, t, locale, now ?? new Date())}
          </p>
        )}
      </div>
      {agents.length > 0 && (
        <ul class="sapa-agents" aria-label={t('header.agents')}>
          {agents.slice(0, 3).map((agent) => (
            <li key={agent.id} title={agent.name && revealBidi(agent.name)}>
              <Avatar participant={agent} size={28} />
              <span class="sapa-visually-hidden">{agent.name && revealBidi(agent.name)}</span>
            </li>
          ))}
        </ul>
      )}
      {/* The closed select shows the language's code ("ID"), its list the full names ("Bahasa Indonesia"):
          the native select lies transparent over the code, so it keeps its name, keyboard and list. */}
      <span class="sapa-language">
        <span aria-hidden="true">{locale.toUpperCase()}</span>
        <select
          aria-label={t('header.language')}
          value={locale}
          onChange={(event) => onLocaleChange(event.currentTarget.value)}
        >
          {/* Each language named in itself ("Bahasa Indonesia"), by its own strings; one a site added without
              its `language.<code>` string shows its code. */}
          {i18n.locales().map((code) => (
            <option key={code} value={code} lang={code}>
              {t(`language.${code}`, { lng: code, defaultValue: code })}
            </option>
          ))}
        </select>
      </span>
      <button type="button" class="sapa-icon-button" aria-label={t('header.close')} onClick={onClose}>
        <Icon name="close" />
      </button>
    </div>
  );
}
