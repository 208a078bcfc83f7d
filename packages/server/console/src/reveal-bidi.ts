/**
 * Bidirectional formatting characters: U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates),
 * U+200E/U+200F (marks), U+061C (Arabic letter mark). In a name, file name or link they reorder what the agent
 * reads: `invoice\u202Efdp.exe` shows as "invoiceexe.pdf" (issue 13).
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/**
 * The text with every bidirectional formatting character replaced by a visible marker such as `⟨U+202E⟩`, so
 * it reorders nothing and the agent sees that it was there.
 *
 * @example
 * revealBidi('invoice\u202Efdp.exe'); // 'invoice⟨U+202E⟩fdp.exe'
 */
export function revealBidi(text: string): string {
  return text.replace(
    BIDI_CONTROLS,
    (character) => `⟨U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}
