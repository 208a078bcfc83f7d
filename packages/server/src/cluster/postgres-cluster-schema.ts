import type pg from 'pg';
import { PAYLOAD_ROW_TTL_SECONDS } from './postgres-notifications.js';

/** The advisory lock (two-key form) held while the cluster's tables are made; distinct from the store's keys. */
const SCHEMA_LOCK = [0x5aa0, 1] as const;

/**
 * The tables nodes share beside the store's (issue 14), made if missing, under an advisory lock so that nodes
 * starting together do not race: live nodes with their heartbeat (`expires_at`, the database's clock) and
 * whether they hold agent streams; the visitors each node holds streams of; payloads too large for NOTIFY.
 */
export async function migrateClusterTables(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...SCHEMA_LOCK]);
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS sapa_nodes (
          id text PRIMARY KEY,
          agent_streams boolean NOT NULL DEFAULT false,
          expires_at timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sapa_visitor_presence (
          node_id text NOT NULL REFERENCES sapa_nodes (id) ON DELETE CASCADE,
          visitor_id text NOT NULL,
          PRIMARY KEY (node_id, visitor_id)
        );
        CREATE TABLE IF NOT EXISTS sapa_notify_payloads (
          id bigserial PRIMARY KEY,
          payload text NOT NULL,
          created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS sapa_notify_payloads_created ON sapa_notify_payloads (created_at);
      `);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...SCHEMA_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Deletes stored payloads every node has had time to read; returns how many. */
export async function deleteOldPayloads(pool: pg.Pool): Promise<number> {
  const result = await pool.query(
    `DELETE FROM sapa_notify_payloads WHERE created_at < now() - make_interval(secs => $1)`,
    [PAYLOAD_ROW_TTL_SECONDS],
  );
  return result.rowCount ?? 0;
}
