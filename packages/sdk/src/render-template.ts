import type { Locale, LocalizedText, Visitor } from '@sapa/protocol';

/**
 * Fills `{{name}}` and `{{attributes.<key>}}` with the visitor's data. A missing value becomes an empty string and the
 * spaces and punctuation left around it are tidied ("Halo {{name}}!" → "Halo!"), so nobody reads a raw placeholder.
 * The result is plain text, never HTML.
 */
export function renderTemplate(template: string, visitor: Visitor | undefined): string {
  const filled = template.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_, path: string) => {
    if (path === 'name') return visitor?.name ?? '';
    if (path.startsWith('attributes.')) {
      const value = visitor?.attributes?.[path.slice('attributes.'.length)];
      return value === null || value === undefined ? '' : String(value);
    }
    return '';
  });
  return filled
    .replace(/ +([,.!?])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The text for a locale: the exact locale, its language, the fallback locale, then any. */
export function pickLocalized(
  text: LocalizedText,
  locale: string | undefined,
  fallback: Locale,
): string | undefined {
  const language = (locale ?? '').toLowerCase().split('-')[0] as Locale;
  return text[language] ?? text[fallback] ?? text.en ?? text.id;
}
