import { StorageError } from './errors.js';
import { MemoryStorage } from './memory-storage.js';
import type { StorageAdapter, StorageKind } from './types.js';

/** The chosen storage behind guards; `kind` turns to `memory` after a failure. */
export interface GuardedStorage extends StorageAdapter {
  readonly kind: StorageKind;
}

/**
 * Wraps the chosen storage so that no storage failure ever reaches the chat: a failing call (rejected or thrown
 * synchronously) is reported, the client switches to memory for the rest of the page's life, and the data written
 * so far in this page is kept there. Quota errors are passed to the caller instead, so it can trim history and try
 * again.
 */
export function createGuardedStorage(
  adapter: StorageAdapter,
  kind: StorageKind,
  onFallback: (error: StorageError) => void,
): GuardedStorage {
  const guard =
    <T>(operation: keyof StorageAdapter, fallback?: T) =>
    async (...args: [string, unknown?]): Promise<T> => {
      try {
        return await (adapter[operation] as (...args: unknown[]) => Promise<T>)(...args);
      } catch (error) {
        if (operation === 'set' && isQuotaError(error))
          throw new StorageError('quota', 'The browser refused to store more chat data: its quota is full.', {
            cause: error,
          });
        if (kind !== 'memory') {
          adapter = new MemoryStorage();
          kind = 'memory';
          onFallback(
            error instanceof StorageError
              ? error
              : new StorageError(
                  operation,
                  `Storage ${operation} failed; the chat keeps its data in memory now.`,
                  {
                    cause: error,
                  },
                ),
          );
        }
        // A write still lands, in memory.
        return operation === 'set'
          ? (adapter.set(...(args as [string, unknown])) as Promise<T>)
          : (fallback as T);
      }
    };
  return {
    get kind() {
      return kind;
    },
    get: guard('get'),
    set: guard('set'),
    delete: guard('delete'),
    keys: guard('keys', []),
    clear: guard('clear'),
  } as unknown as GuardedStorage;
}

/** A browser's quota error, or our own made from it. */
export function isQuotaError(error: unknown): boolean {
  const { name, operation } = error as { name?: string; operation?: string };
  return name === 'QuotaExceededError' || operation === 'quota';
}
