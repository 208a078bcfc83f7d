import type { EventHub } from '../event-hub.js';
import type { ChatStore } from '../store/chat-store.js';
import { PostgresChatStore } from '../store/postgres/postgres-chat-store.js';
import { type Cluster, singleNodeCluster } from './cluster.js';
import { postgresCluster } from './postgres-cluster.js';

/**
 * The cluster a server joins on its store, started: on PostgreSQL (many nodes may share the database) events,
 * presence and sweeps go through it; on SQLite the server is a cluster of one. When starting fails, what it
 * opened is closed again before the error is thrown.
 */
export async function startCluster(options: {
  store: ChatStore;
  /** The PostgreSQL database the store is on, for the listening connection. */
  databaseUrl?: string;
  hub: EventHub;
  log: (message: string, error?: unknown) => void;
  presenceHeartbeatMs?: number;
}): Promise<Cluster> {
  const { store, databaseUrl, hub, log } = options;
  const cluster =
    store instanceof PostgresChatStore && databaseUrl
      ? postgresCluster({
          url: databaseUrl,
          pool: store.connection.pool,
          events: store.events,
          hub,
          log,
          ...(options.presenceHeartbeatMs ? { presence: { heartbeatMs: options.presenceHeartbeatMs } } : {}),
        })
      : singleNodeCluster(hub);
  try {
    await cluster.start();
  } catch (error) {
    await cluster.close().catch(() => undefined);
    throw error;
  }
  return cluster;
}
