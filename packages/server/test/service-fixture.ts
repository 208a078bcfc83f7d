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
import { SqliteChatStore } from '../src/store/sqlite/sqlite-chat-store.js';
import type { CheckpointOptions } from '../src/store/sqlite/sqlite-checkpoints.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Real services on a real SQLite file (in `folder`), without HTTP, and one visitor with one conversation whose
 * live events are collected in `live`. `wrapStore` may change how the services see the store.
 */
export async function startServices(
  wrapStore: (store: SqliteChatStore) => ChatStore = (store) => store,
  { streamRetention = 1000, checkpoints }: { streamRetention?: number; checkpoints?: CheckpointOptions } = {},
) {
  const folder = mkdtempSync(join(tmpdir(), 'sapa-services-'));
  const database = openDatabase(join(folder, 'sapa.db'));
  const sqlite = new SqliteChatStore(database, undefined, checkpoints ? { checkpoints } : {});
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  cleanups.push(() => sqlite.close());
  const store = wrapStore(sqlite);
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
    uploadDir: folder,
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
    /** Runs SQL on the database directly (to make a step fail). */
    execute: (sql: string) => void database.exec(sql),
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
