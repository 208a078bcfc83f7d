import type { Attributes, Locale, LocalizedText, Visitor } from './types.js';

/**
 * What a missing `{{name}}` becomes, per language (docs/protocol.md, "Configuration").
 *
 * Indonesian: "Kak", the polite address an Indonesian support team uses for any customer whose name it does not
 * know ("Halo Kak, …", "Terima kasih, Kak!"); the sentence keeps its warmth and its grammar.
 *
 * English: nothing — the name is left out together with the space or comma before it ("Hi, still deciding?",
 * "Thank you! Your order is in.", "Welcome back!"). English has no word that fits every place a name stands: "there"
 * reads well only after a greeting ("Hi there") and wrongly everywhere else ("Thank you, there!"), and "friend" sounds
 * like a stranger pretending. Leaving the vocative out is correct wherever it follows other words; a template should
 * not begin with it (capitalising the next word would cost bytes in every visitor's browser).
 */
const MISSING_NAME: Record<Locale, string> = { en: '', id: 'Kak' };

/** A placeholder with the space or comma before it, which leaves with it when its value is empty. */
const PLACEHOLDER = /(,? ?)\{\{\s*(?:(attributes|event)\.)?([\w.-]+)\s*\}\}/g;

/**
 * Fills `{{name}}` and `{{attributes.<key>}}` with the visitor's data, and `{{event.<key>}}` with the properties of
 * the event that fired a backend rule, in the language of the template. A missing name follows the rule of
 * {@link MISSING_NAME}; a missing attribute or property or an unknown placeholder is left out with the space or comma
 * before it, so nobody reads a raw placeholder or a dangling comma. The SDK (client-side campaigns) and the
 * reference server (backend campaigns) both render with it, so the same campaign reads the same. The result is
 * plain text, never HTML.
 *
 * @example
 * renderTemplate('Halo {{name}}, masih bingung memilih?', undefined, 'id'); // 'Halo Kak, masih bingung memilih?'
 * renderTemplate('Thank you, {{name}}! Your order is in.', undefined, 'en'); // 'Thank you! Your order is in.'
 * renderTemplate('{{event.name}} masih ada, Kak.', undefined, 'id', { name: 'Kopi Gayo' }); // 'Kopi Gayo masih ada, Kak.'
 */
export function renderTemplate(
  template: string,
  visitor: Visitor | undefined,
  locale: Locale,
  event?: Attributes,
): string {
  return template.replace(PLACEHOLDER, (_, before: string, scope: string, key: string, offset: number) => {
    const value = scope
      ? (scope === 'event' ? event : visitor?.attributes)?.[key]
      : key === 'name'
        ? // "Halo Kak {{name}}" already addresses the visitor: no second "Kak".
          visitor?.name?.trim() ||
          (/kak $/i.test(template.slice(0, offset) + before) ? '' : MISSING_NAME[locale])
        : undefined;
    return value == null || value === '' ? '' : before + value;
  });
}

/** The language of `text` to show: the locale's language, the fallback, then English, then Indonesian (none empty). */
function localizedKey(text: LocalizedText, locale: string | undefined, fallback: Locale): Locale | undefined {
  const language = (locale ?? '').toLowerCase().split('-')[0] as Locale;
  return ([language, fallback, 'en', 'id'] as const).find((key) => text[key]);
}

/**
 * The text for a locale: the locale's language (`id-ID` → `id`), the fallback locale, then English, then Indonesian.
 *
 * @example
 * pickLocalized({ en: 'Hi', id: 'Halo' }, 'id-ID', 'en'); // 'Halo'
 */
export function pickLocalized(
  text: LocalizedText,
  locale: string | undefined,
  fallback: Locale,
): string | undefined {
  const key = localizedKey(text, locale, fallback);
  return key && text[key];
}

/**
 * A campaign message for one visitor: {@link pickLocalized}, then {@link renderTemplate} in the language that was
 * picked (an English text for an Indonesian visitor drops a missing name instead of saying "Kak"). `event` is the
 * properties of the event that fired a backend rule, for `{{event.<key>}}`.
 *
 * @example
 * renderLocalizedTemplate({ en: 'Hi {{name}}!', id: 'Halo {{name}}!' }, visitor, 'id', 'en'); // 'Halo Kak!'
 */
export function renderLocalizedTemplate(
  text: LocalizedText,
  visitor: Visitor | undefined,
  locale: string | undefined,
  fallback: Locale,
  event?: Attributes,
): string | undefined {
  const key = localizedKey(text, locale, fallback);
  return key && renderTemplate(text[key] as string, visitor, key, event);
}
