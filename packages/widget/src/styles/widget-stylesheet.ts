import { launcherTokenStyles } from './launcher-tokens.js';
import css from './widget.css?inline';

/**
 * The widget's one stylesheet as text, as the shadow root adopts it: the launcher's tokens (shared with
 * the loader, so they live in TypeScript), then widget.css: the other tokens, the base and every
 * component's rules. The app, the stories and the style tests all take it from here.
 */
export function widgetStylesheet(): string {
  return launcherTokenStyles() + css;
}
