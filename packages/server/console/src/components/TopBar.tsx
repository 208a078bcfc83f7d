import type { ConnectionStatus } from '../agent-stream.js';
import type { AgentAccount } from '../agent-types.js';
import { type ConsoleView, viewHash } from '../console-view.js';
import type { ConsoleLocale } from '../i18n/console-i18n.js';
import { useI18n } from '../i18n/I18nProvider.js';
import { Interpolated } from '../i18n/Interpolated.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { IsolatedText } from './IsolatedText.js';
import { LanguageSwitch } from './LanguageSwitch/LanguageSwitch.js';

export interface TopBarProps {
  status: ConnectionStatus;
  retryInMs?: number;
  /** Who is signed in; undefined until the server said. */
  account?: AgentAccount;
  /** The view on screen; its link is marked as the current page. */
  view: ConsoleView;
  onLanguage: (locale: ConsoleLocale) => void;
  onSignOut: () => void;
}

/**
 * The console's banner: the two views (conversations and customer care), the connection, the language, who is
 * signed in (the name visitors see on replies comes from this account, not from anything typed here), and
 * signing out.
 */
export function TopBar({ status, retryInMs, account, view, onLanguage, onSignOut }: TopBarProps) {
  const { t } = useI18n();
  const views: { view: ConsoleView; label: string }[] = [
    { view: 'inbox', label: t('nav.inbox') },
    { view: 'care', label: t('nav.care') },
  ];
  return (
    <header class="topbar">
      <h1>{t('app.name')}</h1>
      <nav class="views" aria-label={t('nav.label')}>
        <ul>
          {views.map((item) => (
            <li key={item.view}>
              <a href={viewHash(item.view)} aria-current={item.view === view ? 'page' : undefined}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <ConnectionIndicator status={status} retryInMs={retryInMs} />
      <span class="spacer" />
      <LanguageSwitch onChange={onLanguage} />
      {account ? (
        <span class="topbar__account">
          {account.name !== undefined ? (
            <Interpolated
              text={t('account.signedInAs')}
              values={{ name: <IsolatedText text={account.name} /> }}
            />
          ) : (
            t('account.operator')
          )}
        </span>
      ) : null}
      <button type="button" onClick={onSignOut}>
        {t('account.signOut')}
      </button>
    </header>
  );
}
