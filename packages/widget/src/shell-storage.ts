/**
 * The two small flags the loader reads before any chat code has loaded, so that a returning visitor
 * with a conversation gets the app (and its unread count) at once, and a panel that was open before a
 * reload opens again. Everything else lives in the SDK's IndexedDB store. Web Storage may throw (blocked
 * cookies, sandboxed frames): every access is guarded, and a failure only means the flag is not kept.
 */

/** localStorage: the visitor of this site has at least one conversation. */
export const resumeFlag = (siteKey: string): string => `sapa:${siteKey}:resume`;
/** sessionStorage: the panel was open in this tab. */
export const openFlag = (siteKey: string): string => `sapa:${siteKey}:open`;

/** Reads a flag; `false` when storage is unavailable. */
export function readFlag(storage: 'localStorage' | 'sessionStorage', key: string): boolean {
  try {
    return window[storage].getItem(key) === '1';
  } catch {
    return false;
  }
}

/** Sets or clears a flag; does nothing when storage is unavailable. */
export function writeFlag(storage: 'localStorage' | 'sessionStorage', key: string, on: boolean): void {
  try {
    if (on) window[storage].setItem(key, '1');
    else window[storage].removeItem(key);
  } catch {
    // Private modes and sandboxed frames refuse storage; the widget still works, it just forgets.
  }
}
