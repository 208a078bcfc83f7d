import type { Attributes } from '@sapa/protocol';
import type { TrackedEventRepository } from '../chat-store.js';
import type { TrackedEvent } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

/** Most events one lookup reads: a counting rule needs a handful, never a visitor's whole history. */
export const LOOKUP_LIMIT = 500;

/** The `tracked_events` table on SQLite. */
export class SqliteTrackedEvents implements TrackedEventRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  insert(visitorId: string, name: string, properties: Attributes): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('INSERT INTO tracked_events (visitor_id, name, properties, tracked_at) VALUES (?, ?, ?, ?)')
        .run(visitorId, name, JSON.stringify(properties), this.connection.now());
    });
  }

  since(visitorId: string, name: string, since: string): Promise<TrackedEvent[]> {
    return this.run(() => {
      const rows = this.connection
        .sql(
          `SELECT name, properties, tracked_at FROM tracked_events WHERE visitor_id = ? AND name = ? AND tracked_at >= ?
             ORDER BY tracked_at DESC, id DESC LIMIT ?`,
        )
        .all(visitorId, name, since, LOOKUP_LIMIT) as Array<{
        name: string;
        properties: string;
        tracked_at: string;
      }>;
      return rows.reverse().map((row) => ({
        name: row.name,
        properties: JSON.parse(row.properties) as Attributes,
        trackedAt: row.tracked_at,
      }));
    });
  }

  deleteBefore(before: string): Promise<number> {
    return this.run(
      () => this.connection.sql('DELETE FROM tracked_events WHERE tracked_at < ?').run(before).changes,
    );
  }

  moveAll(fromVisitorId: string, toVisitorId: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('UPDATE tracked_events SET visitor_id = ? WHERE visitor_id = ?')
        .run(toVisitorId, fromVisitorId);
    });
  }
}
