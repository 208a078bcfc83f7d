import type { StreamEventMap } from '@sapa/protocol';
import { formatCursor } from '../../ids.js';
import type { VisitorEventRepository } from '../chat-store.js';
import type { StoredEvent } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

/** The per-visitor event log (`visitor_events`) on SQLite; its cursor is the row's autoincrement key. */
export class SqliteVisitorEvents implements VisitorEventRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  append(visitorId: string, type: keyof StreamEventMap, data: string, retention: number): Promise<string> {
    return this.run(() => {
      const { cursor } = this.connection
        .sql('INSERT INTO visitor_events (visitor_id, type, data) VALUES (?, ?, ?) RETURNING cursor')
        .get(visitorId, type, data) as { cursor: number };
      const oldestKept = this.connection
        .sql('SELECT cursor FROM visitor_events WHERE visitor_id = ? ORDER BY cursor DESC LIMIT 1 OFFSET ?')
        .get(visitorId, retention) as { cursor: number } | undefined;
      if (oldestKept) {
        // Everything at or below this position is dropped; a stream asking to resume from before it gets 410.
        // The floor is kept on the visitor's row, which every stream request has already read.
        this.connection
          .sql('DELETE FROM visitor_events WHERE visitor_id = ? AND cursor <= ?')
          .run(visitorId, oldestKept.cursor);
        this.connection
          .sql('UPDATE visitors SET pruned_through = MAX(pruned_through, ?) WHERE id = ?')
          .run(oldestKept.cursor, visitorId);
      }
      return formatCursor(cursor);
    });
  }

  after(visitorId: string, position: number): Promise<StoredEvent[]> {
    return this.run(() => {
      const rows = this.connection
        .sql(
          'SELECT cursor, type, data FROM visitor_events WHERE visitor_id = ? AND cursor > ? ORDER BY cursor',
        )
        .all(visitorId, position) as { cursor: number; type: keyof StreamEventMap; data: string }[];
      return rows.map((row) => ({ cursor: formatCursor(row.cursor), type: row.type, data: row.data }));
    });
  }

  latestPosition(visitorId: string): Promise<number | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT MAX(cursor) AS position FROM visitor_events WHERE visitor_id = ?')
        .get(visitorId) as { position: number | null };
      return row.position ?? undefined;
    });
  }

  headPosition(): Promise<number> {
    return this.run(() => {
      const row = this.connection
        .sql("SELECT seq FROM sqlite_sequence WHERE name = 'visitor_events'")
        .get() as { seq: number } | undefined;
      return row?.seq ?? 0;
    });
  }
}
