import { useState } from 'preact/hooks';
import type { ConsoleLocale } from '../../i18n/console-i18n.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { LanguageSwitch } from '../LanguageSwitch/LanguageSwitch.js';

export interface LoginFormProps {
  onSubmit: (token: string) => void;
  onLanguage: (locale: ConsoleLocale) => void;
  /** Why the agent is asked again, e.g. a refused token. */
  error?: string;
}

/** Asks for the agent token when the URL did not carry one. */
export function LoginForm({ onSubmit, onLanguage, error }: LoginFormProps) {
  const { t } = useI18n();
  const [token, setToken] = useState('');
  return (
    <main class="login" id="main">
      <h1>{t('app.name')}</h1>
      <LanguageSwitch onChange={onLanguage} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) onSubmit(token.trim());
        }}
      >
        <label for="agent-token">{t('signIn.tokenLabel')}</label>
        <input
          id="agent-token"
          type="password"
          autoComplete="current-password"
          required
          value={token}
          aria-describedby={error ? 'login-error' : 'login-help'}
          onInput={(event) => setToken(event.currentTarget.value)}
        />
        <p id="login-help" class="muted">
          {t('signIn.help')}
        </p>
        {error ? (
          <p id="login-error" role="alert" class="composer__error">
            {error}
          </p>
        ) : null}
        <button type="submit" class="primary">
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
