import type { ConversationEmailRepository } from '../chat-store.js';
import type { ConversationEmailState } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

export interface ConversationEmailRow {
  conversation_id: string;
  due_at: string | null;
  sent_at: string | null;
  sent_through_seq: number;
}

export function toState(row: ConversationEmailRow): ConversationEmailState {
  const state: ConversationEmailState = {
    conversationId: row.conversation_id,
    sentThroughSeq: row.sent_through_seq,
  };
  if (row.due_at !== null) state.dueAt = row.due_at;
  if (row.sent_at !== null) state.sentAt = row.sent_at;
  return state;
}

/** The `conversation_emails` table on SQLite. */
export class SqliteConversationEmails implements ConversationEmailRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  get(conversationId: string): Promise<ConversationEmailState | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT * FROM conversation_emails WHERE conversation_id = ?')
        .get(conversationId) as ConversationEmailRow | undefined;
      return row && toState(row);
    });
  }

  schedule(conversationId: string, dueAt: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql(
          `INSERT INTO conversation_emails (conversation_id, due_at) VALUES (?, ?)
             ON CONFLICT (conversation_id) DO UPDATE SET due_at = COALESCE(conversation_emails.due_at, excluded.due_at)`,
        )
        .run(conversationId, dueAt);
    });
  }

  due(at: string, limit: number): Promise<ConversationEmailState[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('SELECT * FROM conversation_emails WHERE due_at <= ? ORDER BY due_at LIMIT ?')
        .all(at, limit) as ConversationEmailRow[];
      return rows.map(toState);
    });
  }

  markSent(conversationId: string, sentAt: string | undefined, throughSeq: number): Promise<void> {
    return this.run(() => {
      this.connection
        .sql(
          `UPDATE conversation_emails SET due_at = NULL, sent_at = COALESCE(?, sent_at), sent_through_seq = ?
             WHERE conversation_id = ?`,
        )
        .run(sentAt ?? null, throughSeq, conversationId);
    });
  }

  postpone(conversationId: string, dueAt: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('UPDATE conversation_emails SET due_at = ? WHERE conversation_id = ?')
        .run(dueAt, conversationId);
    });
  }
}
