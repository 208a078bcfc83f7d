import type pg from 'pg';
import { SchemaVersionError } from '../../database.js';
import { LOCKS } from './postgres-connection.js';

/**
 * The PostgreSQL schema as an ordered list of migrations, like SQLite's (`src/migrations.ts`): a migration is
 * never edited once released; a change is a new entry at the end; `schema_version` records how many have run.
 * It starts where SQLite's schema is now (issue 14), with the same tables and columns, so one row mapper serves
 * both stores: flags are integers 0/1, times ISO 8601 text, JSON text. Text that is compared or sorted (ids,
 * times) uses the "C" collation, byte order, as SQLite does, whatever the database's locale. Rows that SQLite
 * orders by `rowid` get a `key` (an identity column) instead.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  // 1 (issue 14): every table of SQLite's schema 5, the event cursor as a sequence, and upload bytes in the
  // database, so that any number of servers share them.
  `
  CREATE TABLE visitors (
    id TEXT COLLATE "C" PRIMARY KEY,
    site_key TEXT NOT NULL,
    user_id TEXT,
    verified INTEGER NOT NULL DEFAULT 0,
    name TEXT,
    email TEXT,
    phone TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    locale TEXT,
    page TEXT,
    created_at TEXT COLLATE "C" NOT NULL,
    last_seen_at TEXT COLLATE "C" NOT NULL,
    merged_into TEXT,
    pruned_through BIGINT NOT NULL DEFAULT 0,
    sources TEXT NOT NULL DEFAULT '{}'
  );
  CREATE UNIQUE INDEX visitors_verified_user ON visitors (site_key, user_id) WHERE verified = 1;

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    visitor_id TEXT NOT NULL REFERENCES visitors (id),
    expires_at TEXT COLLATE "C" NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX sessions_visitor ON sessions (visitor_id);
  CREATE INDEX sessions_expiry ON sessions (expires_at);

  CREATE TABLE conversations (
    key BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT COLLATE "C" PRIMARY KEY,
    site_key TEXT NOT NULL,
    visitor_id TEXT NOT NULL REFERENCES visitors (id),
    client_conversation_id TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    visitor_read_seq INTEGER NOT NULL DEFAULT 0,
    agent_read_seq INTEGER NOT NULL DEFAULT 0,
    assignee TEXT,
    rating TEXT,
    handed_over INTEGER NOT NULL DEFAULT 0,
    reference TEXT NOT NULL,
    resolved_at TEXT COLLATE "C",
    campaign_send_id TEXT,
    awaiting_send_id TEXT,
    awaiting_comment_id TEXT
  );
  CREATE INDEX conversations_visitor ON conversations (visitor_id);
  CREATE INDEX conversations_inbox ON conversations (updated_at, id);
  CREATE INDEX conversations_status_inbox ON conversations (status, updated_at, id);
  CREATE INDEX conversations_resolved ON conversations (status, resolved_at);
  CREATE UNIQUE INDEX conversations_reference ON conversations (site_key, reference);

  CREATE TABLE messages (
    key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    seq INTEGER NOT NULL,
    client_message_id TEXT,
    request_key TEXT,
    author TEXT NOT NULL,
    author_role TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT,
    attachments TEXT,
    actions TEXT,
    card TEXT,
    survey TEXT,
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX messages_seq ON messages (conversation_id, seq);
  CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, client_message_id)
    WHERE client_message_id IS NOT NULL;

  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    created_at TEXT COLLATE "C" NOT NULL,
    attached_at TEXT
  );
  CREATE INDEX uploads_owner ON uploads (owner, created_at);
  CREATE INDEX uploads_unattached ON uploads (created_at) WHERE attached_at IS NULL;

  CREATE TABLE upload_bytes (
    id TEXT PRIMARY KEY,
    bytes BYTEA NOT NULL
  );

  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT COLLATE "C" NOT NULL
  );
  CREATE UNIQUE INDEX agents_name ON agents (lower(name));

  CREATE TABLE visitor_events (
    visitor_id TEXT NOT NULL,
    cursor BIGINT NOT NULL,
    type TEXT NOT NULL,
    message_key BIGINT,
    data TEXT,
    PRIMARY KEY (visitor_id, cursor)
  );
  CREATE SEQUENCE visitor_event_cursor;

  CREATE TABLE campaign_sends (
    key BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    visitor_id TEXT NOT NULL,
    payload TEXT,
    sent_at TEXT COLLATE "C" NOT NULL,
    seen_at TEXT COLLATE "C",
    answered_at TEXT COLLATE "C",
    conversation_id TEXT
  );
  CREATE INDEX campaign_sends_visitor ON campaign_sends (visitor_id, campaign_id, sent_at);
  CREATE INDEX campaign_sends_site ON campaign_sends (site_key, sent_at);
  CREATE INDEX campaign_sends_campaign ON campaign_sends (campaign_id, sent_at);
  CREATE INDEX campaign_sends_conversation ON campaign_sends (conversation_id);

  CREATE TABLE feedback (
    key BIGINT GENERATED ALWAYS AS IDENTITY,
    id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    score INTEGER NOT NULL,
    comment TEXT,
    campaign_id TEXT,
    send_id TEXT,
    agent TEXT,
    agent_id TEXT,
    created_at TEXT COLLATE "C" NOT NULL,
    updated_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX feedback_site ON feedback (site_key, created_at);
  CREATE INDEX feedback_conversation ON feedback (conversation_id, kind, created_at);

  CREATE TABLE tracked_events (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    visitor_id TEXT NOT NULL,
    name TEXT NOT NULL,
    properties TEXT NOT NULL,
    tracked_at TEXT COLLATE "C" NOT NULL
  );
  CREATE INDEX tracked_events_visitor ON tracked_events (visitor_id, name, tracked_at);
  CREATE INDEX tracked_events_time ON tracked_events (tracked_at);

  CREATE TABLE scheduled_sends (
    visitor_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    site_key TEXT NOT NULL,
    properties TEXT NOT NULL,
    due_at TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (visitor_id, campaign_id)
  );
  CREATE INDEX scheduled_sends_due ON scheduled_sends (due_at);

  CREATE TABLE conversation_emails (
    conversation_id TEXT PRIMARY KEY,
    due_at TEXT COLLATE "C",
    sent_at TEXT,
    sent_through_seq INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX conversation_emails_due ON conversation_emails (due_at);
  `,
];

/**
 * The advisory lock (two-key form, keys of this store's own) held while migrating, so that servers starting
 * at once on one database migrate it one after the other: the first runs the migrations, the others find them
 * done.
 */
export const MIGRATION_LOCK = [LOCKS.migrations, 1] as const;

/**
 * Runs the migrations the database has not had yet, in one transaction, under {@link MIGRATION_LOCK}.
 * @throws {SchemaVersionError} when the database is newer than this server
 */
export async function migratePostgres(pool: pg.Pool, migrations = POSTGRES_MIGRATIONS): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      await client.query('BEGIN');
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_version');
      const current = rows[0]?.version ?? 0;
      if (current > migrations.length) throw new SchemaVersionError(current, migrations.length);
      for (let version = current; version < migrations.length; version++)
        await client.query(migrations[version] as string);
      if (rows[0] === undefined)
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migrations.length]);
      else await client.query('UPDATE schema_version SET version = $1', [migrations.length]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
