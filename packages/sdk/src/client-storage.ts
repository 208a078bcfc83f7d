import type { ClientParts } from './client-parts.js';
import { createGuardedStorage } from './guarded-storage.js';
import { openIndexedDbStorage } from './indexeddb-storage.js';
import { MemoryStorage } from './memory-storage.js';
import { createOutbox, type Outbox } from './outbox.js';
import { createPersistence, type Persistence } from './persistence.js';
import type { StorageKind } from './types.js';

/** The client's open storage: the persisted state and the outbox, both undefined until {@link openClientStorage}. */
export interface ClientStorage {
  persistence?: Persistence;
  outbox?: Outbox;
}

/**
 * Opens the chosen storage behind guards, drops data of an older schema, and puts it in `parts.storage`. Storage
 * never stops the chat: IndexedDB that is missing, blocked or failing leaves the client in memory, and
 * `state.storage` says so.
 */
export async function openClientStorage(
  parts: Pick<ClientParts, 'siteKey' | 'storageChoice' | 'set' | 'report' | 'storage'>,
): Promise<Persistence> {
  const { storageChoice: choice, report } = parts;
  const setKind = (storage: StorageKind) => parts.set({ storage });
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
  const persistence = createPersistence(storage, parts.siteKey);
  parts.storage.persistence = persistence;
  parts.storage.outbox = createOutbox(storage, parts.siteKey);
  await persistence.checkSchema();
  return persistence;
}
