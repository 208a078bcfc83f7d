import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { createI18n, type SapaI18n, type Translate } from './create-i18n.js';

/** What {@link useI18n} gives components: translate and the current locale. */
export interface I18nContextValue {
  t: Translate;
  /** `en`, `id`, or a language the site added. */
  locale: string;
  i18n: SapaI18n;
}

let fallback: I18nContextValue | undefined;

// Components rendered without a provider (a quick test, a story) still work, in English.
function defaultValue(): I18nContextValue {
  if (!fallback) {
    const i18n = createI18n({ locale: 'en' });
    fallback = { t: i18n.t, locale: 'en', i18n };
  }
  return fallback;
}

const I18nContext = createContext<I18nContextValue | undefined>(undefined);

/** Props of {@link I18nProvider}. */
export interface I18nProviderProps {
  i18n: SapaI18n;
  children?: ComponentChildren;
}

/**
 * Gives every component below it the strings of `i18n`, and re-renders them when the language changes.
 *
 * @example
 * ```tsx
 * <I18nProvider i18n={createI18n({ locale: 'id' })}><Launcher open={false} unreadCount={0} onToggle={open} /></I18nProvider>
 * ```
 */
export function I18nProvider({ i18n, children }: I18nProviderProps) {
  // Counts language changes (and strings added to the current language) since the provider mounted.
  const [changes, setChanges] = useState(0);
  // A new object per change so that consumers re-render.
  const value = useMemo<I18nContextValue>(
    () => ({ t: (key, options) => i18n.t(key, options), locale: i18n.locale(), i18n }),
    [i18n, changes],
  );
  const rendered = value.locale;
  useEffect(() => {
    const changed = () => setChanges((count) => count + 1);
    // A switch between the render and this effect has no listener yet to hear it.
    if (i18n.locale() !== rendered) changed();
    return i18n.onChange(changed);
  }, [i18n, rendered]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function and locale of the nearest {@link I18nProvider}. */
export function useI18n(): I18nContextValue {
  return useContext(I18nContext) ?? defaultValue();
}

/** The translate function of the nearest {@link I18nProvider}. */
export function useT(): Translate {
  return useI18n().t;
}
