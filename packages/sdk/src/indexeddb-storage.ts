import { clear, createStore, del, get, keys, set, type UseStore } from 'idb-keyval';
import { StorageError } from './errors.js';
import type { StorageAdapter } from './types.js';

/** How long opening the database may take before the client gives up and runs in memory. */
export const STORAGE_OPEN_TIMEOUT_MS = 2_000;

/**
 * IndexedDB through idb-keyval, in our own database (`sapa`, object store `kv`) so nothing collides with the host
 * page's use of idb-keyval's default store.
 */
export class IndexedDbStorage implements StorageAdapter {
  private readonly store: UseStore;

  private constructor(store: UseStore) {
    this.store = store;
  }

  /**
   * Opens the database and proves it works with one read, within {@link STORAGE_OPEN_TIMEOUT_MS}: a blocked upgrade or
   * a browser that hangs IndexedDB in private mode must not hold the chat back.
   */
  static async open(timeoutMs = STORAGE_OPEN_TIMEOUT_MS): Promise<IndexedDbStorage> {
    if (typeof indexedDB === 'undefined') {
      throw new StorageError('open', 'IndexedDB is not available in this environment.');
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // createStore and the first call can throw synchronously (SecurityError in sandboxed frames).
      const store = createStore('sapa', 'kv');
      const probe = get('__probe__', store);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new StorageError('open', `Opening IndexedDB took longer than ${timeoutMs} ms.`)),
          timeoutMs,
        );
      });
      await Promise.race([probe, timeout]);
      return new IndexedDbStorage(store);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError('open', 'IndexedDB could not be opened.', { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  get<T>(key: string): Promise<T | undefined> {
    return guard('get', () => get<T>(key, this.store));
  }

  set(key: string, value: unknown): Promise<void> {
    return guard('set', () => set(key, value, this.store));
  }

  delete(key: string): Promise<void> {
    return guard('delete', () => del(key, this.store));
  }

  async keys(): Promise<string[]> {
    const all = await guard('keys', () => keys(this.store));
    return all.map(String);
  }

  clear(): Promise<void> {
    return guard('clear', () => clear(this.store));
  }
}

/** Turns synchronous throws and rejections alike into a rejected {@link StorageError}. */
async function guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const quota = error instanceof Error && error.name === 'QuotaExceededError';
    throw new StorageError(
      quota ? 'quota' : operation,
      quota
        ? 'The browser refused to store more chat data (storage quota exceeded).'
        : `Storage ${operation} failed in IndexedDB.`,
      { cause: error },
    );
  }
}
