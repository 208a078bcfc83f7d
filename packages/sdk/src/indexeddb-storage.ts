import { clear, createStore, del, get, keys, promisifyRequest } from 'idb-keyval';
import { StorageError } from './errors.js';
import { DATABASE_NAME } from './forget-stored-visitor.js';
import type { StorageAdapter } from './types.js';

/** How long opening the database may take before the client gives up and runs in memory. */
export const STORAGE_OPEN_TIMEOUT_MS = 2_000;

/**
 * IndexedDB through idb-keyval, in our own database ({@link DATABASE_NAME}, object store `kv`) so nothing collides
 * with the host page's use of idb-keyval's default store. Opening proves the database works with one read, within
 * {@link STORAGE_OPEN_TIMEOUT_MS}: a blocked upgrade or a browser that hangs IndexedDB in private mode must not hold
 * the chat back. The calls themselves are unguarded: the client wraps them in a {@link GuardedStorage}.
 */
export async function openIndexedDbStorage(timeoutMs = STORAGE_OPEN_TIMEOUT_MS): Promise<StorageAdapter> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    // createStore and the first call can throw synchronously (SecurityError in sandboxed frames), and there may be
    // no IndexedDB at all.
    const store = createStore(DATABASE_NAME, 'kv');
    await Promise.race([
      get('probe', store),
      new Promise((_, reject) => {
        timer = setTimeout(reject, timeoutMs, new Error(`Opening took over ${timeoutMs} ms.`));
      }),
    ]);
    return {
      get: (key) => get(key, store),
      // Committed at once rather than when the task ends: a write made as the page goes away (a reload, a link)
      // is otherwise dropped by Chromium with the page, and the next page hydrates the history without it.
      set: (key, value) =>
        store('readwrite', (objectStore) => {
          objectStore.put(value, key);
          objectStore.transaction.commit?.();
          return promisifyRequest(objectStore.transaction);
        }),
      delete: (key) => del(key, store),
      keys: async () => (await keys(store)).map(String),
      clear: () => clear(store),
    };
  } catch (cause) {
    throw new StorageError('open', 'IndexedDB could not be opened.', { cause });
  } finally {
    clearTimeout(timer);
  }
}
