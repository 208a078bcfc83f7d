/**
 * The notifications nodes send each other on PostgreSQL (issue 14), on one channel, as JSON:
 *
 * - `{"k":"v","v":visitorId,"c":cursor}`: a durable event of the visitor's log; a node holding a stream of the
 *   visitor reads it (and any later ones) back from the log and writes them.
 * - `{"k":"l","v":visitorId,"t":type,"d":data}`: a live-only event for the visitor's streams (typing, closing).
 * - `{"k":"a","t":type,"d":data}`: an event for every agent stream.
 * - `{"k":"p","n":nodeId,"on":[…],"off":[…],"agents":0|1}`: a node's visitors that came online or left, and
 *   whether it holds agent streams ({@link PostgresPresence}).
 *
 * NOTIFY carries at most 8000 bytes: a payload over {@link INLINE_PAYLOAD_BYTES} (an agent event about a long
 * message) is stored in `sapa_notify_payloads`, in the same transaction, and sent as `@<row id>`; the
 * receiver reads the row. Rows are deleted after {@link PAYLOAD_ROW_TTL_SECONDS} by the maintenance sweep.
 */

/** The channel every node listens on. */
export const NOTIFY_CHANNEL = 'sapa_events';

/** Payloads up to this many UTF-8 bytes travel in the notification itself. */
export const INLINE_PAYLOAD_BYTES = 7_900;

/** How long a stored payload is kept (every node has read it long before). */
export const PAYLOAD_ROW_TTL_SECONDS = 600;

/** Runs a statement and answers its rows: a transaction's runner or the pool's. */
export interface SqlRunner {
  rows<T>(text: string, values?: unknown[]): Promise<T[]>;
}

/** One notification sent by {@link sendNotifications}. */
export interface Notification {
  channel: string;
  payload: string;
}

/**
 * Sends notifications in order, on the runner's connection: inside a transaction they are delivered when it
 * commits (in commit order, never after a rollback). Large payloads are stored and sent as `@<row id>`.
 */
export async function sendNotifications(run: SqlRunner, notifications: Notification[]): Promise<void> {
  if (notifications.length === 0) return;
  const channels: string[] = [];
  const payloads: string[] = [];
  for (const { channel, payload } of notifications) {
    channels.push(channel);
    if (Buffer.byteLength(payload) <= INLINE_PAYLOAD_BYTES) {
      payloads.push(payload);
      continue;
    }
    const [row] = await run.rows<{ id: number | string }>(
      'INSERT INTO sapa_notify_payloads (payload) VALUES ($1) RETURNING id',
      [payload],
    );
    payloads.push(`@${row?.id}`);
  }
  // One round trip for all of them; WITH ORDINALITY and ORDER BY keep their order.
  await run.rows(
    `SELECT pg_notify(channel, payload)
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS sent(channel, payload, position)
      ORDER BY position`,
    [channels, payloads],
  );
}

/** The payload a notification stands for: itself, or the stored one it refers to (undefined once deleted). */
export async function resolvePayload(run: SqlRunner, payload: string): Promise<string | undefined> {
  if (!payload.startsWith('@')) return payload;
  const [row] = await run.rows<{ payload: string }>(
    'SELECT payload FROM sapa_notify_payloads WHERE id = $1',
    [payload.slice(1)],
  );
  return row?.payload;
}
