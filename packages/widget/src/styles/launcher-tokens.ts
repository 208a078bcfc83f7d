/**
 * The launcher's size, place and colours, shared by the loader's placeholder (shell-styles.ts, which
 * bakes them into its few rules) and the app's launcher (through the custom properties of
 * {@link launcherTokenStyles}, which tokens.css and Launcher.css read): nothing moves or changes colour
 * when the app takes over. launcher-geometry.test.tsx checks both in Chromium. Sizes are in px, never rem:
 * the page's font size must not resize the widget.
 */

/** Width and height of the round launcher. */
export const LAUNCHER_SIZE = 56;
/** Its distance from the side of the viewport. */
export const LAUNCHER_INSET = 20;
/** Its distance from the bottom: the inset, or more above a phone's home indicator. */
export const LAUNCHER_BOTTOM = `max(${LAUNCHER_INSET}px,env(safe-area-inset-bottom))`;
/** The speech bubble inside it. */
export const LAUNCHER_ICON_SIZE = 28;
/** The light theme's accent: the launcher's colour until a site sets its own (`theme.accentColor`). */
export const LAUNCHER_ACCENT = '#1d4ed8';
/** The icon on it. */
export const LAUNCHER_ACCENT_CONTRAST = '#fff';
/** The shadow of everything that floats over the page (launcher, teaser, panel): 22% black. */
export const SHADOW = '0 8px 28px #00000038';

/** The launcher's tokens as custom properties of `.sapa-root`, for the app's stylesheet. */
export function launcherTokenStyles(): string {
  return (
    `.sapa-root{--sapa-launcher-size:${LAUNCHER_SIZE}px;--sapa-launcher-inset:${LAUNCHER_INSET}px;` +
    `--sapa-launcher-bottom:${LAUNCHER_BOTTOM};--sapa-launcher-accent:${LAUNCHER_ACCENT};` +
    `--sapa-launcher-accent-contrast:${LAUNCHER_ACCENT_CONTRAST};--sapa-shadow:${SHADOW}}`
  );
}
