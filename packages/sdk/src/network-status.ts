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
