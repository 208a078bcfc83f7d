import type { Action, Card, Message, MessageType, Participant, StreamEventMap, Survey } from '@sapa/protocol';
import { formatCursor } from '../../ids.js';
import {
  type MessageRecord,
  type NewMessage,
  type StoredEvent,
  type StoredUpload,
  toAttachment,
} from '../records.js';

/** A row of `messages`, as `SELECT *` reads it. */
export interface MessageRow {
  key: number;
  id: string;
  conversation_id: string;
  seq: number;
  client_message_id: string | null;
  request_key: string | null;
  author: string;
  author_role: string;
  type: MessageType;
  text: string | null;
  attachments: string | null;
  actions: string | null;
  card: string | null;
  survey: string | null;
  created_at: string;
}

/** The parts of a message, as stored; one builder keeps a sent message and a read one alike. */
export interface MessageFields {
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

/** The wire message of stored fields; attachment URLs start with `publicUrl`. */
export function toMessage(fields: MessageFields, publicUrl: string): Message {
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
  if (fields.attachments)
    message.attachments = fields.attachments.map((upload) => toAttachment(upload, publicUrl));
  if (fields.actions) message.actions = fields.actions;
  if (fields.card) message.card = fields.card;
  if (fields.survey) message.survey = fields.survey;
  return message;
}

/** A stored message and the request key it was sent with. */
export function toMessageRecord(row: MessageRow, publicUrl: string): MessageRecord {
  const record: MessageRecord = {
    message: toMessage(
      {
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
      },
      publicUrl,
    ),
  };
  if (row.request_key !== null) record.requestKey = row.request_key;
  return record;
}

/** A `visitor_events` row joined with the message it refers to (all message columns null when it refers to none). */
export type EventRow = {
  event_cursor: number;
  event_type: keyof StreamEventMap;
  event_data: string | null;
} & { [column in keyof MessageRow]: MessageRow[column] | null };

/** Event rows as stream events: an event about a message tells the message as it is now; one whose message is gone is left out. */
export function toStoredEvents(rows: EventRow[], publicUrl: string): StoredEvent[] {
  const events: StoredEvent[] = [];
  for (const row of rows) {
    const data =
      row.event_data ??
      (row.key === null
        ? undefined
        : JSON.stringify({ message: toMessageRecord(row as MessageRow, publicUrl).message }));
    if (data !== undefined)
      events.push({ cursor: formatCursor(row.event_cursor), type: row.event_type, data });
  }
  return events;
}

/**
 * The values of a message's row, in the column order of both stores' `INSERT INTO messages (id, conversation_id,
 * seq, client_message_id, request_key, author, author_role, type, text, attachments, actions, card, survey,
 * created_at)`.
 */
export function messageInsertValues(
  id: string,
  conversationId: string,
  seq: number,
  createdAt: string,
  input: NewMessage,
): Array<string | number | null> {
  return [
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
  ];
}
