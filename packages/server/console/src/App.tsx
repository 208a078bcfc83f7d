import { useCallback, useEffect, useState } from 'preact/hooks';
import type { AgentAccount } from './agent-types.js';
import { LoginForm } from './components/LoginForm/LoginForm.js';
import { type ConsoleLocale, pickLocale, type TranslationKey } from './i18n/console-i18n.js';
import { I18nProvider, useI18n } from './i18n/I18nProvider.js';
import { rememberLanguage, storedLanguage } from './i18n/language-preference.js';
import { forgetToken, saveToken } from './token.js';
import { Workspace } from './Workspace.js';

export interface AppProps {
  /** Origin of the server; the console is served by it, so usually `location.origin`. */
  apiUrl: string;
  initialToken?: string;
  fetch?: typeof fetch;
  /** Where language choices are remembered; the browser's localStorage by default. */
  languageStorage?: Storage;
}

/** localStorage, or undefined where the browser refuses it (storage disabled, opaque origins). */
function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * The agent console: sign-in, then the workspace (the live inbox, one conversation and its visitor, and the care
 * report), in the language the signed-in agent chose last (English or Indonesian), else the browser's.
 */
export function App({ apiUrl, initialToken, fetch: fetchFunction, languageStorage }: AppProps) {
  const storage = languageStorage ?? browserStorage();
  const [token, setToken] = useState(initialToken);
  const [account, setAccount] = useState<AgentAccount | undefined>();
  const [locale, setLocale] = useState<ConsoleLocale>(() =>
    pickLocale(storedLanguage(storage), ...(globalThis.navigator?.languages ?? [])),
  );
  const [loginError, setLoginError] = useState<TranslationKey | undefined>();

  // Screen readers pronounce the console in its language; the page's lang follows the switch.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const signOut = useCallback((reason?: TranslationKey) => {
    forgetToken(sessionStorage);
    setToken(undefined);
    setAccount(undefined);
    setLoginError(reason);
  }, []);

  // Signed in: the account's own choice, if it made one here; otherwise the language on screen stays.
  const signedIn = useCallback(
    (signedInAccount: AgentAccount) => {
      setAccount(signedInAccount);
      const chosen = storedLanguage(storage, signedInAccount.id);
      if (chosen) setLocale(chosen);
    },
    [storage],
  );

  const chooseLanguage = (chosen: ConsoleLocale) => {
    setLocale(chosen);
    rememberLanguage(storage, chosen, account?.id);
  };

  return (
    <I18nProvider locale={locale}>
      {token ? (
        <Workspace
          key={token}
          apiUrl={apiUrl}
          token={token}
          fetch={fetchFunction}
          onAccount={signedIn}
          onLanguage={chooseLanguage}
          onSignOut={signOut}
        />
      ) : (
        <SignIn
          error={loginError}
          onLanguage={chooseLanguage}
          onSubmit={(value) => {
            saveToken(sessionStorage, value);
            setLoginError(undefined);
            setToken(value);
          }}
        />
      )}
    </I18nProvider>
  );
}

function SignIn({
  error,
  onLanguage,
  onSubmit,
}: {
  error?: TranslationKey;
  onLanguage: (locale: ConsoleLocale) => void;
  onSubmit: (token: string) => void;
}) {
  const { t } = useI18n();
  return <LoginForm error={error ? t(error) : undefined} onLanguage={onLanguage} onSubmit={onSubmit} />;
}
