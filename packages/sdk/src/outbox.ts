import type { SendMessageRequest } from '@sapa/protocol';
import type { StorageAdapter } from './types.js';

/** A message waiting for the backend's acknowledgement. */
export interface OutboxItem {
  clientMessageId: string;
  conversationId: string;
  body: SendMessageRequest;
  /** ISO time the visitor sent it, for the optimistic copy. */
  createdAt: string;
}

/** The outbox of one site; see {@link createOutbox}. */
export interface Outbox {
  put(item: OutboxItem): Promise<void>;
  remove(clientMessageId: string): Promise<void>;
  get(clientMessageId: string): Promise<OutboxItem | undefined>;
  /** Every waiting item, oldest first. */
  list(): Promise<OutboxItem[]>;
}

/**
 * The outbox: one storage key per item (`<site>:outbox:<clientMessageId>`), written before the first try and removed
 * only after the backend acknowledged the message, so a reload, a crash or going offline loses nothing. One key per
 * item means tabs never overwrite each other's sends. History trimming never touches these keys.
 */
export function createOutbox(storage: StorageAdapter, siteKey: string): Outbox {
  const prefix = `${siteKey}:outbox:`;
  const get = (clientMessageId: string) => storage.get<OutboxItem>(prefix + clientMessageId);
  return {
    put: (item) => storage.set(prefix + item.clientMessageId, item),
    remove: (clientMessageId) => storage.delete(prefix + clientMessageId),
    get,
    async list() {
      const items: OutboxItem[] = [];
      for (const key of await storage.keys()) {
        const item = key.startsWith(prefix) && (await get(key.slice(prefix.length)));
        if (item) items.push(item);
      }
      return items.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
    },
  };
}
