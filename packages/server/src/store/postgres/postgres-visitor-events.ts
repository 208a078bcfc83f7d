import type { Message } from '@sapa/protocol';
import { formatCursor } from '../../ids.js';
import type { VisitorEventRepository } from '../chat-store.js';
import type { NewStoredEvent, StoredEvent } from '../records.js';
import { type EventRow, toStoredEvents } from '../sqlite/sqlite-message-rows.js';
import type { TrimSchedule } from '../sqlite/sqlite-trim-schedule.js';
import { LOCKS, type PostgresRunner } from './postgres-connection.js';

/**
 * The per-visitor event log (`visitor_events`) on PostgreSQL. Cursors come from one sequence, so they grow
 * across every visitor and server. A visitor's events must commit in cursor order (a stream resuming after a
 * cursor must never miss an event committed later with a smaller one), so an append first takes the
 * visitor's advisory lock, held until its transaction ends, and only then draws the next cursor. An event
 * about a message refers to the message's row, as on SQLite.
 */
export class PostgresVisitorEvents implements VisitorEventRepository {
  constructor(
    private readonly run: PostgresRunner,
    private readonly publicUrl: () => string,
    private readonly messageKeys: WeakMap<Message, number>,
    private readonly trims: TrimSchedule,
  ) {}

  append(visitorId: string, event: NewStoredEvent, retention: number): Promise<string> {
    return this.run.atomic(async (run) => {
      await run.lockInTransaction(LOCKS.visitorEvents, visitorId);
      const messageKey = 'message' in event ? this.messageKeys.get(event.message) : undefined;
      let row: { cursor: number } | undefined;
      if (messageKey !== undefined) {
        row = await run.row(
          `INSERT INTO visitor_events (visitor_id, cursor, type, message_key)
             VALUES ($1, nextval('visitor_event_cursor'), $2, $3) RETURNING cursor`,
          [visitorId, event.type, messageKey],
        );
      } else if ('message' in event) {
        // A message this process did not just store: found by its conversation and seq.
        row = await run.row(
          `INSERT INTO visitor_events (visitor_id, cursor, type, message_key)
             SELECT $1, nextval('visitor_event_cursor'), $2, key FROM messages WHERE conversation_id = $3 AND seq = $4
             RETURNING cursor`,
          [visitorId, event.type, event.message.conversationId, event.message.seq],
        );
        if (!row) throw new Error(`Message ${event.message.id} is not stored; its event cannot refer to it.`);
      } else {
        row = await run.row(
          `INSERT INTO visitor_events (visitor_id, cursor, type, data)
             VALUES ($1, nextval('visitor_event_cursor'), $2, $3) RETURNING cursor`,
          [visitorId, event.type, event.data],
        );
      }
      // Trimmed in batches of a tenth of what is kept, counted by this server: the log holds up to 10 % more
      // between trims (more with several servers, each counting its own appends), never less than `retention`.
      if (this.trims.due(visitorId, Math.max(1, Math.floor(retention / 10))))
        await this.trim(run, visitorId, retention);
      return formatCursor((row as { cursor: number }).cursor);
    });
  }

  async after(visitorId: string, position: number): Promise<StoredEvent[]> {
    const rows = await this.run.rows<EventRow>(
      `SELECT event.cursor AS event_cursor, event.type AS event_type, event.data AS event_data, message.*
         FROM visitor_events AS event LEFT JOIN messages AS message ON message.key = event.message_key
         WHERE event.visitor_id = $1 AND event.cursor > $2 ORDER BY event.cursor`,
      [visitorId, position],
    );
    return toStoredEvents(rows, this.publicUrl());
  }

  async latestPosition(visitorId: string): Promise<number | undefined> {
    const row = await this.run.row<{ position: number | null }>(
      'SELECT MAX(cursor) AS position FROM visitor_events WHERE visitor_id = $1',
      [visitorId],
    );
    return row?.position ?? undefined;
  }

  async headPosition(): Promise<number> {
    // The newest cursor any server drew (some may belong to transactions still open or rolled back: cursors
    // are ordered, not gapless).
    const row = await this.run.row<{ position: number }>(
      'SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS position FROM visitor_event_cursor',
    );
    return row?.position ?? 0;
  }

  /** Drops the visitor's events beyond the newest `retention`, raising their `prunedThrough` (410 below it). */
  private async trim(run: PostgresRunner, visitorId: string, retention: number): Promise<void> {
    const newestDropped = await run.row<{ cursor: number }>(
      'SELECT cursor FROM visitor_events WHERE visitor_id = $1 ORDER BY cursor DESC LIMIT 1 OFFSET $2',
      [visitorId, retention],
    );
    if (!newestDropped) return;
    await run.run('DELETE FROM visitor_events WHERE visitor_id = $1 AND cursor <= $2', [
      visitorId,
      newestDropped.cursor,
    ]);
    await run.run('UPDATE visitors SET pruned_through = GREATEST(pruned_through, $1) WHERE id = $2', [
      newestDropped.cursor,
      visitorId,
    ]);
  }
}
