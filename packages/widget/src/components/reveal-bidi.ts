/**
 * Bidirectional-text controls made visible, against spoofing (issue 13): a name `\u202Eitsnah\u202C Admin` would
 * show as "hansti Admin", a file `invoice\u202Efdp.exe` as "invoiceexe.pdf". Each control becomes a marker the
 * visitor sees and can read, `⟨U+202E⟩`; callers also isolate the field (`<bdi>`, a block of its own), so
 * right-to-left text in it cannot reorder what stands next to it.
 */

/** Every bidi control: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), marks (LRM, RLM, ALM). */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * The overrides only (LRO, RLO): they reorder letters against their own direction, which is what spoofing needs
 * and no language does. Message text keeps the other controls, which right-to-left writers use.
 */
export const BIDI_OVERRIDES = /[\u202D\u202E]/g;

/**
 * `text` with each of `controls` (default: every bidi control) replaced by a visible marker.
 *
 * @example
 * ```ts
 * revealBidi('invoice\u202Efdp.exe'); // 'invoice⟨U+202E⟩fdp.exe'
 * ```
 */
export function revealBidi(text: string, controls: RegExp = BIDI_CONTROLS): string {
  return text.replace(
    controls,
    (control) => `⟨U+${control.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}⟩`,
  );
}
