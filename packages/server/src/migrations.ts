/**
 * The database schema as an ordered list of migrations. A migration is never edited once released:
 * a change is a new entry at the end. `schema_version` records how many have run.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: visitors, sessions, conversations, messages, uploads, the per-visitor event log, campaign caps.
  `
  CREATE TABLE visitors (
    id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL,
    user_id TEXT,
    verified INTEGER NOT NULL DEFAULT 0,
    name TEXT,
    email TEXT,
    phone TEXT,
    attributes TEXT NOT NULL DEFAULT '{}',
    locale TEXT,
    page TEXT,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    merged_into TEXT,
    pruned_through INTEGER NOT NULL DEFAULT 0
  );
  CREATE UNIQUE INDEX visitors_verified_user ON visitors (site_key, user_id) WHERE verified = 1;

  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    visitor_id TEXT NOT NULL REFERENCES visitors (id),
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX sessions_visitor ON sessions (visitor_id);

  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL,
    visitor_id TEXT NOT NULL REFERENCES visitors (id),
    client_conversation_id TEXT,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    last_seq INTEGER NOT NULL DEFAULT 0,
    visitor_read_seq INTEGER NOT NULL DEFAULT 0,
    agent_read_seq INTEGER NOT NULL DEFAULT 0,
    assignee TEXT,
    rating TEXT,
    handed_over INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX conversations_visitor ON conversations (visitor_id, updated_at);
  CREATE INDEX conversations_updated ON conversations (updated_at);

  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    seq INTEGER NOT NULL,
    client_message_id TEXT,
    request_key TEXT,
    author TEXT NOT NULL,
    type TEXT NOT NULL,
    text TEXT,
    attachments TEXT,
    actions TEXT,
    card TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (conversation_id, seq)
  );
  CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, client_message_id)
    WHERE client_message_id IS NOT NULL;

  CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    site_key TEXT NOT NULL,
    owner TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mime TEXT NOT NULL,
    created_at TEXT NOT NULL
  );

  CREATE TABLE visitor_events (
    cursor INTEGER PRIMARY KEY AUTOINCREMENT,
    visitor_id TEXT NOT NULL,
    type TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE INDEX visitor_events_visitor ON visitor_events (visitor_id, cursor);

  CREATE TABLE campaign_deliveries (
    visitor_id TEXT NOT NULL,
    delivery_key TEXT NOT NULL,
    delivered_at TEXT NOT NULL,
    PRIMARY KEY (visitor_id, delivery_key)
  );
  `,
  // 2: the author's role as a column, so unread counts are an index range instead of a scan of every message.
  `
  ALTER TABLE messages ADD COLUMN author_role TEXT;
  UPDATE messages SET author_role = json_extract(author, '$.role');
  CREATE INDEX messages_role ON messages (conversation_id, author_role, seq);
  `,
  // 3 (issue 13): named agents with their own tokens (stored as hashes); uploads know whether a message uses them
  // (unattached ones are swept after a day) and are counted per owner for the upload quota; the agent inbox is
  // paged by (updated_at, id).
  `
  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX agents_name ON agents (lower(name));

  ALTER TABLE uploads ADD COLUMN attached_at TEXT;
  UPDATE uploads SET attached_at = created_at WHERE id IN (
    SELECT json_extract(attachment.value, '$.id') FROM messages, json_each(messages.attachments) AS attachment
    WHERE messages.attachments IS NOT NULL
  );
  CREATE INDEX uploads_owner ON uploads (owner, created_at);
  CREATE INDEX uploads_unattached ON uploads (created_at) WHERE attached_at IS NULL;

  CREATE INDEX conversations_inbox ON conversations (updated_at, id);
  CREATE INDEX conversations_status_inbox ON conversations (status, updated_at, id);
  `,
];
