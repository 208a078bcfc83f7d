import {
  LAUNCHER_ACCENT,
  LAUNCHER_ACCENT_CONTRAST,
  LAUNCHER_BOTTOM,
  LAUNCHER_ICON_SIZE,
  LAUNCHER_INSET,
  LAUNCHER_SIZE,
  SHADOW,
} from './styles/launcher-tokens.js';

/**
 * Styles of the host element and of the launcher the shell draws before the chat app has loaded.
 * `:host` rules are `!important` because, across a shadow boundary, important declarations of the inner
 * context beat the page's (CSS Cascade 4 §6.1): `* { all: unset !important }` on the page cannot undo them.
 * Rules reach only the shadow root's own top-level button (the placeholder), never the app's elements.
 * Size, place and colours are the app launcher's (styles/launcher-tokens.ts), so nothing moves when the app takes
 * over; in px, never rem: the page's `html { font-size }` must not resize the widget. The focus ring is
 * the browser's own (two-tone in Chromium, visible on any accent colour).
 */
export function shellStyles(zIndex: number, side: 'left' | 'right'): string {
  // `all: initial` also resets display, size, opacity, visibility, transform and filters the page may have set
  // on the host; fixed and without in-flow content, the host takes no room in the page.
  return (
    `:host{all:initial!important;position:fixed!important;z-index:${zIndex}!important}` +
    ':host([hidden]){display:none!important}' +
    `:host>button{position:fixed;${side}:${LAUNCHER_INSET}px;bottom:${LAUNCHER_BOTTOM};` +
    `width:${LAUNCHER_SIZE}px;height:${LAUNCHER_SIZE}px;margin:0;padding:0;border:0;border-radius:50%;` +
    `display:grid;place-items:center;background:var(--sapa-accent,${LAUNCHER_ACCENT});color:${LAUNCHER_ACCENT_CONTRAST};` +
    `cursor:pointer;box-shadow:${SHADOW}}` +
    `:host>button svg{width:${LAUNCHER_ICON_SIZE}px;height:${LAUNCHER_ICON_SIZE}px;fill:none;` +
    'stroke:currentColor;stroke-width:2;stroke-linejoin:round}'
  );
}
