import type { Message } from '@sapa/protocol';
import { newId } from '../../ids.js';
import type { MessageRepository } from '../chat-store.js';
import type { MessagePage, MessageRecord, NewMessage, PageRequest } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';
import { type MessageRow, messageInsertValues, toMessage, toMessageRecord } from './sqlite-message-rows.js';
import type { SqliteStoreMemory } from './sqlite-store-memory.js';

/** The `messages` table on SQLite. */
export class SqliteMessages implements MessageRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
    /** Absolute base of attachment URLs, read when a message is built (it is known only once listening). */
    private readonly publicUrl: () => string,
    private readonly memory: SqliteStoreMemory,
  ) {}

  insert(conversationId: string, seq: number, createdAt: string, input: NewMessage): Promise<Message> {
    return this.run(() => {
      const id = newId('m');
      const { lastInsertRowid } = this.connection
        .sql(
          `INSERT INTO messages (id, conversation_id, seq, client_message_id, request_key, author, author_role, type,
             text, attachments, actions, card, survey, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(...messageInsertValues(id, conversationId, seq, createdAt, input));
      this.memory.unreadCounts.stored(conversationId, seq, input.author.role);
      // Built from what was written rather than read back: one statement less per message.
      const message = toMessage({ id, conversationId, seq, createdAt, ...input }, this.publicUrl());
      this.memory.messageKeys.set(message, Number(lastInsertRowid));
      return message;
    });
  }

  findByClientId(conversationId: string, clientMessageId: string): Promise<MessageRecord | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?')
        .get(conversationId, clientMessageId) as MessageRow | undefined;
      return row && toMessageRecord(row, this.publicUrl());
    });
  }

  last(conversationId: string): Promise<Message | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1')
        .get(conversationId) as MessageRow | undefined;
      return row && toMessageRecord(row, this.publicUrl()).message;
    });
  }

  page(conversationId: string, page: PageRequest): Promise<MessagePage> {
    return this.run(() => {
      const publicUrl = this.publicUrl();
      if (page.after !== undefined) {
        const rows = this.connection
          .sql('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?')
          .all(conversationId, page.after, page.limit + 1) as MessageRow[];
        return {
          messages: rows.slice(0, page.limit).map((row) => toMessageRecord(row, publicUrl).message),
          hasMore: rows.length > page.limit,
        };
      }
      const rows = this.connection
        .sql('SELECT * FROM messages WHERE conversation_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?')
        .all(conversationId, page.before ?? Number.MAX_SAFE_INTEGER, page.limit + 1) as MessageRow[];
      return {
        messages: rows
          .slice(0, page.limit)
          .reverse()
          .map((row) => toMessageRecord(row, publicUrl).message),
        hasMore: rows.length > page.limit,
      };
    });
  }

  agentUnreadCount(conversationId: string, agentReadSeq: number): Promise<number> {
    return this.run(() => {
      const known = this.memory.unreadCounts.get(conversationId, agentReadSeq);
      if (known !== undefined) return known;
      const row = this.connection
        .sql(
          `SELECT COUNT(CASE WHEN author_role = 'visitor' THEN 1 END) AS count, MAX(seq) AS through
             FROM messages WHERE conversation_id = ? AND seq > ?`,
        )
        .get(conversationId, agentReadSeq) as { count: number; through: number | null };
      // Seqs are gapless and the read position never passes the last one: nothing after it means it is the last.
      this.memory.unreadCounts.set(conversationId, agentReadSeq, row.through ?? agentReadSeq, row.count);
      return row.count;
    });
  }
}
