import type { Participant } from '@sapa/protocol';
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
import { type ConversationRow, containing, toConversationRecord } from '../sqlite/sqlite-conversations.js';
import { LOCKS, type PostgresConnection, type PostgresRunner, seqParameter } from './postgres-connection.js';

/** Numbered placeholders for a statement built from parts: `next(value)` adds a value and returns its `$n`. */
function placeholders() {
  const values: unknown[] = [];
  return {
    values,
    next(value: unknown): string {
      values.push(value);
      return `$${values.length}`;
    },
  };
}

/** The `conversations` table on PostgreSQL. */
export class PostgresConversations implements ConversationRepository {
  constructor(
    private readonly connection: PostgresConnection,
    private readonly run: PostgresRunner,
  ) {}

  async create(conversation: NewConversation): Promise<ConversationRecord | undefined> {
    const at = this.connection.now();
    // A taken reference is the only unique key a new row can collide on: no row, and the caller draws another.
    const row = await this.run.row<ConversationRow>(
      `INSERT INTO conversations (id, site_key, visitor_id, client_conversation_id, reference, campaign_send_id,
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING *`,
      [
        newId('c'),
        conversation.siteKey,
        conversation.visitorId,
        conversation.clientConversationId ?? null,
        conversation.reference,
        conversation.campaignSendId ?? null,
        at,
        at,
      ],
    );
    return row && toConversationRecord(row);
  }

  async get(id: string): Promise<ConversationRecord | undefined> {
    const row = await this.run.row<ConversationRow>('SELECT * FROM conversations WHERE id = $1', [id]);
    return row && toConversationRecord(row);
  }

  async findByClientId(
    visitorId: string,
    clientConversationId: string,
  ): Promise<ConversationRecord | undefined> {
    // As for messages: a second create with the same client id waits for the first to commit, then finds it.
    await this.run.lockInTransaction(LOCKS.clientConversationId, `${visitorId} ${clientConversationId}`);
    const row = await this.run.row<ConversationRow>(
      'SELECT * FROM conversations WHERE visitor_id = $1 AND client_conversation_id = $2',
      [visitorId, clientConversationId],
    );
    return row && toConversationRecord(row);
  }

  async listForVisitor(visitorId: string): Promise<ConversationRecord[]> {
    const rows = await this.run.rows<ConversationRow>(
      'SELECT * FROM conversations WHERE visitor_id = $1 ORDER BY updated_at DESC, key DESC',
      [visitorId],
    );
    return rows.map(toConversationRecord);
  }

  async page(request: InboxPageRequest): Promise<InboxPage> {
    const where: string[] = [];
    const { values, next } = placeholders();
    if (request.statuses)
      where.push(`c.status IN (${request.statuses.map((status) => next(status)).join(', ')})`);
    // A search: the reference, or text in the visitor's name or email (the visitors join only then).
    const matches: string[] = [];
    if (request.reference !== undefined) matches.push(`c.reference = ${next(request.reference)}`);
    if (request.text !== undefined) {
      const text = next(containing(request.text));
      matches.push(`LOWER(v.name) LIKE ${text} ESCAPE '!'`, `LOWER(v.email) LIKE ${text} ESCAPE '!'`);
    }
    if (matches.length > 0) where.push(`(${matches.join(' OR ')})`);
    if (request.after) {
      // Keyset paging: rows changing while the agent pages move to the top, never into a page twice.
      const updatedAt = next(request.after.updatedAt);
      where.push(
        `(c.updated_at < ${updatedAt} OR (c.updated_at = ${updatedAt} AND c.id < ${next(request.after.id)}))`,
      );
    }
    const limit = next(request.limit + 1);
    const rows = await this.run.rows<ConversationRow>(
      `SELECT c.* FROM conversations c${request.text !== undefined ? ' JOIN visitors v ON v.id = c.visitor_id' : ''}
         ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${limit}`,
      values,
    );
    return {
      records: rows.slice(0, request.limit).map(toConversationRecord),
      hasMore: rows.length > request.limit,
    };
  }

  async countOpen(visitorId: string): Promise<number> {
    // In a transaction (a create checking the visitor's open conversations), the visitor's lock keeps a second
    // create waiting until the first commits, so two at once cannot pass the limit together.
    await this.run.lockInTransaction(LOCKS.openConversations, visitorId);
    const row = await this.run.row<{ count: number }>(
      "SELECT COUNT(*) AS count FROM conversations WHERE visitor_id = $1 AND status <> 'resolved'",
      [visitorId],
    );
    return row?.count ?? 0;
  }

  async awaitingFeedbackRequest(
    siteKey: string,
    campaignId: string,
    after: string,
    atOrBefore: string,
    limit: number,
  ): Promise<ConversationRecord[]> {
    const rows = await this.run.rows<ConversationRow>(
      `SELECT c.* FROM conversations c
         WHERE c.status = 'resolved' AND c.resolved_at > $1 AND c.resolved_at <= $2 AND c.site_key = $3
           AND NOT EXISTS (SELECT 1 FROM campaign_sends s WHERE s.conversation_id = c.id AND s.campaign_id = $4)
         ORDER BY c.resolved_at LIMIT $5`,
      [after, atOrBefore, siteKey, campaignId, limit],
    );
    return rows.map(toConversationRecord);
  }

  async assignees(siteKey: string): Promise<AgentRef[]> {
    const rows = await this.run.rows<{ assignee: string }>(
      'SELECT DISTINCT assignee FROM conversations WHERE site_key = $1 AND assignee IS NOT NULL',
      [siteKey],
    );
    const agents = new Map<string, AgentRef>();
    for (const row of rows) {
      const { id, name } = JSON.parse(row.assignee) as Participant;
      agents.set(id, name === undefined ? { id } : { id, name });
    }
    return [...agents.values()];
  }

  async moveAll(fromVisitorId: string, toVisitorId: string): Promise<string[]> {
    const rows = await this.run.rows<{ id: string }>(
      'UPDATE conversations SET visitor_id = $1 WHERE visitor_id = $2 RETURNING id',
      [toVisitorId, fromVisitorId],
    );
    return rows.map((row) => row.id);
  }

  async update(id: string, change: ConversationChange): Promise<ConversationRecord> {
    const { values, next } = placeholders();
    const at = next(this.connection.now());
    const sets: string[] = [`updated_at = ${at}`];
    if (change.status !== undefined) sets.push(`status = ${next(change.status)}`);
    if (change.status === 'resolved') sets.push(`resolved_at = ${at}`);
    // Read positions only move forward, whatever order the requests arrive in.
    if (change.visitorReadSeq !== undefined)
      sets.push(
        `visitor_read_seq = GREATEST(visitor_read_seq, LEAST(${next(seqParameter(change.visitorReadSeq))}::integer, last_seq))`,
      );
    if (change.agentReadSeq !== undefined)
      sets.push(
        `agent_read_seq = GREATEST(agent_read_seq, LEAST(${next(seqParameter(change.agentReadSeq))}::integer, last_seq))`,
      );
    if (change.assignee !== undefined) sets.push(`assignee = ${next(JSON.stringify(change.assignee))}`);
    if (change.rating !== undefined) sets.push(`rating = ${next(JSON.stringify(change.rating))}`);
    if (change.handedOver !== undefined) sets.push(`handed_over = ${next(change.handedOver ? 1 : 0)}`);
    if (change.awaitingSendId !== undefined) sets.push(`awaiting_send_id = ${next(change.awaitingSendId)}`);
    if (change.awaitingCommentId !== undefined)
      sets.push(`awaiting_comment_id = ${next(change.awaitingCommentId)}`);
    const row = await this.run.row<ConversationRow>(
      `UPDATE conversations SET ${sets.join(', ')} WHERE id = ${next(id)} RETURNING *`,
      values,
    );
    if (!row) throw new Error(`Conversation ${id} does not exist.`);
    return toConversationRecord(row);
  }

  async advanceSeq(id: string): Promise<ConversationRecord> {
    // The update locks the row until the transaction ends: the next seq is taken only after this one is
    // stored (or rolled back), so seqs stay gapless whichever server takes them.
    const row = await this.run.row<ConversationRow>(
      'UPDATE conversations SET last_seq = last_seq + 1, updated_at = $1 WHERE id = $2 RETURNING *',
      [this.connection.now(), id],
    );
    if (!row) throw new Error(`Conversation ${id} does not exist.`);
    return toConversationRecord(row);
  }
}
