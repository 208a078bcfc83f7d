import type { Attributes } from '@sapa/protocol';
import type { TrackedEventRepository } from '../chat-store.js';
import type { TrackedEvent } from '../records.js';
import { LOOKUP_LIMIT } from '../sqlite/sqlite-tracked-events.js';
import type { PostgresConnection, PostgresRunner } from './postgres-connection.js';

/** The `tracked_events` table on PostgreSQL. */
export class PostgresTrackedEvents implements TrackedEventRepository {
  constructor(
    private readonly connection: PostgresConnection,
    private readonly run: PostgresRunner,
  ) {}

  async insert(visitorId: string, name: string, properties: Attributes): Promise<void> {
    await this.run.run(
      'INSERT INTO tracked_events (visitor_id, name, properties, tracked_at) VALUES ($1, $2, $3, $4)',
      [visitorId, name, JSON.stringify(properties), this.connection.now()],
    );
  }

  async since(visitorId: string, name: string, since: string): Promise<TrackedEvent[]> {
    const rows = await this.run.rows<{ name: string; properties: string; tracked_at: string }>(
      `SELECT name, properties, tracked_at FROM tracked_events WHERE visitor_id = $1 AND name = $2 AND tracked_at >= $3
         ORDER BY tracked_at DESC, id DESC LIMIT $4`,
      [visitorId, name, since, LOOKUP_LIMIT],
    );
    return rows.reverse().map((row) => ({
      name: row.name,
      properties: JSON.parse(row.properties) as Attributes,
      trackedAt: row.tracked_at,
    }));
  }

  deleteBefore(before: string): Promise<number> {
    return this.run.run('DELETE FROM tracked_events WHERE tracked_at < $1', [before]);
  }

  async moveAll(fromVisitorId: string, toVisitorId: string): Promise<void> {
    await this.run.run('UPDATE tracked_events SET visitor_id = $1 WHERE visitor_id = $2', [
      toVisitorId,
      fromVisitorId,
    ]);
  }
}
