import { newId } from '../../ids.js';
import type { CampaignSendRepository } from '../chat-store.js';
import type { CampaignSendKind, CampaignSendRecord, SendPayload, SendTimes } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

export interface CampaignSendRow {
  id: string;
  site_key: string;
  campaign_id: string;
  kind: CampaignSendKind;
  visitor_id: string;
  payload: string | null;
  sent_at: string;
  seen_at: string | null;
  answered_at: string | null;
  conversation_id: string | null;
}

export function toCampaignSend(row: CampaignSendRow): CampaignSendRecord {
  const send: CampaignSendRecord = {
    id: row.id,
    siteKey: row.site_key,
    campaignId: row.campaign_id,
    kind: row.kind,
    visitorId: row.visitor_id,
    sentAt: row.sent_at,
  };
  if (row.payload !== null) send.payload = JSON.parse(row.payload) as SendPayload;
  if (row.seen_at !== null) send.seenAt = row.seen_at;
  if (row.answered_at !== null) send.answeredAt = row.answered_at;
  if (row.conversation_id !== null) send.conversationId = row.conversation_id;
  return send;
}

/** The `campaign_sends` table on SQLite. */
export class SqliteCampaignSends implements CampaignSendRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  insert(send: Omit<CampaignSendRecord, 'id'>): Promise<CampaignSendRecord> {
    return this.run(() => {
      const row = this.connection
        .sql(
          `INSERT INTO campaign_sends (id, site_key, campaign_id, kind, visitor_id, payload, sent_at, seen_at,
             answered_at, conversation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        )
        .get(
          newId('s'),
          send.siteKey,
          send.campaignId,
          send.kind,
          send.visitorId,
          send.payload ? JSON.stringify(send.payload) : null,
          send.sentAt,
          send.seenAt ?? null,
          send.answeredAt ?? null,
          send.conversationId ?? null,
        ) as CampaignSendRow;
      return toCampaignSend(row);
    });
  }

  get(id: string): Promise<CampaignSendRecord | undefined> {
    return this.run(() => {
      const row = this.connection.sql('SELECT * FROM campaign_sends WHERE id = ?').get(id) as
        | CampaignSendRow
        | undefined;
      return row && toCampaignSend(row);
    });
  }

  latest(visitorId: string, campaignId: string): Promise<CampaignSendRecord | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql(
          `SELECT * FROM campaign_sends WHERE visitor_id = ? AND campaign_id = ?
             ORDER BY sent_at DESC, rowid DESC LIMIT 1`,
        )
        .get(visitorId, campaignId) as CampaignSendRow | undefined;
      return row && toCampaignSend(row);
    });
  }

  visitorHistory(visitorId: string, campaignId: string): Promise<{ count: number; lastSentAt?: string }> {
    return this.run(() => {
      const row = this.connection
        .sql(
          'SELECT COUNT(*) AS count, MAX(sent_at) AS last FROM campaign_sends WHERE visitor_id = ? AND campaign_id = ?',
        )
        .get(visitorId, campaignId) as { count: number; last: string | null };
      return row.last === null ? { count: row.count } : { count: row.count, lastSentAt: row.last };
    });
  }

  countSince(siteKey: string, campaignId: string, since: string): Promise<number> {
    return this.run(() => {
      const row = this.connection
        .sql(
          'SELECT COUNT(*) AS count FROM campaign_sends WHERE campaign_id = ? AND sent_at >= ? AND site_key = ?',
        )
        .get(campaignId, since, siteKey) as { count: number };
      return row.count;
    });
  }

  markSeen(visitorId: string, campaignId: string, at: string): Promise<boolean> {
    return this.run(() => {
      const latest = this.connection
        .sql(
          `SELECT id, seen_at FROM campaign_sends WHERE visitor_id = ? AND campaign_id = ?
             ORDER BY sent_at DESC, rowid DESC LIMIT 1`,
        )
        .get(visitorId, campaignId) as { id: string; seen_at: string | null } | undefined;
      if (!latest || latest.seen_at !== null) return false;
      this.connection.sql('UPDATE campaign_sends SET seen_at = ? WHERE id = ?').run(at, latest.id);
      return true;
    });
  }

  markAnswered(id: string, conversationId: string, at: string): Promise<boolean> {
    return this.run(
      () =>
        this.connection
          .sql(
            `UPDATE campaign_sends SET answered_at = ?, conversation_id = ?, seen_at = COALESCE(seen_at, ?)
               WHERE id = ? AND answered_at IS NULL`,
          )
          .run(at, conversationId, at, id).changes === 1,
    );
  }

  latestInConversation(
    conversationId: string,
    kind: CampaignSendKind,
  ): Promise<CampaignSendRecord | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql(
          `SELECT * FROM campaign_sends WHERE conversation_id = ? AND kind = ?
             ORDER BY sent_at DESC, rowid DESC LIMIT 1`,
        )
        .get(conversationId, kind) as CampaignSendRow | undefined;
      return row && toCampaignSend(row);
    });
  }

  timesBetween(siteKey: string, from: string, to: string): Promise<SendTimes[]> {
    return this.run(() => {
      // Seen and answered come after sent, so every send that counts was sent before `to`.
      const rows = this.connection
        .sql(
          `SELECT campaign_id, sent_at, seen_at, answered_at FROM campaign_sends
             WHERE site_key = ? AND sent_at < ? AND (sent_at >= ? OR seen_at >= ? OR answered_at >= ?)`,
        )
        .all(siteKey, to, from, from, from) as Array<
        Pick<CampaignSendRow, 'campaign_id' | 'sent_at' | 'seen_at' | 'answered_at'>
      >;
      return rows.map((row) => {
        const times: SendTimes = { campaignId: row.campaign_id, sentAt: row.sent_at };
        if (row.seen_at !== null) times.seenAt = row.seen_at;
        if (row.answered_at !== null) times.answeredAt = row.answered_at;
        return times;
      });
    });
  }

  moveAll(fromVisitorId: string, toVisitorId: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('UPDATE campaign_sends SET visitor_id = ? WHERE visitor_id = ?')
        .run(toVisitorId, fromVisitorId);
    });
  }
}
