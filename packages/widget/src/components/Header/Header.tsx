import type { Availability, Participant } from '@sapa/protocol';
import type { Translate } from '../../i18n/create-i18n.js';
import { formatDay, formatTime } from '../../i18n/format.js';
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
 * What the team promises about replying, and no more: the configured reply time while online, the next
 * opening time while away.
 */
export function availabilityText(
  availability: Availability | undefined,
  t: Translate,
  locale: string,
  now: Date,
): string {
  if (!availability) return '';
  if (availability.online) {
    return availability.replyTime ? t(`availability.${availability.replyTime}`) : t('availability.online');
  }
  if (availability.nextOpenAt) {
    return t('availability.nextOpen', {
      day: formatDay(availability.nextOpenAt, locale, now).toLocaleLowerCase(locale),
      time: formatTime(availability.nextOpenAt, locale),
    });
  }
  return t('availability.offline');
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
    <header class="sapa-header">
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
    </header>
  );
}
