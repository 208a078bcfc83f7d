import { safeHttpUrl } from '../safe-url.js';

const LINK_PATTERN = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

/**
 * Plain text with its http(s) links made clickable. Every piece is a text node or an anchor
 * element; nothing becomes HTML.
 */
export function LinkedText({ text }: { text: string }) {
  const parts: (string | { url: string; label: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK_PATTERN)) {
    const index = match.index ?? 0;
    const url = safeHttpUrl(match[0]);
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
          part
        ) : (
          <a key={index} href={part.url} target="_blank" rel="noopener noreferrer nofollow ugc">
            {part.label}
          </a>
        ),
      )}
    </>
  );
}
