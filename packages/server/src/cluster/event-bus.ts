import type { OutgoingEvent } from '../event-hub.js';
import type { Transaction } from '../store/chat-store.js';

/**
 * How live events reach the open streams of every node (issue 14). Events tied to a change are handed over with
 * its transaction and leave only if it commits, in commit order; the others leave now. On one node (SQLite) this
 * is the {@link EventHub} itself after commit; on PostgreSQL it is `NOTIFY` sent in the transaction and `LISTEN`
 * on every node.
 */
export interface EventBus {
  /**
   * Sends an event to the visitor's streams on every node once `transaction` commits. A durable event (with an
   * `id`, appended to the visitor's log in the same transaction) may travel as its cursor alone: a node holding
   * a stream of the visitor reads it back from the log.
   */
  toVisitor(transaction: Transaction, visitorId: string, event: OutgoingEvent): void;
  /** Sends an event to every agent stream on every node once `transaction` commits. */
  toAgents(transaction: Transaction, event: OutgoingEvent): void;
  /** Sends a live-only event (typing) to the visitor's streams on every node, now. */
  publishToVisitor(visitorId: string, event: OutgoingEvent): void;
  /** Sends a live-only event (typing, presence) to every agent stream on every node, now. */
  publishToAgents(event: OutgoingEvent): void;
  /** Sends a live-only event to the agent streams of this node only (what every node learns by itself). */
  publishToAgentsHere(event: OutgoingEvent): void;
  /** Starts listening (a dedicated connection on PostgreSQL). */
  start(): Promise<void>;
  /** Stops listening. */
  close(): Promise<void>;
}
