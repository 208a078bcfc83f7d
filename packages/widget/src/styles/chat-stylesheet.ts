import { launcherTokenStyles } from './launcher-tokens.js';
import css from './widget.css?inline';

/**
 * The chat's stylesheet as text, as the app's shadow root adopts it: the launcher's tokens (shared with the
 * loader, so they live in TypeScript), then widget.css: the other tokens, the base and the rules of every
 * component a chat needs. The screens loaded on demand bring their own (screen-styles.ts).
 */
export function chatStylesheet(): string {
  return launcherTokenStyles() + css;
}
