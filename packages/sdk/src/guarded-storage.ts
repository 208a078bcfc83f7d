import { StorageError } from './errors.js';
import { MemoryStorage } from './memory-storage.js';
import type { StorageAdapter, StorageKind } from './types.js';

/**
 * Wraps the chosen storage so that no storage failure ever reaches the chat: a failing call is reported, the client
 * switches to memory for the rest of the page's life, and the data written so far in this page is kept there.
 * Quota errors are passed to the caller instead, so it can trim history and try again.
 */
export class GuardedStorage {
  private adapter: StorageAdapter;
  kind: StorageKind;
  private readonly onFallback: (error: StorageError) => void;

  constructor(adapter: StorageAdapter, kind: StorageKind, onFallback: (error: StorageError) => void) {
    this.adapter = adapter;
    this.kind = kind;
    this.onFallback = onFallback;
  }

  async get<T>(key: string): Promise<T | undefined> {
    try {
      return await this.adapter.get<T>(key);
    } catch (error) {
      this.fallBack(error, 'get');
      return undefined;
    }
  }

  /** Rejects only with a quota {@link StorageError}; other failures fall back to memory and write there. */
  async set(key: string, value: unknown): Promise<void> {
    try {
      await this.adapter.set(key, value);
    } catch (error) {
      if (isQuotaError(error)) throw error instanceof StorageError ? error : quotaError(error);
      this.fallBack(error, 'set');
      await this.adapter.set(key, value);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.adapter.delete(key);
    } catch (error) {
      this.fallBack(error, 'delete');
    }
  }

  async keys(): Promise<string[]> {
    try {
      return await this.adapter.keys();
    } catch (error) {
      this.fallBack(error, 'keys');
      return [];
    }
  }

  async clear(): Promise<void> {
    try {
      await this.adapter.clear();
    } catch (error) {
      this.fallBack(error, 'clear');
    }
  }

  private fallBack(error: unknown, operation: string): void {
    if (this.kind === 'memory' && this.adapter instanceof MemoryStorage) return;
    this.adapter = new MemoryStorage();
    this.kind = 'memory';
    this.onFallback(
      error instanceof StorageError
        ? error
        : new StorageError(
            operation,
            `Storage ${operation} failed; the chat keeps its data in memory for now.`,
            {
              cause: error,
            },
          ),
    );
  }
}

export function isQuotaError(error: unknown): boolean {
  if (error instanceof StorageError) return error.operation === 'quota';
  return error instanceof Error && error.name === 'QuotaExceededError';
}

function quotaError(cause: unknown): StorageError {
  return new StorageError('quota', 'The browser refused to store more chat data (storage quota exceeded).', {
    cause,
  });
}
