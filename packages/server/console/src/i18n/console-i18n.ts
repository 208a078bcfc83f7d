import i18next, { type TFunction } from 'i18next';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

/** The languages the console speaks. */
export const CONSOLE_LOCALES = ['en', 'id'] as const;
export type ConsoleLocale = (typeof CONSOLE_LOCALES)[number];

/**
 * Each language's own name, shown in the language switch as its speakers write it (an agent who reads only
 * Indonesian finds "Bahasa Indonesia" in an English console), so it is the same in both catalogs and lives here.
 */
export const LANGUAGE_NAMES: Record<ConsoleLocale, string> = { en: 'English', id: 'Bahasa Indonesia' };

type Catalog = typeof en;
/** A plural key's base: `inbox.unread` for `inbox.unread_one` / `inbox.unread_other`. */
type PluralBase<Key> = Key extends `${infer Base}_other` ? Base : never;
/**
 * Every key the console may ask for: the catalog's keys, plural ones by their base (with `count`). Typed, so a
 * key that is not in the English catalog does not compile; a test checks the Indonesian one has the same keys.
 */
export type TranslationKey =
  | Exclude<keyof Catalog, `${string}_one` | `${string}_other`>
  | PluralBase<keyof Catalog>;

/** Interpolation values and `count` for plurals. */
export type TranslateValues = Record<string, string | number>;

/** A semantic key in, the text in the chosen language out. */
export type Translate = (key: TranslationKey, values?: TranslateValues) => string;

/** Maps a BCP 47 tag to a console language (`id-ID` → `id`, `in` → `id`), or undefined. */
export function consoleLocale(tag: string | null | undefined): ConsoleLocale | undefined {
  // "in" is the withdrawn ISO 639 code for Indonesian that older systems still report.
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0]?.replace(/^in$/, 'id');
  return CONSOLE_LOCALES.find((locale) => locale === language);
}

/** The first of `tags` (a stored choice, then the browser's languages) the console speaks, else English. */
export function pickLocale(...tags: readonly (string | null | undefined)[]): ConsoleLocale {
  for (const tag of tags) {
    const locale = consoleLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

let instance: typeof i18next | undefined;

/**
 * The console's one i18next instance (never a global one), both catalogs in it, started synchronously so the
 * first render has its strings. Keys are flat (`inbox.loadMore`): dots are part of the key, not a path.
 * Plurals (`_one`/`_other` through `Intl.PluralRules`) and `{{name}}` interpolation are i18next's.
 */
function consoleI18next(): typeof i18next {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      resources: { en: { translation: en }, id: { translation: id } },
      lng: 'en',
      fallbackLng: 'en',
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      // Strings end up as text nodes, which Preact escapes; escaping here would show "&amp;" to agents.
      interpolation: { escapeValue: false },
    });
  }
  return instance;
}

/**
 * The translate function of one language. Switching language is picking another function: nothing global
 * changes, so two consoles (or a test beside a console) can speak different languages.
 *
 * @example
 * translator('id')('inbox.loadMore'); // 'Muat percakapan lainnya'
 * translator('en')('inbox.unread', { count: 3 }); // '3 unread'
 */
export function translator(locale: ConsoleLocale): Translate {
  const fixed: TFunction = consoleI18next().getFixedT(locale);
  return (key, values) => (fixed as (key: string, values?: TranslateValues) => string)(key, values);
}
