import type { ClientParts } from './client-parts.js';
import { createGuardedStorage } from './guarded-storage.js';
import { openIndexedDbStorage } from './indexeddb-storage.js';
import { MemoryStorage } from './memory-storage.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createPersistence, type Persistence } from './persistence.js';
import type { ClientOptions, StorageKind } from './types.js';

/** The client's storage: the persisted state and the outbox, both undefined until {@link ClientStorage.open}. */
export interface ClientStorage {
  readonly persistence: Persistence | undefined;
  readonly outbox: Outbox | undefined;
  /** Opens the chosen storage behind guards and drops data of an older schema; once per connection. */
  open(): Promise<Persistence>;
}

/**
 * Opens storage so that it never stops the chat: IndexedDB that is missing, blocked or failing leaves the client
 * in memory, and `state.storage` says so.
 */
export function createClientStorage(
  choice: NonNullable<ClientOptions['storage']>,
  { siteKey, store, report }: Pick<ClientParts, 'siteKey' | 'store' | 'report'>,
): ClientStorage {
  let persistence: Persistence | undefined;
  let outbox: Outbox | undefined;
  const setKind = (storage: StorageKind) => store.dispatch({ type: 'set', fields: { storage } });
  return {
    get persistence() {
      return persistence;
    },
    get outbox() {
      return outbox;
    },
    async open() {
      let kind: StorageKind = choice === 'memory' ? 'memory' : 'indexeddb';
      const adapter =
        choice === 'memory'
          ? new MemoryStorage()
          : choice === 'indexeddb'
            ? await openIndexedDbStorage().catch((error) => {
                kind = 'memory';
                // Without any IndexedDB (Node, old browsers) memory is expected, not an error.
                if (typeof indexedDB !== 'undefined') report(error);
                return new MemoryStorage();
              })
            : choice;
      const storage = createGuardedStorage(adapter, kind, (error) => {
        setKind('memory');
        report(error);
      });
      setKind(kind);
      persistence = createPersistence(storage, siteKey);
      outbox = createOutbox(storage, siteKey);
      await persistence.checkSchema();
      return persistence;
    },
  };
}
