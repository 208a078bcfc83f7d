import type { ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { type ConsoleLocale, type Translate, translator } from './console-i18n.js';
import { type Formats, formats } from './formats.js';

/** What {@link useI18n} gives components: the language, its strings and its formats. */
export interface I18nContextValue {
  locale: ConsoleLocale;
  t: Translate;
  format: Formats;
}

function valueFor(locale: ConsoleLocale): I18nContextValue {
  return { locale, t: translator(locale), format: formats(locale) };
}

let english: I18nContextValue | undefined;

const I18nContext = createContext<I18nContextValue | undefined>(undefined);

/**
 * Gives every component below it the strings and formats of `locale`.
 *
 * @example
 * <I18nProvider locale="id"><ConversationList … /></I18nProvider>
 */
export function I18nProvider({ locale, children }: { locale: ConsoleLocale; children?: ComponentChildren }) {
  const value = useMemo(() => valueFor(locale), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The language of the nearest {@link I18nProvider}; English without one (a quick component test). */
export function useI18n(): I18nContextValue {
  const value = useContext(I18nContext);
  if (value) return value;
  english ??= valueFor('en');
  return english;
}
