import type { Action, Card, Message, MessageType, Participant, Survey } from '@sapa/protocol';
import { newId } from '../../ids.js';
import type { MessageRepository } from '../chat-store.js';
import {
  type MessagePage,
  type MessageRecord,
  type NewMessage,
  type PageRequest,
  type StoredUpload,
  toAttachment,
} from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

interface MessageRow {
  id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string | null;
  request_key: string | null;
  author: string;
  type: MessageType;
  text: string | null;
  attachments: string | null;
  actions: string | null;
  card: string | null;
  survey: string | null;
  created_at: string;
}

/** The parts of a message, as stored; one builder keeps a sent message and a read one alike. */
interface MessageFields {
  id: string;
  conversationId: string;
  seq: number;
  author: Participant;
  type: MessageType;
  createdAt: string;
  clientMessageId?: string | undefined;
  text?: string | undefined;
  attachments?: StoredUpload[] | undefined;
  actions?: Action[] | undefined;
  card?: Card | undefined;
  survey?: Survey | undefined;
}

/** The `messages` table on SQLite. */
export class SqliteMessages implements MessageRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
    /** Absolute base of attachment URLs, read when a message is built (it is known only once listening). */
    private readonly publicUrl: () => string,
  ) {}

  insert(conversationId: string, seq: number, createdAt: string, input: NewMessage): Promise<Message> {
    return this.run(() => {
      const id = newId('m');
      this.connection
        .sql(
          `INSERT INTO messages (id, conversation_id, seq, client_message_id, request_key, author, author_role, type,
             text, attachments, actions, card, survey, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          conversationId,
          seq,
          input.clientMessageId ?? null,
          input.requestKey ?? null,
          JSON.stringify(input.author),
          input.author.role,
          input.type,
          input.text ?? null,
          input.attachments ? JSON.stringify(input.attachments) : null,
          input.actions ? JSON.stringify(input.actions) : null,
          input.card ? JSON.stringify(input.card) : null,
          input.survey ? JSON.stringify(input.survey) : null,
          createdAt,
        );
      // Built from what was written rather than read back: one statement less per message.
      return this.toMessage({ id, conversationId, seq, createdAt, ...input });
    });
  }

  findByClientId(conversationId: string, clientMessageId: string): Promise<MessageRecord | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT * FROM messages WHERE conversation_id = ? AND client_message_id = ?')
        .get(conversationId, clientMessageId) as MessageRow | undefined;
      return row && this.toMessageRecord(row);
    });
  }

  last(conversationId: string): Promise<Message | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT * FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1')
        .get(conversationId) as MessageRow | undefined;
      return row && this.toMessageRecord(row).message;
    });
  }

  page(conversationId: string, page: PageRequest): Promise<MessagePage> {
    return this.run(() => {
      if (page.after !== undefined) {
        const rows = this.connection
          .sql('SELECT * FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq ASC LIMIT ?')
          .all(conversationId, page.after, page.limit + 1) as MessageRow[];
        return {
          messages: rows.slice(0, page.limit).map((row) => this.toMessageRecord(row).message),
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
          .map((row) => this.toMessageRecord(row).message),
        hasMore: rows.length > page.limit,
      };
    });
  }

  agentUnreadCount(conversationId: string, agentReadSeq: number): Promise<number> {
    return this.run(() => {
      const row = this.connection
        .sql(
          `SELECT COUNT(*) AS count FROM messages WHERE conversation_id = ? AND author_role = 'visitor' AND seq > ?`,
        )
        .get(conversationId, agentReadSeq) as { count: number };
      return row.count;
    });
  }

  private toMessageRecord(row: MessageRow): MessageRecord {
    const record: MessageRecord = {
      message: this.toMessage({
        id: row.id,
        conversationId: row.conversation_id,
        seq: row.seq,
        author: JSON.parse(row.author),
        type: row.type,
        createdAt: row.created_at,
        clientMessageId: row.client_message_id ?? undefined,
        text: row.text ?? undefined,
        attachments: row.attachments === null ? undefined : JSON.parse(row.attachments),
        actions: row.actions === null ? undefined : JSON.parse(row.actions),
        card: row.card === null ? undefined : JSON.parse(row.card),
        survey: row.survey === null ? undefined : JSON.parse(row.survey),
      }),
    };
    if (row.request_key !== null) record.requestKey = row.request_key;
    return record;
  }

  private toMessage(fields: MessageFields): Message {
    const message: Message = {
      id: fields.id,
      conversationId: fields.conversationId,
      seq: fields.seq,
      author: fields.author,
      type: fields.type,
      createdAt: fields.createdAt,
    };
    if (fields.clientMessageId !== undefined) message.clientMessageId = fields.clientMessageId;
    if (fields.text !== undefined) message.text = fields.text;
    if (fields.attachments) {
      const publicUrl = this.publicUrl();
      message.attachments = fields.attachments.map((upload) => toAttachment(upload, publicUrl));
    }
    if (fields.actions) message.actions = fields.actions;
    if (fields.card) message.card = fields.card;
    if (fields.survey) message.survey = fields.survey;
    return message;
  }
}
