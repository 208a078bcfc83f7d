/** Whether the browser believes it is online; always true where there is no `navigator.onLine` (Node). */
export function isOnline(): boolean {
  return globalThis.navigator?.onLine !== false;
}

/** Calls back on the window's `online`/`offline` events; a no-op where there is no window. */
export function watchNetwork(onOnline: () => void, onOffline: () => void): () => void {
  const target = globalThis.window;
  target?.addEventListener('online', onOnline);
  target?.addEventListener('offline', onOffline);
  return () => {
    target?.removeEventListener('online', onOnline);
    target?.removeEventListener('offline', onOffline);
  };
}

/**
 * Calls back when the page becomes hidden: a tab switched away, the app sent to the background, or the page
 * being closed. Browsers may end a hidden page without warning, so this is the last sure moment to save.
 * A no-op where there is no document.
 */
export function watchPageHidden(onHidden: () => void): () => void {
  const page = globalThis.document;
  const listener = () => page.visibilityState === 'hidden' && onHidden();
  page?.addEventListener('visibilitychange', listener);
  return () => page?.removeEventListener('visibilitychange', listener);
}
