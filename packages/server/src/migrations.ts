import { newConversationReference } from './conversation-reference.js';
import type { SqliteDatabase } from './database.js';
import { newId } from './ids.js';

/**
 * One step of the schema: SQL, and for steps that must fill new columns with values SQL cannot make (random
 * references), a backfill that runs after the SQL in the same transaction.
 */
export type Migration = string | { sql: string; backfill(database: SqliteDatabase): void };

/**
 * The database schema as an ordered list of migrations. A migration is never edited once released:
 * a change is a new entry at the end. `schema_version` records how many have run.
 */
export const MIGRATIONS: readonly Migration[] = [
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
  // 4: customer care (issue 12): conversation references, resolution times and the campaign a conversation came
  // from; where each profile value came from; surveys on messages; every campaign send with what it said; ratings
  // and NPS answers; the events that count rules need; delayed sends; and email notifications of replies.
  {
    sql: `
    ALTER TABLE conversations ADD COLUMN reference TEXT;
    ALTER TABLE conversations ADD COLUMN resolved_at TEXT;
    ALTER TABLE conversations ADD COLUMN campaign_send_id TEXT;
    ALTER TABLE conversations ADD COLUMN awaiting_send_id TEXT;
    ALTER TABLE conversations ADD COLUMN awaiting_comment_id TEXT;
    CREATE INDEX conversations_resolved ON conversations (status, resolved_at);

    ALTER TABLE visitors ADD COLUMN sources TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE messages ADD COLUMN survey TEXT;

    CREATE TABLE campaign_sends (
      id TEXT PRIMARY KEY,
      site_key TEXT NOT NULL,
      campaign_id TEXT NOT NULL,
      kind TEXT NOT NULL,
      visitor_id TEXT NOT NULL,
      payload TEXT,
      sent_at TEXT NOT NULL,
      seen_at TEXT,
      answered_at TEXT,
      conversation_id TEXT
    );
    CREATE INDEX campaign_sends_visitor ON campaign_sends (visitor_id, campaign_id, sent_at);
    CREATE INDEX campaign_sends_site ON campaign_sends (site_key, sent_at);
    CREATE INDEX campaign_sends_campaign ON campaign_sends (campaign_id, sent_at);
    CREATE INDEX campaign_sends_conversation ON campaign_sends (conversation_id);

    CREATE TABLE feedback (
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
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX feedback_site ON feedback (site_key, created_at);
    CREATE INDEX feedback_conversation ON feedback (conversation_id, kind, created_at);

    CREATE TABLE tracked_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      visitor_id TEXT NOT NULL,
      name TEXT NOT NULL,
      properties TEXT NOT NULL,
      tracked_at TEXT NOT NULL
    );
    CREATE INDEX tracked_events_visitor ON tracked_events (visitor_id, name, tracked_at);
    CREATE INDEX tracked_events_time ON tracked_events (tracked_at);

    CREATE TABLE scheduled_sends (
      visitor_id TEXT NOT NULL,
      campaign_id TEXT NOT NULL,
      site_key TEXT NOT NULL,
      properties TEXT NOT NULL,
      due_at TEXT NOT NULL,
      PRIMARY KEY (visitor_id, campaign_id)
    );
    CREATE INDEX scheduled_sends_due ON scheduled_sends (due_at);

    CREATE TABLE conversation_emails (
      conversation_id TEXT PRIMARY KEY,
      due_at TEXT,
      sent_at TEXT,
      sent_through_seq INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX conversation_emails_due ON conversation_emails (due_at);
    `,
    backfill(database) {
      // Every existing conversation gets a reference, unique per site, as new ones do at creation.
      const conversations = database
        .prepare('SELECT id, site_key FROM conversations WHERE reference IS NULL')
        .all() as Array<{ id: string; site_key: string }>;
      const taken = new Set<string>();
      const assign = database.prepare('UPDATE conversations SET reference = ? WHERE id = ?');
      for (const conversation of conversations) {
        let reference: string;
        let attempt = 0;
        do reference = newConversationReference(attempt++);
        while (taken.has(`${conversation.site_key} ${reference}`));
        taken.add(`${conversation.site_key} ${reference}`);
        assign.run(reference, conversation.id);
      }
      database.exec('CREATE UNIQUE INDEX conversations_reference ON conversations (site_key, reference)');
      // What campaign_deliveries capped (once per visitor; dates once a year, keyed `id:year`) becomes sends,
      // so nobody gets a campaign again because the log is new.
      const deliveries = database
        .prepare(
          `SELECT d.visitor_id, d.delivery_key, d.delivered_at, v.site_key FROM campaign_deliveries d
             JOIN visitors v ON v.id = d.visitor_id`,
        )
        .all() as Array<{ visitor_id: string; delivery_key: string; delivered_at: string; site_key: string }>;
      const insert = database.prepare(
        `INSERT INTO campaign_sends (id, site_key, campaign_id, kind, visitor_id, sent_at)
           VALUES (?, ?, ?, 'event', ?, ?)`,
      );
      for (const delivery of deliveries) {
        insert.run(
          newId('s'),
          delivery.site_key,
          delivery.delivery_key.replace(/:\d{4}$/, ''),
          delivery.visitor_id,
          delivery.delivered_at,
        );
      }
      database.exec('DROP TABLE campaign_deliveries');
    },
  },
  // 5 (issue 14): a message is stored once. The event log refers to a new message instead of holding a copy of
  // its JSON (a replay reads the message row, so it shows the message as it is now), and is keyed by visitor and
  // cursor (no separate index); the newest cursor ever handed out is kept in visitor_event_head. Messages get a
  // stable integer key for those references, lose the unique index on their random id (nothing looks a message
  // up by it) and the role index (unread counts are kept per conversation in memory and counted from seq). A
  // visitor's conversations are found by visitor alone (they are few; sorted after), so a message's new
  // updated_at no longer rewrites an entry of that index too; the inbox index of migration 3 (updated_at, id)
  // serves what conversations_updated did.
  `
  DROP INDEX conversations_visitor;
  CREATE INDEX conversations_visitor ON conversations (visitor_id);
  DROP INDEX conversations_updated;

  CREATE TABLE messages_keyed (
    key INTEGER PRIMARY KEY,
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
  INSERT INTO messages_keyed (key, id, conversation_id, seq, client_message_id, request_key, author, author_role,
      type, text, attachments, actions, card, survey, created_at)
    SELECT rowid, id, conversation_id, seq, client_message_id, request_key, author,
      COALESCE(author_role, json_extract(author, '$.role')), type, text, attachments, actions, card, survey,
      created_at
    FROM messages ORDER BY rowid;
  DROP TABLE messages;
  ALTER TABLE messages_keyed RENAME TO messages;
  CREATE UNIQUE INDEX messages_seq ON messages (conversation_id, seq);
  CREATE UNIQUE INDEX messages_client_id ON messages (conversation_id, client_message_id)
    WHERE client_message_id IS NOT NULL;

  CREATE TABLE visitor_events_keyed (
    visitor_id TEXT NOT NULL,
    cursor INTEGER NOT NULL,
    type TEXT NOT NULL,
    message_key INTEGER,
    data TEXT,
    PRIMARY KEY (visitor_id, cursor)
  ) WITHOUT ROWID;
  INSERT INTO visitor_events_keyed (visitor_id, cursor, type, message_key, data)
    SELECT event.visitor_id, event.cursor, event.type, message.key,
      CASE WHEN message.key IS NULL THEN event.data END
    FROM visitor_events AS event LEFT JOIN messages AS message
      ON event.type IN ('message.created', 'message.updated')
      AND message.conversation_id = json_extract(event.data, '$.message.conversationId')
      AND message.seq = json_extract(event.data, '$.message.seq');
  CREATE TABLE visitor_event_head (position INTEGER NOT NULL);
  INSERT INTO visitor_event_head (position) SELECT MAX(
    COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'visitor_events'), 0),
    COALESCE((SELECT MAX(cursor) FROM visitor_events), 0));
  DROP TABLE visitor_events;
  ALTER TABLE visitor_events_keyed RENAME TO visitor_events;
  `,
];
