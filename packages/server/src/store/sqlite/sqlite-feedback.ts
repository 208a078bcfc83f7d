import type { AgentRef, FeedbackKind } from '@sapa/protocol/agent';
import { newId } from '../../ids.js';
import type { FeedbackRepository } from '../chat-store.js';
import type { FeedbackRecord } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

export interface FeedbackRow {
  id: string;
  site_key: string;
  conversation_id: string;
  kind: FeedbackKind;
  score: number;
  comment: string | null;
  campaign_id: string | null;
  send_id: string | null;
  agent: string | null;
  agent_id: string | null;
  created_at: string;
  updated_at: string;
}

export function toFeedback(row: FeedbackRow): FeedbackRecord {
  const feedback: FeedbackRecord = {
    id: row.id,
    siteKey: row.site_key,
    conversationId: row.conversation_id,
    kind: row.kind,
    score: row.score,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.comment !== null) feedback.comment = row.comment;
  if (row.campaign_id !== null) feedback.campaignId = row.campaign_id;
  if (row.send_id !== null) feedback.sendId = row.send_id;
  if (row.agent !== null) feedback.agent = JSON.parse(row.agent) as AgentRef;
  return feedback;
}

/** The `feedback` table on SQLite. */
export class SqliteFeedback implements FeedbackRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  insert(feedback: Omit<FeedbackRecord, 'id' | 'updatedAt'>): Promise<FeedbackRecord> {
    return this.run(() => {
      const row = this.connection
        .sql(
          `INSERT INTO feedback (id, site_key, conversation_id, kind, score, comment, campaign_id, send_id, agent,
             agent_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(
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
          feedback.createdAt,
        ) as FeedbackRow;
      return toFeedback(row);
    });
  }

  get(id: string): Promise<FeedbackRecord | undefined> {
    return this.run(() => {
      const row = this.connection.sql('SELECT * FROM feedback WHERE id = ?').get(id) as
        | FeedbackRow
        | undefined;
      return row && toFeedback(row);
    });
  }

  update(id: string, change: { score?: number; comment?: string }): Promise<FeedbackRecord> {
    return this.run(() => {
      const row = this.connection
        .sql(
          `UPDATE feedback SET score = COALESCE(?, score), comment = COALESCE(?, comment), updated_at = ?
             WHERE id = ? RETURNING *`,
        )
        .get(change.score ?? null, change.comment ?? null, this.connection.now(), id) as
        | FeedbackRow
        | undefined;
      if (!row) throw new Error(`Feedback ${id} does not exist.`);
      return toFeedback(row);
    });
  }

  latest(conversationId: string, kind: FeedbackKind, sendId?: string): Promise<FeedbackRecord | undefined> {
    return this.run(() => {
      const row = (
        sendId === undefined
          ? this.connection
              .sql(
                `SELECT * FROM feedback WHERE conversation_id = ? AND kind = ?
                   ORDER BY created_at DESC, rowid DESC LIMIT 1`,
              )
              .get(conversationId, kind)
          : this.connection
              .sql(
                `SELECT * FROM feedback WHERE conversation_id = ? AND kind = ? AND send_id = ?
                   ORDER BY created_at DESC, rowid DESC LIMIT 1`,
              )
              .get(conversationId, kind, sendId)
      ) as FeedbackRow | undefined;
      return row && toFeedback(row);
    });
  }

  listForConversation(conversationId: string): Promise<FeedbackRecord[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('SELECT * FROM feedback WHERE conversation_id = ? ORDER BY created_at, rowid')
        .all(conversationId) as FeedbackRow[];
      return rows.map(toFeedback);
    });
  }

  between(siteKey: string, from: string, to: string, agentId?: string): Promise<FeedbackRecord[]> {
    return this.run(() => {
      const rows = (
        agentId === undefined
          ? this.connection
              .sql(
                `SELECT * FROM feedback WHERE site_key = ? AND created_at >= ? AND created_at < ?
                   ORDER BY created_at, rowid`,
              )
              .all(siteKey, from, to)
          : this.connection
              .sql(
                `SELECT * FROM feedback WHERE site_key = ? AND created_at >= ? AND created_at < ? AND agent_id = ?
                   ORDER BY created_at, rowid`,
              )
              .all(siteKey, from, to, agentId)
      ) as FeedbackRow[];
      return rows.map(toFeedback);
    });
  }
}
