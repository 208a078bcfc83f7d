/**
 * Unicode rules for text that strangers control (issue 13): bidirectional formatting characters that can make
 * `invoice\u202Efdp.exe` read as "invoiceexe.pdf", lone surrogates that are not text at all, and cuts that must
 * not split a character.
 */

/** U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates), U+200E/U+200F (marks), U+061C (Arabic mark). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;

/** Whether the text holds a bidirectional formatting character. */
export function hasBidiControl(text: string): boolean {
  BIDI_CONTROLS.lastIndex = 0;
  return BIDI_CONTROLS.test(text);
}

/** The text without bidirectional formatting characters. */
export function withoutBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** Whether the text holds a surrogate that is not half of a pair: not Unicode text, and not UTF-8 encodable. */
export function hasLoneSurrogate(text: string): boolean {
  // With the u flag a well-formed pair is one code point, so only a lone half is a surrogate (Cs) here.
  return /\p{Cs}/u.test(text);
}

/** The first `maxCodePoints` characters (code points, so an emoji is never cut in half). */
export function cutToCodePoints(text: string, maxCodePoints: number): string {
  if (text.length <= maxCodePoints) return text;
  return [...text].slice(0, maxCodePoints).join('');
}
