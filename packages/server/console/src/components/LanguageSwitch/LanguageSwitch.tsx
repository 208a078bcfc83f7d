import { CONSOLE_LOCALES, type ConsoleLocale, LANGUAGE_NAMES } from '../../i18n/console-i18n.js';
import { useI18n } from '../../i18n/I18nProvider.js';

export interface LanguageSwitchProps {
  onChange: (locale: ConsoleLocale) => void;
}

/** The console's language, changed at once; the caller remembers the choice for the signed-in agent. */
export function LanguageSwitch({ onChange }: LanguageSwitchProps) {
  const { t, locale } = useI18n();
  return (
    <label class="language-switch">
      {t('language.label')}{' '}
      <select value={locale} onChange={(event) => onChange(event.currentTarget.value as ConsoleLocale)}>
        {CONSOLE_LOCALES.map((code) => (
          // Each name in its own language, marked so a screen reader pronounces it in that language.
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
