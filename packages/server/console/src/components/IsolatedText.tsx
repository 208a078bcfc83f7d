import { revealBidi } from '../reveal-bidi.js';

/**
 * Text from a stranger (a name, a file name, a link), isolated in `<bdi>` so it cannot reorder the text around
 * it, with its bidirectional formatting characters shown as markers (`⟨U+202E⟩`) so it cannot reorder itself.
 */
export function IsolatedText({ text }: { text: string }) {
  return <bdi>{revealBidi(text)}</bdi>;
}
