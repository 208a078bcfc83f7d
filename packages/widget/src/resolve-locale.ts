/** Maps a language tag to a bundled locale, or `undefined` when it is neither English nor Indonesian. */
export function pickLocale(tag: string | null | undefined): 'en' | 'id' | undefined {
  const lower = tag?.toLowerCase() ?? '';
  // `in` is the pre-1989 code for Indonesian that some Android browsers still report.
  if (/^(id|in)\b/.test(lower)) return 'id';
  if (/^en\b/.test(lower)) return 'en';
  return undefined;
}

/** The widget's locale: the option, else `<html lang>`, else the browser's languages, else English. */
export function resolveLocale(option?: string): 'en' | 'id' {
  return (
    pickLocale(option) ??
    pickLocale(document.documentElement.lang) ??
    navigator.languages.map(pickLocale).find(Boolean) ??
    'en'
  );
}
