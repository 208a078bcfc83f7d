import type { Session } from '@sapa/protocol';
import { type GuardedStorage, isQuotaError } from './guarded-storage.js';
import type { PersistedSlice } from './reducer.js';
import type { ClientMessage, ClientState } from './types.js';

/** Bumped when the stored shape changes; older data is dropped rather than misread. */
export const STORAGE_SCHEMA_VERSION = 1;
/** Messages kept per conversation in storage. */
export const STORED_MESSAGES_PER_CONVERSATION = 200;
/** Messages kept per conversation after a quota error. */
const TRIMMED_MESSAGES_PER_CONVERSATION = 20;
/** Writes of the state slice are grouped: a burst of stream events costs one write. */
export const PERSIST_THROTTLE_MS = 200;

/** The stored session, shared by the tabs of one site. */
export interface StoredSession extends Session {
  /** When this tab's client got it, to let a sibling tab reuse a fresh one instead of rotating it again. */
  obtainedAt: number;
}

/** What the client remembers about campaigns between visits. */
export interface CampaignMemory {
  visits: number;
  /** Campaign ids shown with frequency `once`: never shown again. */
  shown: string[];
}

/**
 * Persistence as a store subscriber: it writes an allow-listed slice of the state (visitor, conversations, the
 * latest messages, the active conversation), throttled, under a schema version. It never changes the state.
 */
export class Persistence {
  private readonly storage: GuardedStorage;
  private readonly key: (name: string) => string;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest: ClientState | undefined;
  private messagesPerConversation = STORED_MESSAGES_PER_CONVERSATION;
  private writing: Promise<void> = Promise.resolve();

  constructor(storage: GuardedStorage, siteKey: string) {
    this.storage = storage;
    this.key = (name) => `${siteKey}:${name}`;
  }

  /** Drops the stored data of an older schema. */
  async checkSchema(): Promise<void> {
    const version = await this.storage.get<number>(this.key('schema'));
    if (version === STORAGE_SCHEMA_VERSION) return;
    if (version !== undefined) {
      for (const name of ['state', 'cursor', 'session', 'campaigns'])
        await this.storage.delete(this.key(name));
    }
    await this.safeSet(this.key('schema'), STORAGE_SCHEMA_VERSION);
  }

  loadSlice(): Promise<PersistedSlice | undefined> {
    return this.storage.get<PersistedSlice>(this.key('state'));
  }

  loadSession(): Promise<StoredSession | undefined> {
    return this.storage.get<StoredSession>(this.key('session'));
  }

  async saveSession(session: StoredSession): Promise<void> {
    await this.safeSet(this.key('session'), session);
  }

  loadCursor(): Promise<string | undefined> {
    return this.storage.get<string>(this.key('cursor'));
  }

  /** Called after an event was applied, never before: a reload resumes after the last event the state holds. */
  async saveCursor(cursor: string): Promise<void> {
    await this.safeSet(this.key('cursor'), cursor);
  }

  loadCampaignMemory(): Promise<CampaignMemory | undefined> {
    return this.storage.get<CampaignMemory>(this.key('campaigns'));
  }

  async saveCampaignMemory(memory: CampaignMemory): Promise<void> {
    await this.safeSet(this.key('campaigns'), memory);
  }

  /** The store subscriber: schedules a throttled write when an allow-listed field changed. */
  onChange(state: ClientState, previous: ClientState): void {
    if (
      state.visitor === previous.visitor &&
      state.conversations === previous.conversations &&
      state.messages === previous.messages &&
      state.activeConversationId === previous.activeConversationId &&
      state.hasMore === previous.hasMore
    )
      return;
    this.latest = state;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, PERSIST_THROTTLE_MS);
  }

  /** Writes the pending slice now; resolves when it is stored. */
  flush(): Promise<void> {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    const state = this.latest;
    this.latest = undefined;
    if (state) this.writing = this.writing.then(() => this.writeSlice(state));
    return this.writing;
  }

  /** Stops pending writes (disconnect, reset). */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.latest = undefined;
  }

  /** Forgets everything this site stored, the outbox included. */
  async clearAll(): Promise<void> {
    this.cancel();
    await this.writing;
    const prefix = this.key('');
    for (const key of await this.storage.keys()) if (key.startsWith(prefix)) await this.storage.delete(key);
  }

  private async writeSlice(state: ClientState): Promise<void> {
    try {
      await this.storage.set(this.key('state'), this.slice(state));
    } catch (error) {
      if (!isQuotaError(error)) return;
      // Out of quota: keep less history (never the outbox, which lives under its own keys) and try once more.
      this.messagesPerConversation = TRIMMED_MESSAGES_PER_CONVERSATION;
      await this.storage.set(this.key('state'), this.slice(state)).catch(() => {});
    }
  }

  private slice(state: ClientState): PersistedSlice {
    const messages: Record<string, ClientMessage[]> = {};
    const hasMore: Record<string, boolean> = { ...state.hasMore };
    for (const [conversationId, list] of Object.entries(state.messages)) {
      // Pending copies are not history: the outbox restores them.
      const acknowledged = list.filter(
        (message) => message.delivery === undefined || message.delivery === 'sent',
      );
      const kept = acknowledged.slice(-this.messagesPerConversation);
      messages[conversationId] = kept;
      if (kept.length < acknowledged.length) hasMore[conversationId] = true;
    }
    return {
      visitor: state.visitor,
      conversations: state.conversations,
      activeConversationId: state.activeConversationId,
      messages,
      hasMore,
    };
  }

  private async safeSet(key: string, value: unknown): Promise<void> {
    try {
      await this.storage.set(key, value);
    } catch {
      // Quota on a small key: the chat works without it for this page.
    }
  }
}
