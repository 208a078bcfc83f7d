import type { Attributes } from '@sapa/protocol';
import type { ScheduledSendRepository } from '../chat-store.js';
import type { ScheduledSend } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

export interface ScheduledSendRow {
  visitor_id: string;
  campaign_id: string;
  site_key: string;
  properties: string;
  due_at: string;
}

export function toScheduledSend(row: ScheduledSendRow): ScheduledSend {
  return {
    visitorId: row.visitor_id,
    campaignId: row.campaign_id,
    siteKey: row.site_key,
    properties: JSON.parse(row.properties) as Attributes,
    dueAt: row.due_at,
  };
}

/** The `scheduled_sends` table on SQLite. */
export class SqliteScheduledSends implements ScheduledSendRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  put(send: ScheduledSend): Promise<void> {
    return this.run(() => {
      this.connection
        .sql(
          `INSERT INTO scheduled_sends (visitor_id, campaign_id, site_key, properties, due_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (visitor_id, campaign_id) DO UPDATE SET properties = excluded.properties, due_at = excluded.due_at`,
        )
        .run(send.visitorId, send.campaignId, send.siteKey, JSON.stringify(send.properties), send.dueAt);
    });
  }

  cancel(visitorId: string, campaignIds: string[]): Promise<number> {
    return this.run(() => {
      let cancelled = 0;
      const statement = this.connection.sql(
        'DELETE FROM scheduled_sends WHERE visitor_id = ? AND campaign_id = ?',
      );
      for (const campaignId of campaignIds) cancelled += statement.run(visitorId, campaignId).changes;
      return cancelled;
    });
  }

  due(at: string, limit: number): Promise<ScheduledSend[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('SELECT * FROM scheduled_sends WHERE due_at <= ? ORDER BY due_at LIMIT ?')
        .all(at, limit) as ScheduledSendRow[];
      return rows.map(toScheduledSend);
    });
  }

  delete(visitorId: string, campaignId: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('DELETE FROM scheduled_sends WHERE visitor_id = ? AND campaign_id = ?')
        .run(visitorId, campaignId);
    });
  }

  moveAll(fromVisitorId: string, toVisitorId: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql(
          `DELETE FROM scheduled_sends WHERE visitor_id = ?
             AND campaign_id IN (SELECT campaign_id FROM scheduled_sends WHERE visitor_id = ?)`,
        )
        .run(fromVisitorId, toVisitorId);
      this.connection
        .sql('UPDATE scheduled_sends SET visitor_id = ? WHERE visitor_id = ?')
        .run(toVisitorId, fromVisitorId);
    });
  }
}
