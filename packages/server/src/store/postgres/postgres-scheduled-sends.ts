import type { ScheduledSendRepository } from '../chat-store.js';
import type { ScheduledSend } from '../records.js';
import { type ScheduledSendRow, toScheduledSend } from '../sqlite/sqlite-scheduled-sends.js';
import type { PostgresRunner } from './postgres-connection.js';

/** The `scheduled_sends` table on PostgreSQL. */
export class PostgresScheduledSends implements ScheduledSendRepository {
  constructor(private readonly run: PostgresRunner) {}

  async put(send: ScheduledSend): Promise<void> {
    await this.run.run(
      `INSERT INTO scheduled_sends (visitor_id, campaign_id, site_key, properties, due_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (visitor_id, campaign_id) DO UPDATE SET properties = excluded.properties, due_at = excluded.due_at`,
      [send.visitorId, send.campaignId, send.siteKey, JSON.stringify(send.properties), send.dueAt],
    );
  }

  cancel(visitorId: string, campaignIds: string[]): Promise<number> {
    return this.run.run(
      'DELETE FROM scheduled_sends WHERE visitor_id = $1 AND campaign_id = ANY($2::text[])',
      [visitorId, campaignIds],
    );
  }

  async due(at: string, limit: number): Promise<ScheduledSend[]> {
    const rows = await this.run.rows<ScheduledSendRow>(
      'SELECT * FROM scheduled_sends WHERE due_at <= $1 ORDER BY due_at LIMIT $2',
      [at, limit],
    );
    return rows.map(toScheduledSend);
  }

  async delete(visitorId: string, campaignId: string): Promise<void> {
    await this.run.run('DELETE FROM scheduled_sends WHERE visitor_id = $1 AND campaign_id = $2', [
      visitorId,
      campaignId,
    ]);
  }

  moveAll(fromVisitorId: string, toVisitorId: string): Promise<void> {
    return this.run.atomic(async (run) => {
      await run.run(
        `DELETE FROM scheduled_sends WHERE visitor_id = $1
           AND campaign_id IN (SELECT campaign_id FROM scheduled_sends WHERE visitor_id = $2)`,
        [fromVisitorId, toVisitorId],
      );
      await run.run('UPDATE scheduled_sends SET visitor_id = $1 WHERE visitor_id = $2', [
        toVisitorId,
        fromVisitorId,
      ]);
    });
  }
}
