import type { EventHub, OutgoingEvent } from '../event-hub.js';
import type { Transaction } from '../store/chat-store.js';
import type { EventBus } from './event-bus.js';

/** One node (SQLite): events go straight to this process's streams, after their transaction commits. */
export class LocalEventBus implements EventBus {
  constructor(private readonly hub: EventHub) {}

  toVisitor(transaction: Transaction, visitorId: string, event: OutgoingEvent): void {
    transaction.afterCommit(() => this.hub.publishToVisitor(visitorId, event));
  }

  toAgents(transaction: Transaction, event: OutgoingEvent): void {
    transaction.afterCommit(() => this.hub.publishToAgents(event));
  }

  publishToVisitor(visitorId: string, event: OutgoingEvent): void {
    this.hub.publishToVisitor(visitorId, event);
  }

  publishToAgents(event: OutgoingEvent): void {
    this.hub.publishToAgents(event);
  }

  publishToAgentsHere(event: OutgoingEvent): void {
    this.hub.publishToAgents(event);
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}
