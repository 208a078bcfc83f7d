import type { Locale } from '@sapa/protocol';
import rosetta from 'rosetta';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

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
}

/** Strings per locale, as {@link addStrings} takes them. */
export type StringTables = Partial<Record<Locale, Record<string, string>>>;

// The catalogs every widget on the page shares: the chat's own strings, joined by those of each screen
// loaded on demand when its chunk arrives (screen-strings.ts). Copies, so the imported JSON stays as it is.
const catalogs = rosetta<Record<string, string>>({ en: { ...en }, id: { ...id } });

/** Adds strings to the shared catalogs; a screen loaded on demand brings its own. Adding twice is harmless. */
export function addStrings(tables: StringTables): void {
  for (const locale of SUPPORTED_LOCALES) {
    const table = tables[locale];
    if (table) catalogs.set(locale, table);
  }
}

/**
 * Creates the strings of one widget: its locale and its per-key overrides, over the shared catalogs. Both
 * locales are bundled, so it is ready synchronously.
 *
 * The catalogs keep i18next's JSON format (flat keys, `{{name}}` placeholders, `_one`/`_other` plural
 * suffixes chosen by `Intl.PluralRules`), so i18next tooling reads them; the runtime is rosetta, 298 B
 * instead of i18next's ≈ 14 KB (docs/decisions.md).
 *
 * @example
 * ```ts
 * const i18n = createI18n({ locale: 'id', strings: { id: { 'composer.placeholder': 'Tulis pertanyaan Anda…' } } });
 * i18n.t('composer.send'); // 'Kirim'
 * ```
 */
export function createI18n(options: I18nOptions = {}): SapaI18n {
  // This widget's overrides, looked up first: they win over the catalogs, also over strings added later.
  const own = rosetta<Record<string, string>>();
  // Overrides come from the page: what is not text for a bundled locale is named once and left out.
  const strings: Record<string, unknown> = Object(options.strings);
  for (const locale in strings) {
    const overrides = strings[locale];
    if (typeof overrides !== 'object' || !overrides) {
      console.error(`Sapa: strings.${locale} is left out (texts by key).`);
      continue;
    }
    for (const key in overrides) {
      const value = (overrides as Record<string, unknown>)[key];
      if (typeof value === 'string' && SUPPORTED_LOCALES.includes(locale as Locale))
        own.set(locale, { [key]: value });
      else console.error(`Sapa: strings.${locale}['${key}'] is left out (text for 'en' or 'id' only).`);
    }
  }
  let current: Locale = options.locale ?? 'en';
  const listeners = new Set<(locale: Locale) => void>();
  // Intl constructors are slow, and the composer's characters-left hint asks for a plural on every keystroke.
  const plurals: Partial<Record<Locale, Intl.PluralRules>> = {};
  // Keys are flat ("composer.send"): passed as a one-element path so that the dots are not read as nesting.
  const lookup = (key: string, values: TranslateOptions | undefined, locale: Locale): string =>
    own.t([key], values, locale) ||
    catalogs.t([key], values, locale) ||
    (locale === 'en' ? '' : lookup(key, values, 'en'));
  return {
    t(key, values) {
      const count = values?.count;
      let plural = '';
      if (typeof count === 'number') {
        const rules = plurals[current] ?? new Intl.PluralRules(current);
        plurals[current] = rules;
        const category = rules.select(count);
        plural = lookup(`${key}_${category}`, values, current) || lookup(`${key}_other`, values, current);
      }
      // A key no catalog has shows as itself, so a missing string is visible and searchable.
      return plural || lookup(key, values, current) || key;
    },
    locale: () => current,
    async changeLanguage(locale) {
      if (locale === current) return;
      current = locale;
      for (const listener of listeners) listener(locale);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
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
