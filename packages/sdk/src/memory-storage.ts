import type { StorageAdapter } from './types.js';

/** Storage that lives as long as the page: the fallback when IndexedDB is missing or failing, and the Node default. */
export class MemoryStorage implements StorageAdapter {
  private readonly entries = new Map<string, unknown>();

  async get<T>(key: string): Promise<T | undefined> {
    return structuredClone(this.entries.get(key)) as T | undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    this.entries.set(key, structuredClone(value));
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  async keys(): Promise<string[]> {
    return [...this.entries.keys()];
  }

  async clear(): Promise<void> {
    this.entries.clear();
  }
}
