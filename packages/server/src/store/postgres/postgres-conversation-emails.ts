import type { ConversationEmailRepository } from '../chat-store.js';
import type { ConversationEmailState } from '../records.js';
import { type ConversationEmailRow, toState } from '../sqlite/sqlite-conversation-emails.js';
import type { PostgresRunner } from './postgres-connection.js';

/** The `conversation_emails` table on PostgreSQL. */
export class PostgresConversationEmails implements ConversationEmailRepository {
  constructor(private readonly run: PostgresRunner) {}

  async get(conversationId: string): Promise<ConversationEmailState | undefined> {
    const row = await this.run.row<ConversationEmailRow>(
      'SELECT * FROM conversation_emails WHERE conversation_id = $1',
      [conversationId],
    );
    return row && toState(row);
  }

  async schedule(conversationId: string, dueAt: string): Promise<void> {
    await this.run.run(
      `INSERT INTO conversation_emails (conversation_id, due_at) VALUES ($1, $2)
         ON CONFLICT (conversation_id) DO UPDATE SET due_at = COALESCE(conversation_emails.due_at, excluded.due_at)`,
      [conversationId, dueAt],
    );
  }

  async due(at: string, limit: number): Promise<ConversationEmailState[]> {
    const rows = await this.run.rows<ConversationEmailRow>(
      'SELECT * FROM conversation_emails WHERE due_at <= $1 ORDER BY due_at LIMIT $2',
      [at, limit],
    );
    return rows.map(toState);
  }

  async markSent(conversationId: string, sentAt: string | undefined, throughSeq: number): Promise<void> {
    await this.run.run(
      `UPDATE conversation_emails SET due_at = NULL, sent_at = COALESCE($1, sent_at), sent_through_seq = $2
         WHERE conversation_id = $3`,
      [sentAt ?? null, throughSeq, conversationId],
    );
  }

  async postpone(conversationId: string, dueAt: string): Promise<void> {
    await this.run.run('UPDATE conversation_emails SET due_at = $1 WHERE conversation_id = $2', [
      dueAt,
      conversationId,
    ]);
  }
}
