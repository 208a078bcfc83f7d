import type { Conversation, ConversationStatus, Participant, Rating } from '@sapa/protocol';
import type { AgentRef } from '@sapa/protocol/agent';
import { newId } from '../../ids.js';
import type { ConversationRepository } from '../chat-store.js';
import type {
  ConversationChange,
  ConversationRecord,
  InboxPage,
  InboxPageRequest,
  NewConversation,
} from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';
import type { SqliteStoreMemory } from './sqlite-store-memory.js';

export interface ConversationRow {
  id: string;
  site_key: string;
  visitor_id: string;
  client_conversation_id: string | null;
  status: ConversationStatus;
  created_at: string;
  updated_at: string;
  last_seq: number;
  visitor_read_seq: number;
  agent_read_seq: number;
  assignee: string | null;
  rating: string | null;
  handed_over: number;
  reference: string | null;
  resolved_at: string | null;
  campaign_send_id: string | null;
  awaiting_send_id: string | null;
  awaiting_comment_id: string | null;
}

export function toConversationRecord(row: ConversationRow): ConversationRecord {
  const conversation: Conversation = {
    id: row.id,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastSeq: row.last_seq,
    visitorReadSeq: row.visitor_read_seq,
    agentReadSeq: row.agent_read_seq,
  };
  if (row.client_conversation_id !== null) conversation.clientConversationId = row.client_conversation_id;
  if (row.assignee !== null) conversation.assignee = JSON.parse(row.assignee) as Participant;
  if (row.rating !== null) conversation.rating = JSON.parse(row.rating) as Rating;
  if (row.reference !== null) conversation.reference = row.reference;
  const record: ConversationRecord = {
    conversation,
    siteKey: row.site_key,
    visitorId: row.visitor_id,
    handedOver: row.handed_over === 1,
  };
  if (row.resolved_at !== null) record.resolvedAt = row.resolved_at;
  if (row.campaign_send_id !== null) record.campaignSendId = row.campaign_send_id;
  if (row.awaiting_send_id !== null) record.awaitingSendId = row.awaiting_send_id;
  if (row.awaiting_comment_id !== null) record.awaitingCommentId = row.awaiting_comment_id;
  return record;
}

/** `%…%` for LIKE (lower case), with the text's own wildcards and the escape character escaped. */
export function containing(text: string): string {
  return `%${text.toLowerCase().replace(/[!%_]/g, (character) => `!${character}`)}%`;
}

/**
 * The `conversations` table on SQLite; records of recently used conversations are kept (see
 * {@link SqliteStoreMemory}).
 */
export class SqliteConversations implements ConversationRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
    private readonly memory: SqliteStoreMemory,
  ) {}

  create(conversation: NewConversation): Promise<ConversationRecord | undefined> {
    return this.run(() => {
      const at = this.connection.now();
      // A taken reference is the only unique key a new row can collide on; ON CONFLICT DO NOTHING (SQLite and
      // PostgreSQL alike) answers no row instead of failing the transaction, and the caller draws another.
      const row = this.connection
        .sql(
          `INSERT INTO conversations (id, site_key, visitor_id, client_conversation_id, reference, campaign_send_id,
             created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING *`,
        )
        .get(
          newId('c'),
          conversation.siteKey,
          conversation.visitorId,
          conversation.clientConversationId ?? null,
          conversation.reference,
          conversation.campaignSendId ?? null,
          at,
          at,
        ) as ConversationRow | undefined;
      return row && this.remember(row);
    });
  }

  get(id: string): Promise<ConversationRecord | undefined> {
    return this.run(() => {
      const known = this.memory.conversations.get(id);
      if (known) return known;
      const row = this.connection.sql('SELECT * FROM conversations WHERE id = ?').get(id) as
        | ConversationRow
        | undefined;
      return row && this.remember(row);
    });
  }

  findByClientId(visitorId: string, clientConversationId: string): Promise<ConversationRecord | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT * FROM conversations WHERE visitor_id = ? AND client_conversation_id = ?')
        .get(visitorId, clientConversationId) as ConversationRow | undefined;
      return row && this.remember(row);
    });
  }

  listForVisitor(visitorId: string): Promise<ConversationRecord[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('SELECT * FROM conversations WHERE visitor_id = ? ORDER BY updated_at DESC, rowid DESC')
        .all(visitorId) as ConversationRow[];
      return rows.map(toConversationRecord);
    });
  }

  page(request: InboxPageRequest): Promise<InboxPage> {
    return this.run(() => {
      const where: string[] = [];
      const values: unknown[] = [];
      if (request.statuses) {
        where.push(`c.status IN (${request.statuses.map(() => '?').join(', ')})`);
        values.push(...request.statuses);
      }
      // A search: the reference, or text in the visitor's name or email (the visitors join only then).
      const matches: string[] = [];
      if (request.reference !== undefined) matches.push('c.reference = ?') && values.push(request.reference);
      if (request.text !== undefined) {
        matches.push("LOWER(v.name) LIKE ? ESCAPE '!'", "LOWER(v.email) LIKE ? ESCAPE '!'");
        values.push(containing(request.text), containing(request.text));
      }
      if (matches.length > 0) where.push(`(${matches.join(' OR ')})`);
      if (request.after) {
        // Keyset paging: rows changing while the agent pages move to the top, never into a page twice.
        where.push('(c.updated_at < ? OR (c.updated_at = ? AND c.id < ?))');
        values.push(request.after.updatedAt, request.after.updatedAt, request.after.id);
      }
      // The statement text depends only on which filters are used, so there are few of them to prepare.
      const rows = this.connection
        .sql(
          `SELECT c.* FROM conversations c${request.text !== undefined ? ' JOIN visitors v ON v.id = c.visitor_id' : ''}
             ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.updated_at DESC, c.id DESC LIMIT ?`,
        )
        .all(...values, request.limit + 1) as ConversationRow[];
      return {
        records: rows.slice(0, request.limit).map(toConversationRecord),
        hasMore: rows.length > request.limit,
      };
    });
  }

  countOpen(visitorId: string): Promise<number> {
    return this.run(() => {
      const row = this.connection
        .sql("SELECT COUNT(*) AS count FROM conversations WHERE visitor_id = ? AND status <> 'resolved'")
        .get(visitorId) as { count: number };
      return row.count;
    });
  }

  awaitingFeedbackRequest(
    siteKey: string,
    campaignId: string,
    after: string,
    atOrBefore: string,
    limit: number,
  ): Promise<ConversationRecord[]> {
    return this.run(() => {
      const rows = this.connection
        .sql(
          `SELECT c.* FROM conversations c
             WHERE c.status = 'resolved' AND c.resolved_at > ? AND c.resolved_at <= ? AND c.site_key = ?
               AND NOT EXISTS (SELECT 1 FROM campaign_sends s WHERE s.conversation_id = c.id AND s.campaign_id = ?)
             ORDER BY c.resolved_at LIMIT ?`,
        )
        .all(after, atOrBefore, siteKey, campaignId, limit) as ConversationRow[];
      return rows.map(toConversationRecord);
    });
  }

  assignees(siteKey: string): Promise<AgentRef[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('SELECT DISTINCT assignee FROM conversations WHERE site_key = ? AND assignee IS NOT NULL')
        .all(siteKey) as Array<{ assignee: string }>;
      const agents = new Map<string, AgentRef>();
      for (const row of rows) {
        const { id, name } = JSON.parse(row.assignee) as Participant;
        agents.set(id, name === undefined ? { id } : { id, name });
      }
      return [...agents.values()];
    });
  }

  moveAll(fromVisitorId: string, toVisitorId: string): Promise<string[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('SELECT id FROM conversations WHERE visitor_id = ?')
        .all(fromVisitorId) as { id: string }[];
      this.connection
        .sql('UPDATE conversations SET visitor_id = ? WHERE visitor_id = ?')
        .run(toVisitorId, fromVisitorId);
      for (const row of rows) this.memory.conversations.delete(row.id);
      return rows.map((row) => row.id);
    });
  }

  update(id: string, change: ConversationChange): Promise<ConversationRecord> {
    return this.run(() => {
      const sets: string[] = ['updated_at = ?'];
      const at = this.connection.now();
      const values: unknown[] = [at];
      if (change.status !== undefined) sets.push('status = ?') && values.push(change.status);
      // SET expressions read the row as it was, so the time is passed again rather than copied from updated_at.
      if (change.status === 'resolved') sets.push('resolved_at = ?') && values.push(at);
      // Read positions only move forward, whatever order the requests arrive in.
      if (change.visitorReadSeq !== undefined) {
        sets.push('visitor_read_seq = MAX(visitor_read_seq, MIN(?, last_seq))') &&
          values.push(change.visitorReadSeq);
      }
      if (change.agentReadSeq !== undefined) {
        sets.push('agent_read_seq = MAX(agent_read_seq, MIN(?, last_seq))') &&
          values.push(change.agentReadSeq);
      }
      if (change.assignee !== undefined)
        sets.push('assignee = ?') && values.push(JSON.stringify(change.assignee));
      if (change.rating !== undefined) sets.push('rating = ?') && values.push(JSON.stringify(change.rating));
      if (change.handedOver !== undefined)
        sets.push('handed_over = ?') && values.push(change.handedOver ? 1 : 0);
      if (change.awaitingSendId !== undefined)
        sets.push('awaiting_send_id = ?') && values.push(change.awaitingSendId);
      if (change.awaitingCommentId !== undefined)
        sets.push('awaiting_comment_id = ?') && values.push(change.awaitingCommentId);
      // The statement text depends only on which fields change, so there are few of them to prepare.
      const row = this.connection
        .sql(`UPDATE conversations SET ${sets.join(', ')} WHERE id = ? RETURNING *`)
        .get(...values, id) as ConversationRow | undefined;
      if (!row) throw new Error(`Conversation ${id} does not exist.`);
      return this.remember(row);
    });
  }

  advanceSeq(id: string): Promise<ConversationRecord> {
    return this.run(() => {
      const at = this.connection.now();
      const known = this.memory.conversations.get(id);
      if (known) {
        // The remembered row is the stored one (every write updates it), so the row after the change is known
        // without `RETURNING *`, which costs about as much again as the update (issue 14: once per message).
        this.connection
          .sql('UPDATE conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ?')
          .run(at, id);
        const conversation = {
          ...known.conversation,
          lastSeq: known.conversation.lastSeq + 1,
          updatedAt: at,
        };
        return this.memory.conversations.set(id, { ...known, conversation });
      }
      const row = this.connection
        .sql('UPDATE conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING *')
        .get(at, id) as ConversationRow | undefined;
      if (!row) throw new Error(`Conversation ${id} does not exist.`);
      return this.remember(row);
    });
  }

  private remember(row: ConversationRow): ConversationRecord {
    return this.memory.conversations.set(row.id, toConversationRecord(row));
  }
}
