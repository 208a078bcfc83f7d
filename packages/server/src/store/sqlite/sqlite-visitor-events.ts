import { formatCursor } from '../../ids.js';
import type { VisitorEventRepository } from '../chat-store.js';
import type { NewStoredEvent, StoredEvent } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';
import type { EventHead } from './sqlite-event-head.js';
import { type EventRow, toStoredEvents } from './sqlite-message-rows.js';
import type { SqliteStoreMemory } from './sqlite-store-memory.js';

/**
 * The per-visitor event log (`visitor_events`) on SQLite, keyed by visitor and cursor. An event about a
 * message refers to the message's row instead of holding a copy (issue 14): a replay reads the message as it
 * is now. Cursors continue from `visitor_event_head`, the newest position ever handed out, which never goes
 * back (kept in memory, see {@link EventHead}).
 */
export class SqliteVisitorEvents implements VisitorEventRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
    private readonly publicUrl: () => string,
    private readonly memory: SqliteStoreMemory,
  ) {}

  append(visitorId: string, event: NewStoredEvent, retention: number): Promise<string> {
    return this.run(() => {
      const position = this.memory.eventHead.take(this.readHead);
      const messageKey = 'message' in event ? this.memory.messageKeys.get(event.message) : undefined;
      if (messageKey !== undefined) {
        this.connection
          .sql('INSERT INTO visitor_events (visitor_id, cursor, type, message_key) VALUES (?, ?, ?, ?)')
          .run(visitorId, position, event.type, messageKey);
      } else if ('message' in event) {
        // A message this process did not just store: found by its conversation and seq.
        const inserted = this.connection
          .sql(
            `INSERT INTO visitor_events (visitor_id, cursor, type, message_key)
               SELECT ?, ?, ?, key FROM messages WHERE conversation_id = ? AND seq = ?`,
          )
          .run(visitorId, position, event.type, event.message.conversationId, event.message.seq);
        if (inserted.changes !== 1) {
          throw new Error(`Message ${event.message.id} is not stored; its event cannot refer to it.`);
        }
      } else {
        this.connection
          .sql('INSERT INTO visitor_events (visitor_id, cursor, type, data) VALUES (?, ?, ?, ?)')
          .run(visitorId, position, event.type, event.data);
      }
      // Trimmed in batches of a tenth of what is kept: the log holds up to 10 % more between trims.
      if (this.memory.trims.due(visitorId, Math.max(1, Math.floor(retention / 10))))
        this.trim(visitorId, retention);
      return formatCursor(position);
    });
  }

  after(visitorId: string, position: number): Promise<StoredEvent[]> {
    return this.run(() => {
      const rows = this.connection
        .sql(
          `SELECT event.cursor AS event_cursor, event.type AS event_type, event.data AS event_data, message.*
             FROM visitor_events AS event LEFT JOIN messages AS message ON message.key = event.message_key
             WHERE event.visitor_id = ? AND event.cursor > ? ORDER BY event.cursor`,
        )
        .all(visitorId, position) as EventRow[];
      return toStoredEvents(rows, this.publicUrl());
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
    return this.run(() => this.memory.eventHead.current(this.readHead));
  }

  private readonly readHead = () =>
    (this.connection.sql('SELECT position FROM visitor_event_head').get() as { position: number }).position;

  /** Drops the visitor's events beyond the newest `retention`, raising their `prunedThrough` (410 below it). */
  private trim(visitorId: string, retention: number): void {
    const newestDropped = this.connection
      .sql('SELECT cursor FROM visitor_events WHERE visitor_id = ? ORDER BY cursor DESC LIMIT 1 OFFSET ?')
      .get(visitorId, retention) as { cursor: number } | undefined;
    if (!newestDropped) return;
    this.connection
      .sql('DELETE FROM visitor_events WHERE visitor_id = ? AND cursor <= ?')
      .run(visitorId, newestDropped.cursor);
    // The floor is kept on the visitor's row, which every stream request has already read.
    this.connection
      .sql('UPDATE visitors SET pruned_through = MAX(pruned_through, ?) WHERE id = ?')
      .run(newestDropped.cursor, visitorId);
    this.memory.visitors.delete(visitorId);
  }
}
