import type { Message } from '@sapa/protocol';
import { newId } from '../../ids.js';
import type { MessageRepository } from '../chat-store.js';
import type { MessagePage, MessageRecord, NewMessage, PageRequest } from '../records.js';
import {
  type MessageRow,
  messageInsertValues,
  toMessage,
  toMessageRecord,
} from '../sqlite/sqlite-message-rows.js';
import { LOCKS, type PostgresRunner, seqParameter } from './postgres-connection.js';

/** The `messages` table on PostgreSQL. */
export class PostgresMessages implements MessageRepository {
  constructor(
    private readonly run: PostgresRunner,
    /** Absolute base of attachment URLs, read when a message is built (it is known only once listening). */
    private readonly publicUrl: () => string,
    /** The row key of each message stored by this process, for the event that refers to it. */
    private readonly messageKeys: WeakMap<Message, number>,
  ) {}

  async insert(conversationId: string, seq: number, createdAt: string, input: NewMessage): Promise<Message> {
    const id = newId('m');
    const row = await this.run.row<{ key: number }>(
      `INSERT INTO messages (id, conversation_id, seq, client_message_id, request_key, author, author_role, type,
         text, attachments, actions, card, survey, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING key`,
      messageInsertValues(id, conversationId, seq, createdAt, input),
    );
    // Built from what was written rather than read back, as on SQLite.
    const message = toMessage({ id, conversationId, seq, createdAt, ...input }, this.publicUrl());
    if (row) this.messageKeys.set(message, row.key);
    return message;
  }

  async findByClientId(conversationId: string, clientMessageId: string): Promise<MessageRecord | undefined> {
    // A send checks for its client id, then stores the message: in a transaction, the id's lock keeps a second
    // send of it (a retry racing the first) waiting until the first commits, and it then finds that message.
    await this.run.lockInTransaction(LOCKS.clientMessageId, `${conversationId} ${clientMessageId}`);
    const row = await this.run.row<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = $1 AND client_message_id = $2',
      [conversationId, clientMessageId],
    );
    return row && toMessageRecord(row, this.publicUrl());
  }

  async last(conversationId: string): Promise<Message | undefined> {
    const row = await this.run.row<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1',
      [conversationId],
    );
    return row && toMessageRecord(row, this.publicUrl()).message;
  }

  async page(conversationId: string, page: PageRequest): Promise<MessagePage> {
    const publicUrl = this.publicUrl();
    if (page.after !== undefined) {
      const rows = await this.run.rows<MessageRow>(
        'SELECT * FROM messages WHERE conversation_id = $1 AND seq > $2 ORDER BY seq ASC LIMIT $3',
        [conversationId, seqParameter(page.after), page.limit + 1],
      );
      return {
        messages: rows.slice(0, page.limit).map((row) => toMessageRecord(row, publicUrl).message),
        hasMore: rows.length > page.limit,
      };
    }
    const rows = await this.run.rows<MessageRow>(
      'SELECT * FROM messages WHERE conversation_id = $1 AND seq < $2 ORDER BY seq DESC LIMIT $3',
      [conversationId, seqParameter(page.before ?? Number.MAX_SAFE_INTEGER), page.limit + 1],
    );
    return {
      messages: rows
        .slice(0, page.limit)
        .reverse()
        .map((row) => toMessageRecord(row, publicUrl).message),
      hasMore: rows.length > page.limit,
    };
  }

  async agentUnreadCount(conversationId: string, agentReadSeq: number): Promise<number> {
    // Counted each time: a count kept in memory would miss messages other servers store.
    const row = await this.run.row<{ count: number }>(
      `SELECT COUNT(*) AS count FROM messages WHERE conversation_id = $1 AND seq > $2 AND author_role = 'visitor'`,
      [conversationId, seqParameter(agentReadSeq)],
    );
    return row?.count ?? 0;
  }
}
