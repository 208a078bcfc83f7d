import { MESSAGE_LINK_SCHEMES, safeUrl } from '../safe-url.js';

/** One piece of a message text, ready to render as an element (never as HTML). */
export type TextToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'code'; text: string }
  | { kind: 'bold'; children: TextToken[] }
  | { kind: 'italic'; children: TextToken[] };

const CODE = /`([^`\n]+)`/g;
// Scheme links only: bare domains are too easy to misread ("file.pdf", "v1.2").
const LINK = /\b(?:https?:\/\/|mailto:|tel:)[^\s<>"]+/gi;
const TRAILING_PUNCTUATION = /[.,!?;:'"]+$/;

function splitByPattern(
  text: string,
  pattern: RegExp,
  onMatch: (match: RegExpExecArray) => TextToken[],
  onText: (text: string) => TextToken[],
): TextToken[] {
  const tokens: TextToken[] = [];
  let last = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match.index > last) tokens.push(...onText(text.slice(last, match.index)));
    tokens.push(...onMatch(match));
    last = match.index + match[0].length;
  }
  if (last < text.length) tokens.push(...onText(text.slice(last)));
  return tokens;
}

function trimLink(raw: string): { link: string; rest: string } {
  let link = raw.replace(TRAILING_PUNCTUATION, '');
  // A closing parenthesis belongs to the URL only when the URL opened one (Wikipedia links).
  while (link.endsWith(')') && (link.match(/\(/g)?.length ?? 0) < (link.match(/\)/g)?.length ?? 0)) {
    link = link.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return { link, rest: raw.slice(link.length) };
}

function emphasis(text: string, marker: '*' | '_', inner: (text: string) => TextToken[]): TextToken[] {
  const escaped = marker === '*' ? '\\*' : '_';
  // The marker must hug a word on both sides and stand at a word boundary, so "2*3*4" and snake_case stay text.
  const pattern = new RegExp(
    `(^|[\\s(])${escaped}([^\\s${escaped}](?:[^${escaped}\\n]*[^\\s${escaped}])?)${escaped}(?=$|[\\s.,!?;:)])`,
    'g',
  );
  return splitByPattern(
    text,
    pattern,
    (match) => {
      const prefix = match[1] ?? '';
      const children = inner(match[2] ?? '');
      const tokens: TextToken[] = prefix ? [{ kind: 'text', text: prefix }] : [];
      tokens.push(marker === '*' ? { kind: 'bold', children } : { kind: 'italic', children });
      return tokens;
    },
    inner,
  );
}

function plain(text: string): TextToken[] {
  return [{ kind: 'text', text }];
}

function formatted(text: string): TextToken[] {
  return emphasis(text, '*', (inner) => emphasis(inner, '_', plain));
}

function links(text: string): TextToken[] {
  return splitByPattern(
    text,
    LINK,
    (match) => {
      const { link, rest } = trimLink(match[0]);
      const href = safeUrl(link, MESSAGE_LINK_SCHEMES);
      const tokens: TextToken[] = href ? [{ kind: 'link', text: link, href }] : plain(link);
      if (rest) tokens.push(...plain(rest));
      return tokens;
    },
    formatted,
  );
}

/**
 * Splits plain message text into text, links (http, https, mailto, tel only), `code`, *bold* and _italic_.
 * Everything else, including anything that looks like HTML, stays text.
 */
export function parseMessageText(text: string): TextToken[] {
  return splitByPattern(text, CODE, (match) => [{ kind: 'code', text: match[1] ?? '' }], links);
}
