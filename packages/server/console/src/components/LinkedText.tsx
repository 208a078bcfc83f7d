import { revealBidi } from '../reveal-bidi.js';
import { safeHttpUrl } from '../safe-url.js';

const LINK_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * The address a link in a stranger's text may open, or undefined to keep it as text: only http(s), and never
 * with a user name or password in it, which puts a trusted-looking name before the real host
 * (`https://toko.example@evil.example/` opens evil.example).
 */
function linkTarget(written: string): string | undefined {
  const href = safeHttpUrl(written);
  if (!href) return undefined;
  const url = new URL(href);
  return url.username === '' && url.password === '' ? href : undefined;
}

/**
 * Plain text with its http(s) links made clickable. Every piece is a text node or an anchor element; nothing
 * becomes HTML. Bidirectional formatting characters are shown as markers (`⟨U+202E⟩`) in the text and in links,
 * so `\u202E0987654321\u202C` cannot pass for "1234567890".
 */
export function LinkedText({ text }: { text: string }) {
  const parts: (string | { url: string; label: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK_PATTERN)) {
    const index = match.index ?? 0;
    const url = linkTarget(match[0]);
    if (!url) continue;
    if (index > last) parts.push(text.slice(last, index));
    parts.push({ url, label: match[0] });
    last = index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return (
    <>
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          revealBidi(part)
        ) : (
          <a key={index} href={part.url} target="_blank" rel="noopener noreferrer nofollow ugc">
            <bdi>{revealBidi(part.label)}</bdi>
          </a>
        ),
      )}
    </>
  );
}
