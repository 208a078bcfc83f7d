import { newId } from '../../ids.js';
import type { CampaignSendRepository } from '../chat-store.js';
import type { CampaignSendKind, CampaignSendRecord, SendTimes } from '../records.js';
import { type CampaignSendRow, toCampaignSend } from '../sqlite/sqlite-campaign-sends.js';
import { LOCKS, type PostgresRunner } from './postgres-connection.js';

/** The `campaign_sends` table on PostgreSQL. */
export class PostgresCampaignSends implements CampaignSendRepository {
  constructor(private readonly run: PostgresRunner) {}

  async insert(send: Omit<CampaignSendRecord, 'id'>): Promise<CampaignSendRecord> {
    const row = await this.run.row<CampaignSendRow>(
      `INSERT INTO campaign_sends (id, site_key, campaign_id, kind, visitor_id, payload, sent_at, seen_at,
         answered_at, conversation_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
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
      ],
    );
    return toCampaignSend(row as CampaignSendRow);
  }

  async get(id: string): Promise<CampaignSendRecord | undefined> {
    const row = await this.run.row<CampaignSendRow>('SELECT * FROM campaign_sends WHERE id = $1', [id]);
    return row && toCampaignSend(row);
  }

  async latest(visitorId: string, campaignId: string): Promise<CampaignSendRecord | undefined> {
    // In a transaction, a check of the visitor's sends of a campaign and the send it allows take turns with
    // another at once (as on SQLite's one connection), so caps and once-only sends hold.
    await this.run.lockInTransaction(LOCKS.campaignSends, `${visitorId} ${campaignId}`);
    const row = await this.run.row<CampaignSendRow>(
      `SELECT * FROM campaign_sends WHERE visitor_id = $1 AND campaign_id = $2
         ORDER BY sent_at DESC, key DESC LIMIT 1`,
      [visitorId, campaignId],
    );
    return row && toCampaignSend(row);
  }

  async visitorHistory(
    visitorId: string,
    campaignId: string,
  ): Promise<{ count: number; lastSentAt?: string }> {
    await this.run.lockInTransaction(LOCKS.campaignSends, `${visitorId} ${campaignId}`);
    const row = (await this.run.row<{ count: number; last: string | null }>(
      'SELECT COUNT(*) AS count, MAX(sent_at) AS last FROM campaign_sends WHERE visitor_id = $1 AND campaign_id = $2',
      [visitorId, campaignId],
    )) ?? { count: 0, last: null };
    return row.last === null ? { count: row.count } : { count: row.count, lastSentAt: row.last };
  }

  async countSince(siteKey: string, campaignId: string, since: string): Promise<number> {
    // The per-day cap counts every visitor's sends: checks of it take turns site-wide, in a transaction.
    await this.run.lockInTransaction(LOCKS.campaignDay, `${siteKey} ${campaignId}`);
    const row = await this.run.row<{ count: number }>(
      'SELECT COUNT(*) AS count FROM campaign_sends WHERE campaign_id = $1 AND sent_at >= $2 AND site_key = $3',
      [campaignId, since, siteKey],
    );
    return row?.count ?? 0;
  }

  async markSeen(visitorId: string, campaignId: string, at: string): Promise<boolean> {
    // One statement: the latest send is marked only when it is not seen yet, whoever marks it at the same time.
    const marked = await this.run.run(
      `UPDATE campaign_sends SET seen_at = $1 WHERE seen_at IS NULL AND id = (
         SELECT id FROM campaign_sends WHERE visitor_id = $2 AND campaign_id = $3
           ORDER BY sent_at DESC, key DESC LIMIT 1)`,
      [at, visitorId, campaignId],
    );
    return marked === 1;
  }

  async markAnswered(id: string, conversationId: string, at: string): Promise<boolean> {
    const marked = await this.run.run(
      `UPDATE campaign_sends SET answered_at = $1, conversation_id = $2, seen_at = COALESCE(seen_at, $1)
         WHERE id = $3 AND answered_at IS NULL`,
      [at, conversationId, id],
    );
    return marked === 1;
  }

  async latestInConversation(
    conversationId: string,
    kind: CampaignSendKind,
  ): Promise<CampaignSendRecord | undefined> {
    const row = await this.run.row<CampaignSendRow>(
      `SELECT * FROM campaign_sends WHERE conversation_id = $1 AND kind = $2
         ORDER BY sent_at DESC, key DESC LIMIT 1`,
      [conversationId, kind],
    );
    return row && toCampaignSend(row);
  }

  async timesBetween(siteKey: string, from: string, to: string): Promise<SendTimes[]> {
    // Seen and answered come after sent, so every send that counts was sent before `to`.
    const rows = await this.run.rows<
      Pick<CampaignSendRow, 'campaign_id' | 'sent_at' | 'seen_at' | 'answered_at'>
    >(
      `SELECT campaign_id, sent_at, seen_at, answered_at FROM campaign_sends
         WHERE site_key = $1 AND sent_at < $2 AND (sent_at >= $3 OR seen_at >= $3 OR answered_at >= $3)`,
      [siteKey, to, from],
    );
    return rows.map((row) => {
      const times: SendTimes = { campaignId: row.campaign_id, sentAt: row.sent_at };
      if (row.seen_at !== null) times.seenAt = row.seen_at;
      if (row.answered_at !== null) times.answeredAt = row.answered_at;
      return times;
    });
  }

  async moveAll(fromVisitorId: string, toVisitorId: string): Promise<void> {
    await this.run.run('UPDATE campaign_sends SET visitor_id = $1 WHERE visitor_id = $2', [
      toVisitorId,
      fromVisitorId,
    ]);
  }
}
