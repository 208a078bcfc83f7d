import type { FeedbackKind } from '@sapa/protocol/agent';
import { newId } from '../../ids.js';
import type { FeedbackRepository } from '../chat-store.js';
import type { FeedbackRecord } from '../records.js';
import { type FeedbackRow, toFeedback } from '../sqlite/sqlite-feedback.js';
import { LOCKS, type PostgresConnection, type PostgresRunner } from './postgres-connection.js';

/** The `feedback` table on PostgreSQL. */
export class PostgresFeedback implements FeedbackRepository {
  constructor(
    private readonly connection: PostgresConnection,
    private readonly run: PostgresRunner,
  ) {}

  async insert(feedback: Omit<FeedbackRecord, 'id' | 'updatedAt'>): Promise<FeedbackRecord> {
    const row = await this.run.row<FeedbackRow>(
      `INSERT INTO feedback (id, site_key, conversation_id, kind, score, comment, campaign_id, send_id, agent,
         agent_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING *`,
      [
        newId('f'),
        feedback.siteKey,
        feedback.conversationId,
        feedback.kind,
        feedback.score,
        feedback.comment ?? null,
        feedback.campaignId ?? null,
        feedback.sendId ?? null,
        feedback.agent ? JSON.stringify(feedback.agent) : null,
        feedback.agent?.id ?? null,
        feedback.createdAt,
      ],
    );
    return toFeedback(row as FeedbackRow);
  }

  async get(id: string): Promise<FeedbackRecord | undefined> {
    const row = await this.run.row<FeedbackRow>('SELECT * FROM feedback WHERE id = $1', [id]);
    return row && toFeedback(row);
  }

  async update(id: string, change: { score?: number; comment?: string }): Promise<FeedbackRecord> {
    const row = await this.run.row<FeedbackRow>(
      `UPDATE feedback SET score = COALESCE($1, score), comment = COALESCE($2, comment), updated_at = $3
         WHERE id = $4 RETURNING *`,
      [change.score ?? null, change.comment ?? null, this.connection.now(), id],
    );
    if (!row) throw new Error(`Feedback ${id} does not exist.`);
    return toFeedback(row);
  }

  async latest(
    conversationId: string,
    kind: FeedbackKind,
    sendId?: string,
  ): Promise<FeedbackRecord | undefined> {
    // In a transaction, an answer's check for an earlier one and its write take turns with another at once.
    await this.run.lockInTransaction(LOCKS.feedback, `${conversationId} ${kind}`);
    const row =
      sendId === undefined
        ? await this.run.row<FeedbackRow>(
            `SELECT * FROM feedback WHERE conversation_id = $1 AND kind = $2
               ORDER BY created_at DESC, key DESC LIMIT 1`,
            [conversationId, kind],
          )
        : await this.run.row<FeedbackRow>(
            `SELECT * FROM feedback WHERE conversation_id = $1 AND kind = $2 AND send_id = $3
               ORDER BY created_at DESC, key DESC LIMIT 1`,
            [conversationId, kind, sendId],
          );
    return row && toFeedback(row);
  }

  async listForConversation(conversationId: string): Promise<FeedbackRecord[]> {
    const rows = await this.run.rows<FeedbackRow>(
      'SELECT * FROM feedback WHERE conversation_id = $1 ORDER BY created_at, key',
      [conversationId],
    );
    return rows.map(toFeedback);
  }

  async between(siteKey: string, from: string, to: string, agentId?: string): Promise<FeedbackRecord[]> {
    const rows =
      agentId === undefined
        ? await this.run.rows<FeedbackRow>(
            `SELECT * FROM feedback WHERE site_key = $1 AND created_at >= $2 AND created_at < $3
               ORDER BY created_at, key`,
            [siteKey, from, to],
          )
        : await this.run.rows<FeedbackRow>(
            `SELECT * FROM feedback WHERE site_key = $1 AND created_at >= $2 AND created_at < $3 AND agent_id = $4
               ORDER BY created_at, key`,
            [siteKey, from, to, agentId],
          );
    return rows.map(toFeedback);
  }
}
