import type { Ref } from 'preact';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LAUNCHER_ICON_SIZE } from '../../styles/launcher-tokens.js';
import { Icon } from '../Icon/Icon.js';

/** Props of {@link Launcher}. */
export interface LauncherProps {
  /** Whether the chat panel is open: the button then closes it. */
  open: boolean;
  /** Unread messages from the team; a badge shows when above 0. */
  unreadCount: number;
  onToggle(): void;
  /** For returning focus here when the panel closes. */
  buttonRef?: Ref<HTMLButtonElement>;
}

/**
 * The round button that opens and closes the chat. Its name stays exactly `launcher.open`/`launcher.close`;
 * the unread count is its description, so the name is stable for tests and speech.
 */
export function Launcher({ open, unreadCount, onToggle, buttonRef }: LauncherProps) {
  const { t } = useI18n();
  const badge = unreadCount > 0 && !open;
  // The badge is a sibling, not part of the button: the button's name stays exactly "Open chat" and its
  // visible content matches it (WCAG 2.5.3); the count reaches speech as the button's description.
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        class="sapa-launcher"
        aria-label={t(open ? 'launcher.close' : 'launcher.open')}
        aria-expanded={open}
        aria-describedby={badge ? 'sapa-launcher-unread' : undefined}
        onClick={onToggle}
      >
        <Icon name={open ? 'close' : 'chat'} size={LAUNCHER_ICON_SIZE} />
      </button>
      {badge && (
        <span class="sapa-badge" aria-hidden="true">
          {unreadCount > 99 ? '99+' : unreadCount}
          <span id="sapa-launcher-unread" class="sapa-visually-hidden">
            {t('launcher.unread', { count: unreadCount })}
          </span>
        </span>
      )}
    </>
  );
}
