/**
 * The styles of the screens loaded on demand, in their chunks, not in what a visitor downloads to chat (as their
 * strings are, screen-strings.ts): each screen's module calls {@link addScreenStyles} when it loads, before it
 * draws anything.
 */

import { provideScreenStyles } from './screen-styles-registry.js';
import css from './screens.css?inline';

/** Adds the screens' styles to every widget's shadow root (once is enough; again is harmless). */
export function addScreenStyles(): void {
  provideScreenStyles(css);
}

/** The screens' styles as text, for the stories and the style tests, which adopt every style at once. */
export function screenStylesheet(): string {
  return css;
}
