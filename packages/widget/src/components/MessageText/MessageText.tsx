import type { ComponentChild } from 'preact';
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
        return token.text;
      case 'code':
        return <code key={index}>{token.text}</code>;
      case 'link':
        return (
          <a key={index} href={token.href} target="_blank" rel={EXTERNAL_REL}>
            {token.text}
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
 *
 * @example
 * ```tsx
 * <MessageText text="Pesanan *INV-1024* sudah dikirim: https://example.com/track" />
 * ```
 */
export function MessageText({ text }: MessageTextProps) {
  return <p class="sapa-text">{renderTokens(parseMessageText(text))}</p>;
}
