import type { CampaignDeliveryRepository } from '../chat-store.js';
import { now, type Runner, type SqliteConnection } from './sqlite-connection.js';

/** The `campaign_deliveries` table on SQLite. */
export class SqliteCampaignDeliveries implements CampaignDeliveryRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  claim(visitorId: string, deliveryKey: string): Promise<boolean> {
    return this.run(
      () =>
        this.connection
          .sql(
            'INSERT OR IGNORE INTO campaign_deliveries (visitor_id, delivery_key, delivered_at) VALUES (?, ?, ?)',
          )
          .run(visitorId, deliveryKey, now()).changes === 1,
    );
  }
}
