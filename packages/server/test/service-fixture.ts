import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { singleNodeCluster } from '../src/cluster/cluster.js';
import { openDatabase } from '../src/database.js';
import { EventHub, type OutgoingEvent } from '../src/event-hub.js';
import { AgentViews } from '../src/services/agent-views.js';
import { createServices } from '../src/services/create-services.js';
import { FanOut } from '../src/services/fan-out.js';
import { resolveSite } from '../src/site-config.js';
import type { ChatStore } from '../src/store/chat-store.js';
import { PostgresChatStore } from '../src/store/postgres/postgres-chat-store.js';
import { SqliteChatStore } from '../src/store/sqlite/sqlite-chat-store.js';
import type { CheckpointOptions } from '../src/store/sqlite/sqlite-checkpoints.js';
import { FolderUploadBytes } from '../src/upload-bytes.js';
import { createTestDatabase, onPostgres } from './postgres-test-database.js';
import { readRows, type StoredData } from './stored-rows.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The store of a service fixture, and how to run SQL on its database directly (to make a step fail). */
async function openStore(
  folder: string,
  checkpoints: CheckpointOptions | undefined,
): Promise<{ store: ChatStore; data: StoredData; execute(sql: string): Promise<void> }> {
  if (onPostgres()) {
    const database = await createTestDatabase();
    cleanups.push(() => database.drop());
    const store = await PostgresChatStore.open(database.url);
    cleanups.push(() => store.close());
    return {
      store,
      data: { postgresUrl: database.url },
      execute: async (sql) => void (await store.connection.pool.query(sql)),
    };
  }
  const sqlitePath = join(folder, 'sapa.db');
  const database = openDatabase(sqlitePath);
  const store = new SqliteChatStore(database, undefined, checkpoints ? { checkpoints } : {});
  cleanups.push(() => store.close());
  return { store, data: { sqlitePath }, execute: async (sql) => void database.exec(sql) };
}

/**
 * Makes the database refuse new rows of a table with `reason` (a trigger: SQLite's, or PostgreSQL's with its
 * function), so a step of a transaction fails; returns the function that lets them in again.
 */
async function refuseInserts(
  execute: (sql: string) => Promise<void>,
  table: string,
  reason: string,
): Promise<() => Promise<void>> {
  if (onPostgres()) {
    await execute(`CREATE FUNCTION refuse_${table}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '${reason}'; END $$;
      CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION refuse_${table}()`);
    return () => execute(`DROP TRIGGER refuse_${table} ON ${table}; DROP FUNCTION refuse_${table}()`);
  }
  await execute(`CREATE TRIGGER refuse_${table} BEFORE INSERT ON ${table}
    BEGIN SELECT RAISE(ABORT, '${reason}'); END`);
  return () => execute(`DROP TRIGGER refuse_${table}`);
}

/**
 * Real services on a real SQLite file (in `folder`), or a fresh PostgreSQL database in the `server-postgres`
 * project, without HTTP, and one visitor with one conversation whose live events are collected in `live`.
 * `wrapStore` may change how the services see the store.
 */
export async function startServices(
  wrapStore: (store: ChatStore) => ChatStore = (store) => store,
  { streamRetention = 1000, checkpoints }: { streamRetention?: number; checkpoints?: CheckpointOptions } = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'sapa-services-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const { store: opened, data, execute } = await openStore(folder, checkpoints);
  const store = wrapStore(opened);
  const hub = new EventHub();
  const { bus, presence } = singleNodeCluster(hub);
  const sites = new Map([['demo', resolveSite({ siteKey: 'demo', name: 'Quiet', bot: false }, 0)]]);
  const services = createServices({
    store,
    hub,
    bus,
    presence,
    sites,
    streamRetention,
    uploadBytes: new FolderUploadBytes(folder),
    log: () => {},
  });
  const fanOut = new FanOut(store, bus, presence, new AgentViews(presence), streamRetention);
  const session = await services.sessions.start('demo', undefined);
  const visitor = await services.sessions.authenticate(session.token);
  const { conversation } = await services.conversations.create(visitor, 'first');
  const live: OutgoingEvent[] = [];
  hub.subscribeVisitor(visitor.visitor.id, (event) => live.push(event));
  const storedEvents = async () => store.events.after(visitor.visitor.id, 0);
  const messageEvents = async () =>
    (await storedEvents()).filter((event) => event.type === 'message.created');
  return {
    /** Runs SQL on the database directly (to change a row behind the store's back). */
    execute,
    /** Rows read straight from the database (see {@link readRows}). */
    read: (sql: string) => readRows(data, sql),
    /** Makes the database refuse new rows of a table, to make a step fail; resolves to the undo. */
    refuseInserts: (table: string, reason: string) => refuseInserts(execute, table, reason),
    folder,
    store,
    hub,
    services,
    fanOut,
    session,
    visitor,
    conversationId: conversation.id,
    live,
    messageEvents,
  };
}
