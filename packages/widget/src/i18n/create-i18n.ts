import type { Locale } from '@sapa/protocol';
import i18next, { type i18n as I18nextInstance } from 'i18next';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

/** A string key of the bundled catalogs, e.g. `composer.send`. */
export type StringKey = keyof typeof en;

/** Locales the widget ships strings for. */
export const SUPPORTED_LOCALES: readonly Locale[] = ['en', 'id'];

/** Per-locale string overrides: `{ id: { 'composer.placeholder': 'Tulis pesan…' } }`. */
export type StringOverrides = Partial<Record<Locale, Partial<Record<string, string>>>>;

/** Options of {@link createI18n}. */
export interface I18nOptions {
  locale?: Locale;
  strings?: StringOverrides;
}

/** Interpolation values and `count` for plurals. */
export type TranslateOptions = Record<string, string | number>;

/** A translate function: a semantic key in, the string for the current locale out. */
export type Translate = (key: string, options?: TranslateOptions) => string;

/** The widget's strings for one visitor: translate, switch language, listen for switches. */
export interface SapaI18n {
  readonly t: Translate;
  /** The current locale. */
  readonly locale: () => Locale;
  changeLanguage(locale: Locale): Promise<void>;
  /** Calls `listener` after every language change; returns the unsubscribe function. */
  onChange(listener: (locale: Locale) => void): () => void;
  /** The underlying i18next instance, for advanced use. */
  readonly instance: I18nextInstance;
}

/**
 * Creates the widget's string catalog on its own i18next instance (never the host page's global one).
 * Both locales are bundled, so it is ready synchronously.
 *
 * @example
 * ```ts
 * const i18n = createI18n({ locale: 'id', strings: { id: { 'composer.placeholder': 'Tulis pertanyaan Anda…' } } });
 * i18n.t('composer.send'); // 'Kirim'
 * ```
 */
export function createI18n(options: I18nOptions = {}): SapaI18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: options.locale ?? 'en',
    fallbackLng: 'en',
    supportedLngs: SUPPORTED_LOCALES as Locale[],
    // Copies: overrides are added to these objects, and must not leak into other instances.
    resources: { en: { translation: { ...en } }, id: { translation: { ...id } } },
    initAsync: false,
    // Keys are flat ("composer.send"): dots are part of the key, not a path.
    keySeparator: false,
    nsSeparator: false,
    // Strings end up as text nodes, which Preact escapes; escaping here would show "&amp;" to visitors.
    interpolation: { escapeValue: false },
  });
  for (const locale of SUPPORTED_LOCALES) {
    const overrides = options.strings?.[locale];
    if (!overrides) continue;
    for (const [key, value] of Object.entries(overrides)) {
      if (typeof value === 'string') instance.addResource(locale, 'translation', key, value);
    }
  }
  return {
    t: (key, translateOptions) => instance.t(key, translateOptions) as string,
    locale: () => (instance.language === 'id' ? 'id' : 'en'),
    changeLanguage: async (locale) => {
      await instance.changeLanguage(locale);
    },
    onChange(listener) {
      const handler = (language: string) => listener(language === 'id' ? 'id' : 'en');
      instance.on('languageChanged', handler);
      return () => instance.off('languageChanged', handler);
    },
    instance,
  };
}

/** Maps a BCP 47 tag to a supported locale (`id-ID` → `id`, `in` → `id`), or undefined. */
export function normalizeLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const language = tag.trim().toLowerCase().split(/[-_]/)[0];
  // "in" is the withdrawn ISO 639 code for Indonesian that older Android and Java still report.
  if (language === 'id' || language === 'in') return 'id';
  if (language === 'en') return 'en';
  return undefined;
}

/**
 * Picks the widget's locale: the `locale` option, then `<html lang>`, then `navigator.languages`, then English.
 *
 * @example
 * ```ts
 * resolveLocale(undefined, document.documentElement.lang, navigator.languages); // 'id' on an Indonesian page
 * ```
 */
export function resolveLocale(
  option: string | null | undefined,
  htmlLang: string | null | undefined,
  navigatorLanguages: readonly string[] | null | undefined,
): Locale {
  return (
    normalizeLocale(option) ??
    normalizeLocale(htmlLang) ??
    (navigatorLanguages ?? []).map((tag) => normalizeLocale(tag)).find((locale) => locale !== undefined) ??
    'en'
  );
}
