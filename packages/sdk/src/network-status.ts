/** Whether the browser believes it is online; always true where there is no `navigator.onLine` (Node). */
export function isOnline(): boolean {
  const navigatorObject = (globalThis as { navigator?: { onLine?: boolean } }).navigator;
  return navigatorObject?.onLine !== false;
}

/** Calls back on the window's `online`/`offline` events; a no-op where there is no window. */
export function watchNetwork(onOnline: () => void, onOffline: () => void): () => void {
  const target = globalThis as {
    addEventListener?: typeof addEventListener;
    removeEventListener?: typeof removeEventListener;
  };
  if (typeof target.addEventListener !== 'function' || typeof target.removeEventListener !== 'function')
    return () => {};
  target.addEventListener('online', onOnline);
  target.addEventListener('offline', onOffline);
  return () => {
    target.removeEventListener?.('online', onOnline);
    target.removeEventListener?.('offline', onOffline);
  };
}
