/** The IndexedDB database the SDK keeps its data in (object store `kv`), one per origin, with keys per site. */
export const DATABASE_NAME = 'sapa';

/**
 * Forgets the visitor this browser stored for the chat — session, history, stream cursor and outbox — without
 * creating a client or loading the rest of the SDK: it deletes the SDK's IndexedDB database. Made for a page where
 * no client runs yet (the widget's loader forgets the visitor before the chat was ever opened); a running client
 * forgets with `client.reset()`, which clears the same data through the storage it holds open (deleting a
 * database that a page holds open would wait until that page closes). Does nothing where there is no IndexedDB.
 *
 * @example
 * ```ts
 * import { forgetStoredVisitor } from '@sapa/sdk';
 * logoutButton.addEventListener('click', () => forgetStoredVisitor());
 * ```
 */
export function forgetStoredVisitor(): void {
  // try/catch rather than `globalThis.indexedDB?.`: the same safety in Node, 20 B less in the loader it ships in.
  try {
    indexedDB.deleteDatabase(DATABASE_NAME);
  } catch {}
}
