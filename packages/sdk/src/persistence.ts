import type { Session } from '@sapa/protocol';
import { isQuotaError } from './guarded-storage.js';
import { type PersistedSlice, record } from './reducer.js';
import type { ClientMessage, ClientState, StorageAdapter } from './types.js';

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

/** What is stored under each key (`<site>:<name>`) besides the outbox. */
export interface StoredData {
  schema: number;
  state: PersistedSlice;
  session: StoredSession;
  /** Saved after an event was applied, never before: a reload resumes after the last event the state holds. */
  cursor: string;
  campaigns: CampaignMemory;
}

/** The client's storage of one site; see {@link createPersistence}. */
export interface Persistence {
  /** Drops the stored data of an older schema. */
  checkSchema(): Promise<void>;
  load<K extends keyof StoredData>(name: K): Promise<StoredData[K] | undefined>;
  /** Never rejects: without a small key (quota) the chat works on for this page. */
  save<K extends keyof StoredData>(name: K, value: StoredData[K]): Promise<void>;
  /** The store subscriber: schedules a throttled write when an allow-listed field changed. */
  onChange(state: ClientState, previous: ClientState): void;
  /** Writes the pending slice now; resolves when it is stored. */
  flush(): Promise<void>;
  /** Forgets everything this site stored, the outbox included. */
  clearAll(): Promise<void>;
}

/**
 * Persistence as a store subscriber: it writes an allow-listed slice of the state (visitor, conversations, the
 * latest messages, the active conversation), throttled, under a schema version. It never changes the state.
 */
export function createPersistence(storage: StorageAdapter, siteKey: string): Persistence {
  const key = (name: string) => `${siteKey}:${name}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let latest: ClientState | undefined;
  let messagesPerConversation = STORED_MESSAGES_PER_CONVERSATION;
  let writing = Promise.resolve();

  const load = <K extends keyof StoredData>(name: K) => storage.get<StoredData[K]>(key(name));
  // One write per key at a time; saves made while one waits only change the value it will write. A burst of
  // stream events costs a cursor write or two, not one IndexedDB transaction each, queued ahead of the history.
  const writes = new Map<string, Promise<void>>();
  const newest = new Map<string, unknown>();
  const save = (name: keyof StoredData, value: unknown): Promise<void> => {
    const queued = newest.has(name);
    newest.set(name, value);
    if (queued) return writes.get(name) as Promise<void>;
    const write = (writes.get(name) ?? Promise.resolve()).then(() => {
      const latest = newest.get(name);
      newest.delete(name);
      return storage.set(key(name), latest).catch(() => {});
    });
    writes.set(name, write);
    return write;
  };

  const slice = (state: ClientState): PersistedSlice => {
    const messages = record<ClientMessage[]>();
    const hasMore = record(state.hasMore);
    for (const [conversationId, list] of Object.entries(state.messages)) {
      // Pending copies are not history: the outbox restores them.
      const acknowledged = list.filter((message) => message.seq > 0);
      messages[conversationId] = acknowledged.slice(-messagesPerConversation);
      if (acknowledged.length > messagesPerConversation) hasMore[conversationId] = true;
    }
    const { visitor, conversations, activeConversationId } = state;
    return { visitor, conversations, activeConversationId, messages, hasMore };
  };

  const writeSlice = async (state: ClientState) => {
    try {
      await storage.set(key('state'), slice(state));
    } catch (error) {
      if (!isQuotaError(error)) return;
      // Out of quota: keep less history (never the outbox, which lives under its own keys) and try once more.
      messagesPerConversation = TRIMMED_MESSAGES_PER_CONVERSATION;
      await save('state', slice(state));
    }
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const state = latest;
    latest = undefined;
    if (state) writing = writing.then(() => writeSlice(state));
    return writing;
  };

  return {
    async checkSchema() {
      const version = await load('schema');
      if (version === STORAGE_SCHEMA_VERSION) return;
      if (version !== undefined)
        for (const name of ['state', 'cursor', 'session', 'campaigns']) await storage.delete(key(name));
      await save('schema', STORAGE_SCHEMA_VERSION);
    },
    load,
    save,
    onChange(state, previous) {
      if (
        state.visitor === previous.visitor &&
        state.conversations === previous.conversations &&
        state.messages === previous.messages &&
        state.activeConversationId === previous.activeConversationId &&
        state.hasMore === previous.hasMore
      )
        return;
      latest = state;
      timer ??= setTimeout(flush, PERSIST_THROTTLE_MS);
    },
    flush,
    async clearAll() {
      clearTimeout(timer);
      timer = undefined;
      latest = undefined;
      await writing;
      for (const stored of await storage.keys()) if (stored.startsWith(key(''))) await storage.delete(stored);
    },
  };
}
