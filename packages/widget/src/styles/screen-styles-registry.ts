/**
 * Where the styles of the parts loaded on demand meet the shadow roots that need them, without the styles
 * themselves: the chat's download holds this, and the chunks bring their CSS (the screens' sheet,
 * screen-styles.ts; the channel links their own).
 */

const added = new Set<string>();
const adopters = new Set<(css: string) => void>();

/** Hands `css` to every root, now and later (each sheet once; again is harmless). */
export function provideScreenStyles(css: string): void {
  if (added.has(css)) return;
  added.add(css);
  for (const adopt of adopters) adopt(css);
}

/**
 * Calls `adopt` with each sheet a chunk brought, those brought already at once; returns the function that
 * stops it.
 */
export function onScreenStyles(adopt: (css: string) => void): () => void {
  adopters.add(adopt);
  for (const css of added) adopt(css);
  return () => adopters.delete(adopt);
}
