import type pg from 'pg';
import type { EventHub } from '../event-hub.js';
import { INLINE_PAYLOAD_BYTES, NOTIFY_CHANNEL } from './postgres-notifications.js';
import type { Presence } from './presence.js';

/** A node's presence change as notified: visitors that came online or left there, and its agent streams. */
export interface PresenceNotification {
  k: 'p';
  /** The node. */
  n: string;
  on: string[];
  off: string[];
  /** 1 while the node holds agent streams. */
  agents: 0 | 1;
  /** The node is leaving: forget it. */
  gone?: 1;
}

/** Options of {@link PostgresPresence}. */
export interface PresenceTiming {
  /** How often a node renews its heartbeat. Default 5 s. */
  heartbeatMs?: number;
  /** How long a heartbeat counts: a node silent this long no longer counts. Default 3 heartbeats. */
  expiryMs?: number;
}

/** Visitor ids per notification, so that one stays well under NOTIFY's 8000 bytes. */
const IDS_PER_NOTIFICATION = Math.floor(INLINE_PAYLOAD_BYTES / 2 / 40);

/**
 * Presence across nodes on PostgreSQL (issue 14). Each node keeps a row in `sapa_nodes` with a heartbeat
 * (renewed every `heartbeatMs`, counted until `expiryMs` after it, on the database's clock) and whether it holds
 * agent streams, and rows in `sapa_visitor_presence` for the visitors it holds streams of. Changes are written in
 * batches (while one write is under way the next changes wait and go together, so a burst of stream opens costs
 * a few statements) and notified to the other nodes, which keep the whole picture in memory: asking whether a
 * visitor or an agent is online costs no query. A node that stops renewing stops counting once its heartbeat
 * expires; a new node reads the picture from the tables at start.
 */
export class PostgresPresence implements Presence {
  /** Other nodes' visitors: visitor → nodes holding a stream of theirs. */
  private readonly visitorNodes = new Map<string, Set<string>>();
  /** Other live nodes → whether they hold agent streams. */
  private readonly nodes = new Map<string, boolean>();
  /** This node's changes not yet written: visitor → online. */
  private readonly pending = new Map<string, boolean>();
  private agentsChanged = false;
  private writing: Promise<void> | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly heartbeatMs: number;
  private readonly expiryMs: number;
  private readonly unsubscribes: Array<() => void> = [];
  private readonly leftListeners = new Set<(visitorIds: string[]) => void>();

  constructor(
    private readonly pool: pg.Pool,
    private readonly hub: EventHub,
    readonly nodeId: string,
    private readonly log: (message: string, error?: unknown) => void,
    timing: PresenceTiming = {},
  ) {
    this.heartbeatMs = timing.heartbeatMs ?? 5_000;
    this.expiryMs = timing.expiryMs ?? 3 * this.heartbeatMs;
  }

  isVisitorOnline(visitorId: string): boolean {
    return this.hub.isVisitorOnline(visitorId) || this.visitorNodes.has(visitorId);
  }

  agentsOnline(): boolean {
    if (this.hub.agentStreamCount > 0) return true;
    for (const agents of this.nodes.values()) if (agents) return true;
    return false;
  }

  onVisitorsLeft(listener: (visitorIds: string[]) => void): () => void {
    this.leftListeners.add(listener);
    return () => this.leftListeners.delete(listener);
  }

  /** Registers this node, reads who is online on the others, and starts the heartbeat. */
  async start(): Promise<void> {
    this.unsubscribes.push(
      this.hub.onVisitorPresenceChange((visitorId, online) => {
        this.pending.set(visitorId, online);
        this.write();
      }),
      this.hub.onAgentPresenceChange(() => {
        this.agentsChanged = true;
        this.write();
      }),
    );
    await this.renew();
    await this.reload();
    this.heartbeat = setInterval(() => {
      this.renew()
        .then(() => this.pruneExpired())
        .catch((error: unknown) => this.log('Renewing this node’s presence failed.', error));
    }, this.heartbeatMs);
    this.heartbeat.unref();
  }

  /** Another node's change arrived. */
  receive(notification: PresenceNotification): void {
    if (notification.n === this.nodeId) return;
    if (notification.gone) {
      this.forgetNode(notification.n);
      return;
    }
    this.nodes.set(notification.n, notification.agents === 1);
    for (const visitorId of notification.on) {
      let holders = this.visitorNodes.get(visitorId);
      if (!holders) {
        holders = new Set();
        this.visitorNodes.set(visitorId, holders);
      }
      holders.add(notification.n);
    }
    for (const visitorId of notification.off) this.dropHolder(visitorId, notification.n);
  }

  /** Reads the whole picture again (after start, each heartbeat, and after notifications may have been lost). */
  async reload(): Promise<void> {
    const [nodes, visitors] = await Promise.all([
      this.pool.query<{ id: string; agent_streams: boolean }>(
        'SELECT id, agent_streams FROM sapa_nodes WHERE expires_at >= now() AND id <> $1',
        [this.nodeId],
      ),
      this.pool.query<{ node_id: string; visitor_id: string }>(
        `SELECT p.node_id, p.visitor_id FROM sapa_visitor_presence p JOIN sapa_nodes n ON n.id = p.node_id
          WHERE n.expires_at >= now() AND n.id <> $1`,
        [this.nodeId],
      ),
    ]);
    this.nodes.clear();
    for (const row of nodes.rows) this.nodes.set(row.id, row.agent_streams);
    this.visitorNodes.clear();
    for (const row of visitors.rows) {
      if (!this.nodes.has(row.node_id)) continue;
      let holders = this.visitorNodes.get(row.visitor_id);
      if (!holders) {
        holders = new Set();
        this.visitorNodes.set(row.visitor_id, holders);
      }
      holders.add(row.node_id);
    }
  }

  /** Stops the heartbeat and removes this node (its visitors and agents stop counting at once). */
  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    await this.writing?.catch(() => undefined);
    const payload = JSON.stringify({ k: 'p', n: this.nodeId, on: [], off: [], agents: 0, gone: 1 });
    await this.pool
      .query('WITH gone AS (DELETE FROM sapa_nodes WHERE id = $1) SELECT pg_notify($2, $3)', [
        this.nodeId,
        NOTIFY_CHANNEL,
        payload,
      ])
      .catch((error: unknown) => this.log('Removing this node’s presence failed.', error));
  }

  /**
   * Forgets the nodes whose heartbeat expired (stopped or cut off), and learns of new ones. The whole picture is
   * not read again here: a notification arriving meanwhile could be overwritten by an older read.
   */
  private async pruneExpired(): Promise<void> {
    const live = await this.pool.query<{ id: string; agent_streams: boolean }>(
      'SELECT id, agent_streams FROM sapa_nodes WHERE expires_at >= now() AND id <> $1',
      [this.nodeId],
    );
    const liveIds = new Set(live.rows.map((row) => row.id));
    for (const nodeId of [...this.nodes.keys()]) if (!liveIds.has(nodeId)) this.forgetNode(nodeId);
    for (const row of live.rows) if (!this.nodes.has(row.id)) this.nodes.set(row.id, row.agent_streams);
  }

  /**
   * Renews this node's heartbeat, and deletes other nodes long expired (their visitor rows go with them). When
   * this node's own heartbeat had lapsed (the event loop or the database stalled), the others have forgotten
   * it: it announces its visitors and agents again.
   */
  private async renew(): Promise<void> {
    const { rows } = await this.pool.query<{ lapsed: boolean }>(
      `WITH previous AS (SELECT expires_at < now() AS lapsed FROM sapa_nodes WHERE id = $1),
            expired AS (DELETE FROM sapa_nodes
                         WHERE id <> $1 AND expires_at < now() - make_interval(secs => $3 / 1000.0) * 10),
            renewed AS (INSERT INTO sapa_nodes (id, agent_streams, expires_at)
                          VALUES ($1, $2, now() + make_interval(secs => $3 / 1000.0))
                          ON CONFLICT (id) DO UPDATE
                          SET agent_streams = EXCLUDED.agent_streams, expires_at = EXCLUDED.expires_at)
       SELECT coalesce((SELECT lapsed FROM previous), true) AS lapsed`,
      [this.nodeId, this.hub.agentStreamCount > 0, this.expiryMs],
    );
    if (!rows[0]?.lapsed) return;
    for (const visitorId of this.hub.onlineVisitors()) this.pending.set(visitorId, true);
    this.agentsChanged = true;
    this.write();
  }

  /** Writes and notifies pending changes: one batch at a time, the next one as soon as it is done. */
  private write(): void {
    if (this.writing) return;
    this.writing = this.writeBatches()
      .catch((error: unknown) => this.log('Writing this node’s presence failed.', error))
      .finally(() => {
        this.writing = undefined;
        if (this.pending.size > 0 || this.agentsChanged) this.write();
      });
  }

  private async writeBatches(): Promise<void> {
    while (this.pending.size > 0 || this.agentsChanged) {
      const on: string[] = [];
      const off: string[] = [];
      for (const [visitorId, online] of this.pending) {
        if (on.length + off.length >= IDS_PER_NOTIFICATION) break;
        (online ? on : off).push(visitorId);
        this.pending.delete(visitorId);
      }
      this.agentsChanged = false;
      const agents = this.hub.agentStreamCount > 0;
      const payload = JSON.stringify({ k: 'p', n: this.nodeId, on, off, agents: agents ? 1 : 0 });
      await this.pool.query(
        `WITH node AS (UPDATE sapa_nodes SET agent_streams = $4 WHERE id = $1),
              added AS (INSERT INTO sapa_visitor_presence (node_id, visitor_id)
                          SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING),
              removed AS (DELETE FROM sapa_visitor_presence WHERE node_id = $1 AND visitor_id = ANY($3::text[]))
         SELECT pg_notify($5, $6)`,
        [this.nodeId, on, off, agents, NOTIFY_CHANNEL, payload],
      );
    }
  }

  private forgetNode(nodeId: string): void {
    this.nodes.delete(nodeId);
    const left: string[] = [];
    for (const [visitorId, holders] of this.visitorNodes) {
      if (!holders.delete(nodeId) || holders.size > 0) continue;
      this.visitorNodes.delete(visitorId);
      if (!this.hub.isVisitorOnline(visitorId)) left.push(visitorId);
    }
    if (left.length === 0) return;
    for (const listener of this.leftListeners) listener(left);
  }

  private dropHolder(visitorId: string, nodeId: string): void {
    const holders = this.visitorNodes.get(visitorId);
    if (!holders) return;
    holders.delete(nodeId);
    if (holders.size === 0) this.visitorNodes.delete(visitorId);
  }
}
