import type { Conversation, ConversationStatus, Participant, Rating } from '@sapa/protocol';
import { newId } from '../../ids.js';
import type { ConversationRepository } from '../chat-store.js';
import type { ConversationChange, ConversationRecord, InboxPage, InboxPageRequest } from '../records.js';
import { now, type Runner, type SqliteConnection } from './sqlite-connection.js';
import type { SqliteStoreMemory } from './sqlite-store-memory.js';

interface ConversationRow {
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
}

function toConversationRecord(row: ConversationRow): ConversationRecord {
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
  return {
    conversation,
    siteKey: row.site_key,
    visitorId: row.visitor_id,
    handedOver: row.handed_over === 1,
  };
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

  create(
    siteKey: string,
    visitorId: string,
    clientConversationId: string | undefined,
  ): Promise<ConversationRecord> {
    return this.run(() => {
      const at = now();
      const row = this.connection
        .sql(
          `INSERT INTO conversations (id, site_key, visitor_id, client_conversation_id, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(newId('c'), siteKey, visitorId, clientConversationId ?? null, at, at) as ConversationRow;
      return this.remember(row);
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
        where.push(`status IN (${request.statuses.map(() => '?').join(', ')})`);
        values.push(...request.statuses);
      }
      if (request.after) {
        // Keyset paging: rows changing while the agent pages move to the top, never into a page twice.
        where.push('(updated_at < ? OR (updated_at = ? AND id < ?))');
        values.push(request.after.updatedAt, request.after.updatedAt, request.after.id);
      }
      // The statement text depends only on which filters are used, so there are few of them to prepare.
      const rows = this.connection
        .sql(
          `SELECT * FROM conversations ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
             ORDER BY updated_at DESC, id DESC LIMIT ?`,
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
      const values: unknown[] = [now()];
      if (change.status !== undefined) sets.push('status = ?') && values.push(change.status);
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
      const at = now();
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
