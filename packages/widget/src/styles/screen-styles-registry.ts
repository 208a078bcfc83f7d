/**
 * Where the screens' styles meet the shadow roots that need them, without the styles themselves: the chat's
 * download holds this, and the screens' chunks bring the CSS (screen-styles.ts).
 */

let added: string | undefined;
const adopters = new Set<(css: string) => void>();

/** Hands the screens' CSS to every root that asked for it, now and later (once; again is harmless). */
export function provideScreenStyles(css: string): void {
  if (added !== undefined) return;
  added = css;
  for (const adopt of adopters) adopt(css);
}

/**
 * Calls `adopt` with the screens' CSS as soon as a screen's chunk brought it (at once if one did); returns the
 * function that stops it.
 */
export function onScreenStyles(adopt: (css: string) => void): () => void {
  adopters.add(adopt);
  if (added !== undefined) adopt(added);
  return () => adopters.delete(adopt);
}
