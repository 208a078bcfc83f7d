/**
 * Styles of the host element and of the launcher the shell draws before the chat app has loaded.
 * `:host` rules are `!important` because, across a shadow boundary, important declarations of the inner
 * context beat the page's (CSS Cascade 4 §6.1): `* { all: unset !important }` on the page cannot undo them.
 * Sizes are in px, never rem: the page's `html { font-size }` must not resize the widget.
 */
export function shellStyles(zIndex: number, side: 'left' | 'right'): string {
  return (
    `:host{all:initial!important;display:block!important;position:fixed!important;z-index:${zIndex}!important;` +
    `${side}:0!important;bottom:0!important;width:0!important;height:0!important;overflow:visible!important;` +
    'visibility:visible!important;opacity:1!important;transform:none!important}' +
    ':host([hidden]){display:none!important}' +
    `.sapa-shell-launcher{position:fixed;${side}:20px;bottom:20px;box-sizing:border-box;width:56px;height:56px;` +
    'margin:0;padding:0;border:0;border-radius:50%;display:flex;align-items:center;justify-content:center;' +
    'background:var(--sapa-accent,#0f766e);color:#fff;cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
    '.sapa-shell-launcher:focus-visible{outline:3px solid #1d4ed8;outline-offset:3px}' +
    '.sapa-shell-launcher svg{width:28px;height:28px;fill:currentColor}'
  );
}
