import type { EventHub, OutgoingEvent } from '../event-hub.js';
import { parseCursor } from '../ids.js';
import type { Transaction, VisitorEventRepository } from '../store/chat-store.js';
import type { EventBus } from './event-bus.js';
import { NOTIFY_CHANNEL, type SqlRunner, sendNotifications } from './postgres-notifications.js';

/** An event notification as received (see `postgres-notifications.ts` for the forms). */
export type EventNotification =
  | { k: 'v'; v: string; c: string }
  | { k: 'l'; v: string; t: string; d: string }
  | { k: 'a'; t: string; d: string };

/**
 * Events across nodes on PostgreSQL (issue 14): sent with `pg_notify` in the transaction of the change (so they
 * arrive after its commit, in commit order, never after a rollback) and written to this node's streams when
 * they come back on the listening connection, this node's own included, so every node sees one order.
 * A durable visitor event travels as its cursor alone: the node holding the visitor's stream reads the log
 * after the last event it wrote them (one read for a burst), so a stream never gets one twice or out of order.
 */
export class PostgresEventBus implements EventBus {
  /** Per visitor with a stream here: the newest position written, and the read under way. */
  private readonly written = new Map<string, number>();
  private readonly reading = new Map<string, Promise<void>>();
  /** Live events waiting to be sent, and the send under way: one at a time, so they arrive in order. */
  private readonly outbox: string[] = [];
  private sending: Promise<void> | undefined;

  constructor(
    private readonly hub: EventHub,
    private readonly events: VisitorEventRepository,
    /** Runs statements on the pool (events sent outside any transaction). */
    private readonly direct: SqlRunner,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    // A visitor whose last stream here closed: forget what was written to them.
    hub.onVisitorPresenceChange((visitorId, online) => {
      if (!online) this.written.delete(visitorId);
    });
  }

  toVisitor(transaction: Transaction, visitorId: string, event: OutgoingEvent): void {
    transaction.notify(NOTIFY_CHANNEL, visitorPayload(visitorId, event));
  }

  toAgents(transaction: Transaction, event: OutgoingEvent): void {
    transaction.notify(NOTIFY_CHANNEL, agentPayload(event));
  }

  publishToVisitor(visitorId: string, event: OutgoingEvent): void {
    this.sendNow(visitorPayload(visitorId, event));
  }

  publishToAgents(event: OutgoingEvent): void {
    this.sendNow(agentPayload(event));
  }

  publishToAgentsHere(event: OutgoingEvent): void {
    this.hub.publishToAgents(event);
  }

  /** An event notification arrived (in commit order): writes it to this node's streams it concerns. */
  receive(notification: EventNotification): void {
    if (notification.k === 'a') {
      this.hub.publishToAgents({ type: notification.t, data: notification.d });
    } else if (notification.k === 'l') {
      this.hub.publishToVisitor(notification.v, { type: notification.t, data: notification.d });
    } else if (this.hub.isVisitorOnline(notification.v)) {
      const position = parseCursor(notification.c);
      if (position !== undefined) this.readAndWrite(notification.v, position);
    }
  }

  /**
   * The listening connection broke and notifications may have been lost: this node's visitor streams end, and
   * their clients resume from their cursors (the log has every durable event).
   */
  caughtUp(visitorIds: Iterable<string>): void {
    for (const visitorId of visitorIds) this.hub.closeVisitorStreams(visitorId);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {
    await this.sending;
    await Promise.allSettled(this.reading.values());
  }

  private readAndWrite(visitorId: string, position: number): void {
    const previous = this.reading.get(visitorId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const written = this.written.get(visitorId) ?? 0;
      if (position <= written || !this.hub.isVisitorOnline(visitorId)) return;
      try {
        const events = await this.events.after(visitorId, Math.max(written, position - 1));
        for (const event of events) {
          this.hub.publishToVisitor(visitorId, { type: event.type, id: event.cursor, data: event.data });
        }
        const last = events.at(-1);
        if (last && this.hub.isVisitorOnline(visitorId)) {
          this.written.set(visitorId, parseCursor(last.cursor) ?? position);
        }
      } catch (error) {
        this.log(
          'Reading a visitor event another node announced failed; their stream ends to resume.',
          error,
        );
        this.hub.closeVisitorStreams(visitorId);
      }
    });
    this.reading.set(visitorId, next);
    void next.finally(() => {
      if (this.reading.get(visitorId) === next) this.reading.delete(visitorId);
    });
  }

  /**
   * Sends a live event outside any transaction. Two sends on two pooled connections could arrive in either
   * order ("stopped typing" before "typing"), so they leave one batch at a time, in the order they were made.
   */
  private sendNow(payload: string): void {
    this.outbox.push(payload);
    if (this.sending) return;
    this.sending = (async () => {
      while (this.outbox.length > 0) {
        const batch = this.outbox.splice(0).map((each) => ({ channel: NOTIFY_CHANNEL, payload: each }));
        await sendNotifications(this.direct, batch).catch((error: unknown) => {
          this.log('Telling the other nodes about a live event failed.', error);
        });
      }
      this.sending = undefined;
    })();
  }
}

function visitorPayload(visitorId: string, event: OutgoingEvent): string {
  return event.id === undefined
    ? JSON.stringify({ k: 'l', v: visitorId, t: event.type, d: event.data })
    : JSON.stringify({ k: 'v', v: visitorId, c: event.id });
}

function agentPayload(event: OutgoingEvent): string {
  return JSON.stringify({ k: 'a', t: event.type, d: event.data });
}
