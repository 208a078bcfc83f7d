import type { Locale } from '@sapa/protocol';
import i18next, { type i18n as I18next } from 'i18next';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

/** Locales the widget ships strings for; a site may add more at runtime (`Sapa('addLocale', …)`). */
export const SUPPORTED_LOCALES: readonly Locale[] = ['en', 'id'];

/** Per-locale string overrides: `{ id: { 'composer.placeholder': 'Tulis pesan…' } }`. */
export type StringOverrides = Partial<Record<Locale, Partial<Record<string, string>>>>;

/** Options of {@link createI18n}. */
export interface I18nOptions {
  /** The language asked for (a BCP 47 tag); English when the widget has no strings for it (yet). */
  locale?: string;
  strings?: StringOverrides;
}

/** Interpolation values and `count` for plurals. */
export type TranslateOptions = Record<string, string | number>;

/** A translate function: a semantic key in, the string for the current locale out. */
export type Translate = (key: string, options?: TranslateOptions) => string;

/** The widget's strings for one visitor: translate, switch language, add a language, listen for switches. */
export interface SapaI18n {
  readonly t: Translate;
  /** The current language: `en`, `id` or one added with {@link SapaI18n.addLocale}. */
  readonly locale: () => string;
  /** The languages it has strings for: `en`, `id`, then those added. */
  readonly locales: () => string[];
  /**
   * Switches to the language `tag` asks for (`ms-MY` → `ms`), or, when the widget has no strings for it,
   * to `<html lang>`'s, the browser's or English. The request is kept: adding its language later switches to it.
   */
  changeLanguage(tag: string): Promise<void>;
  /** Adds (or extends) a language from flat `{ key: text }` strings; keys it lacks fall back to English. */
  addLocale(locale: string, strings: Record<string, string>): void;
  /**
   * Calls `listener` after every language change, and after a language was added (the language menu lists
   * it; strings of the current language may have changed); returns the unsubscribe function.
   */
  onChange(listener: (locale: string) => void): () => void;
  /** The widget's own i18next instance (never the host page's global one). */
  readonly instance: I18next;
}

/** Strings per locale, as {@link addStrings} takes them. */
export type StringTables = Partial<Record<Locale, Record<string, string>>>;

// The strings every widget on the page gets besides its catalogs: those of each screen loaded on demand,
// added when its chunk arrives (screen-strings.ts). Kept for widgets created later, and added to those alive.
const shared: StringTables[] = [];
const instances = new Set<I18next>();

const addTables = (instance: I18next, tables: StringTables) => {
  // Deep and without overwriting: a widget's own overrides win over strings that arrive later.
  for (const locale in tables)
    instance.addResourceBundle(locale, 'translation', tables[locale as Locale], true, false);
};

/** Adds strings to every widget's catalogs (a screen loaded on demand brings its own). Adding twice is harmless. */
export function addStrings(tables: StringTables): void {
  shared.push(tables);
  for (const instance of instances) addTables(instance, tables);
}

/**
 * The texts of `table` (a page's overrides, or a language it adds), copied: each value that is not text (or
 * that the page may not set, `keep` false) is named once and left out, and so is a table that is not an object.
 */
function texts(
  table: unknown,
  name: string,
  reason: string,
  keep = true,
): Record<string, string> | undefined {
  if (typeof table !== 'object' || !table) {
    console.error(`Sapa: ${name} is left out (texts by key).`);
    return undefined;
  }
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(table)) {
    if (keep && typeof value === 'string') result[key] = value;
    else console.error(`Sapa: ${name}['${key}'] is left out (${reason}).`);
  }
  return result;
}

/** A language code a page may add: letters, digits and hyphens, as BCP 47 has them (`ms`, `pt-BR`). */
const LANGUAGE_CODE = /^[a-z]{2,3}(-[a-z\d]{2,8})*$/i;

/** Maps a BCP 47 tag to one of `available` (`id-ID` → `id`, `in` → `id`, `MS_my` → `ms`), or undefined. */
export function normalizeLocale(
  tag: string | null | undefined,
  available: readonly string[] = SUPPORTED_LOCALES,
): string | undefined {
  const exact = tag?.trim().toLowerCase().replace(/_/g, '-');
  if (!exact) return undefined;
  // "in" is the withdrawn ISO 639 code for Indonesian that older Android and Java still report.
  const language = exact.split('-')[0]?.replace(/^in$/, 'id');
  return (
    available.find((code) => code.toLowerCase() === exact) ??
    available.find((code) => code.toLowerCase() === language)
  );
}

/**
 * Picks the widget's locale among `available`: the `locale` option, then `<html lang>`, then
 * `navigator.languages`, then English.
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
  available: readonly string[] = SUPPORTED_LOCALES,
): string {
  return (
    [option, htmlLang, ...(navigatorLanguages ?? [])]
      .map((tag) => normalizeLocale(tag, available))
      .find((locale) => locale !== undefined) ?? 'en'
  );
}

/**
 * Creates the strings of one widget on its own i18next instance: both bundled catalogs, the strings of the
 * screens loaded so far, and its per-key overrides. i18next starts synchronously (`initAsync: false`, all
 * resources given), so the first render has its strings. Plurals (`_one`/`_other`, through
 * `Intl.PluralRules`) and `{{name}}` interpolation are i18next's.
 *
 * @example
 * ```ts
 * const i18n = createI18n({ locale: 'id', strings: { id: { 'composer.placeholder': 'Tulis pertanyaan Anda…' } } });
 * i18n.t('composer.send'); // 'Kirim'
 * i18n.addLocale('ms', { 'composer.send': 'Hantar' });
 * await i18n.changeLanguage('ms');
 * i18n.t('composer.send'); // 'Hantar'; keys Malay lacks are English
 * ```
 */
export function createI18n(options: I18nOptions = {}): SapaI18n {
  const instance = i18next.createInstance();
  const locales = (): string[] => Object.keys(instance.store.data);
  // What the page or the visitor asked for last: a language added later may be the one it meant.
  let requested = options.locale;
  const pick = () =>
    resolveLocale(
      requested,
      globalThis.document?.documentElement.lang,
      globalThis.navigator?.languages,
      locales(),
    );
  void instance.init({
    // Copies: i18next adds to the objects it is given, and the imported JSON is every instance's.
    resources: { en: { translation: { ...en } }, id: { translation: { ...id } } },
    lng: resolveLocale(requested, globalThis.document?.documentElement.lang, globalThis.navigator?.languages),
    fallbackLng: 'en',
    initAsync: false,
    // Keys are flat ("composer.send"): dots and colons are part of the key, not a path or a namespace.
    keySeparator: false,
    nsSeparator: false,
    // Strings end up as text nodes, which Preact escapes; escaping here would show "&amp;" to visitors.
    interpolation: { escapeValue: false },
  });
  for (const tables of shared) addTables(instance, tables);
  instances.add(instance);
  // Overrides come from the page: what is not text for a bundled locale is named once and left out.
  const overrides: Record<string, unknown> = Object(options.strings);
  for (const locale in overrides) {
    const bundled = SUPPORTED_LOCALES.includes(locale as Locale);
    const table = texts(overrides[locale], `strings.${locale}`, "text for 'en' or 'id' only", bundled);
    if (table && bundled) instance.addResources(locale, 'translation', table);
  }
  const change = async (locale: string) => {
    if (locale !== instance.language) await instance.changeLanguage(locale);
  };
  const listeners = new Set<(locale: string) => void>();
  const notify = () => {
    for (const listener of listeners) listener(instance.language);
  };
  instance.on('languageChanged', notify);
  return {
    t: (key, values) => (instance.t as (key: string, values?: TranslateOptions) => string)(key, values),
    locale: () => instance.language,
    locales,
    changeLanguage(tag) {
      requested = tag;
      return change(pick());
    },
    addLocale(locale, strings) {
      if (!LANGUAGE_CODE.test(locale)) {
        console.error(`Sapa('addLocale'): '${locale}' is not a language code such as 'ms' or 'pt-BR'.`);
        return;
      }
      const table = texts(strings, `addLocale('${locale}')`, 'text only');
      if (!table) return;
      instance.addResourceBundle(locale, 'translation', table, true, true);
      const next = pick();
      if (next === instance.language) notify();
      else void change(next);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    instance,
  };
}
