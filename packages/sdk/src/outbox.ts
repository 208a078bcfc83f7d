import type { SendMessageRequest } from '@sapa/protocol';
import type { GuardedStorage } from './guarded-storage.js';

/** A message waiting for the backend's acknowledgement. */
export interface OutboxItem {
  clientMessageId: string;
  conversationId: string;
  body: SendMessageRequest;
  /** ISO time the visitor sent it, for the optimistic copy. */
  createdAt: string;
}

/**
 * The outbox: one storage key per item (`<site>:outbox:<clientMessageId>`), written before the first try and removed
 * only after the backend acknowledged the message, so a reload, a crash or going offline loses nothing. One key per
 * item means tabs never overwrite each other's sends. History trimming never touches these keys.
 */
export class Outbox {
  private readonly storage: GuardedStorage;
  private readonly prefix: string;

  constructor(storage: GuardedStorage, siteKey: string) {
    this.storage = storage;
    this.prefix = `${siteKey}:outbox:`;
  }

  async put(item: OutboxItem): Promise<void> {
    await this.storage.set(this.prefix + item.clientMessageId, item);
  }

  async remove(clientMessageId: string): Promise<void> {
    await this.storage.delete(this.prefix + clientMessageId);
  }

  async get(clientMessageId: string): Promise<OutboxItem | undefined> {
    return this.storage.get<OutboxItem>(this.prefix + clientMessageId);
  }

  /** Every waiting item, oldest first. */
  async list(): Promise<OutboxItem[]> {
    const keys = (await this.storage.keys()).filter((key) => key.startsWith(this.prefix));
    const items: OutboxItem[] = [];
    for (const key of keys) {
      const item = await this.storage.get<OutboxItem>(key);
      if (item) items.push(item);
    }
    return items.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  }
}
