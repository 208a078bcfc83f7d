import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { EventHub } from '../event-hub.js';
import type { VisitorEventRepository } from '../store/chat-store.js';
import type { Cluster } from './cluster.js';
import { deleteOldPayloads, migrateClusterTables } from './postgres-cluster-schema.js';
import { type EventNotification, PostgresEventBus } from './postgres-event-bus.js';
import { PostgresListener } from './postgres-listener.js';
import { NOTIFY_CHANNEL, resolvePayload, type SqlRunner } from './postgres-notifications.js';
import { PostgresPresence, type PresenceNotification, type PresenceTiming } from './postgres-presence.js';
import { PostgresSweepClaims } from './postgres-sweep-claims.js';

/** What a node on PostgreSQL is built on. */
export interface PostgresClusterOptions {
  /** The database (`postgres://…`), for the dedicated listening connection. */
  url: string;
  /** The store's pool. */
  pool: pg.Pool;
  /** The store's event log, read when a durable event is announced. */
  events: VisitorEventRepository;
  hub: EventHub;
  log: (message: string, error?: unknown) => void;
  /** Heartbeat timing of presence (tests shorten it). */
  presence?: PresenceTiming;
}

/**
 * One node of many on one PostgreSQL database (issue 14): events through NOTIFY and one listening connection,
 * presence with heartbeats, sweeps under advisory locks. Each node has a random id for its presence rows.
 */
export function postgresCluster(options: PostgresClusterOptions): Cluster & { nodeId: string } {
  const { pool, hub, log } = options;
  const nodeId = randomUUID();
  const direct: SqlRunner = { rows: async (text, values) => (await pool.query(text, values)).rows };
  const bus = new PostgresEventBus(hub, options.events, direct, log);
  const presence = new PostgresPresence(pool, hub, nodeId, log, options.presence);

  // Notifications are handled one after the other, in the order they came (large ones are read first).
  let queue: Promise<void> = Promise.resolve();
  const receive = (raw: string) => {
    // Handled at once: a read that fails while earlier notifications are still handled is not left unhandled.
    const resolved = raw.startsWith('@')
      ? resolvePayload(direct, raw).catch((error: unknown) => {
          log('Reading a notification’s stored payload failed.', error);
          return undefined;
        })
      : Promise.resolve(raw);
    queue = queue.then(async () => {
      // Nothing may reject this chain: every later notification waits on it.
      try {
        const payload = await resolved;
        if (payload === undefined) return;
        const notification = JSON.parse(payload) as EventNotification | PresenceNotification;
        if (notification.k === 'p') presence.receive(notification);
        else bus.receive(notification);
      } catch (error) {
        log('A notification from another server could not be handled.', error);
      }
    });
  };
  const listener = new PostgresListener(
    options.url,
    NOTIFY_CHANNEL,
    receive,
    () => {
      // Notifications were lost while the connection was down: read presence again, resume visitor streams
      // from their cursors, and end agent streams (agents' events are live only; the console reloads on reconnect).
      presence.reload().catch((error: unknown) => log('Reading presence again failed.', error));
      bus.caughtUp([...hub.onlineVisitors()]);
      hub.closeAgentStreams();
    },
    log,
  );

  return {
    nodeId,
    bus,
    presence,
    claims: new PostgresSweepClaims(pool),
    async sweep() {
      await deleteOldPayloads(pool);
    },
    async start() {
      await migrateClusterTables(pool);
      await bus.start();
      await listener.start();
      await presence.start();
    },
    async close() {
      await presence.close();
      await listener.close();
      await queue.catch(() => undefined);
      await bus.close();
    },
  };
}
