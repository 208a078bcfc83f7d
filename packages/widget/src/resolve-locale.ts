/** Maps a language tag to a bundled locale, or `undefined` when it is neither English nor Indonesian. */
export function pickLocale(tag: string | null | undefined): 'en' | 'id' | undefined {
  // `in` is the pre-1989 code for Indonesian that some Android browsers still report. A missing tag tests as
  // "undefined" or "null", which neither pattern matches (shorter in the loader than a guard).
  return /^(id|in)\b/i.test(tag as string) ? 'id' : /^en\b/i.test(tag as string) ? 'en' : undefined;
}

/**
 * The shell's locale, for the launcher it draws before the app has loaded: the option, else `<html lang>`, else
 * the browser's languages, else English. The app resolves the same way among all its languages, also those a site
 * added (i18n/create-i18n.ts).
 */
export function resolveLocale(option?: string): 'en' | 'id' {
  return (
    pickLocale(option) ??
    pickLocale(document.documentElement.lang) ??
    navigator.languages.map(pickLocale).find(Boolean) ??
    'en'
  );
}
