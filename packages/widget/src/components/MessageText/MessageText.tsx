import type { ComponentChild } from 'preact';
import { BIDI_OVERRIDES, revealBidi } from '../reveal-bidi.js';
import { EXTERNAL_REL } from '../safe-url.js';
import { parseMessageText, type TextToken } from './parse-message-text.js';

/** Props of {@link MessageText}. */
export interface MessageTextProps {
  /** Plain text from the message; never interpreted as HTML. */
  text: string;
}

function renderTokens(tokens: TextToken[]): ComponentChild[] {
  return tokens.map((token, index) => {
    switch (token.kind) {
      case 'text':
        return revealBidi(token.text, BIDI_OVERRIDES);
      case 'code':
        return <code key={index}>{revealBidi(token.text, BIDI_OVERRIDES)}</code>;
      case 'link':
        // A link's text shows every bidi control: it must read as the address it opens.
        return (
          <a key={index} href={token.href} target="_blank" rel={EXTERNAL_REL}>
            <bdi>{revealBidi(token.text)}</bdi>
          </a>
        );
      case 'bold':
        return <strong key={index}>{renderTokens(token.children)}</strong>;
      default:
        return <em key={index}>{renderTokens(token.children)}</em>;
    }
  });
}

/**
 * A message's text as text: safe links and a tiny formatting subset rendered as elements; long words wrap.
 * Each line is isolated (`<bdi>`), so an embedding or override in it ends with the line, and overrides (which only
 * spoofing needs) are shown as markers, `⟨U+202E⟩` (reveal-bidi.ts).
 *
 * @example
 * ```tsx
 * <MessageText text="Pesanan *INV-1024* sudah dikirim: https://example.com/track" />
 * ```
 */
export function MessageText({ text }: MessageTextProps) {
  // Links, code and emphasis never span lines: each line is parsed on its own.
  const lines = text
    .split('\n')
    .map((line, index) => [index > 0 && '\n', <bdi key={index}>{renderTokens(parseMessageText(line))}</bdi>]);
  return <p class="sapa-text">{lines}</p>;
}
