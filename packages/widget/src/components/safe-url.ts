/**
 * URL checks for everything the widget turns into a link or an image. Data from the backend or the host page
 * never reaches `href`/`src` unless its scheme is on an allow-list, so `javascript:`, `data:` and `vbscript:`
 * URLs stay text.
 */

/** Schemes a link in a message may use. */
export const MESSAGE_LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:', 'tel:'];
/** Schemes an action, card or channel link may use (`https://wa.me/…` for WhatsApp). */
export const WEB_LINK_SCHEMES: readonly string[] = ['http:', 'https:', 'mailto:'];
/** Schemes an image or a download may use. */
export const MEDIA_SCHEMES: readonly string[] = ['http:', 'https:', 'blob:'];

/** The normalized URL when it parses as absolute and its scheme is allowed; otherwise undefined. */
export function safeUrl(raw: string | undefined, schemes: readonly string[]): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim());
    return schemes.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `rel` of every link to another site: no opener, no referrer, no endorsement of user content. */
export const EXTERNAL_REL = 'noopener noreferrer nofollow ugc';
