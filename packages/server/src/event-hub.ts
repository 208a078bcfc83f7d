/** Internal event type that ends a stream instead of being written to it. */
export const CLOSE_STREAM_EVENT = 'sapa.close';

/** One event ready to be written to an SSE stream. */
export interface OutgoingEvent {
  type: string;
  /** The cursor of a durable event; absent for live-only events such as `typing`. */
  id?: string;
  /** JSON text. */
  data: string;
}

/** Something listening on a stream. */
export type EventListener = (event: OutgoingEvent) => void;

/**
 * Live fan-out of events to the open SSE connections: one set per visitor (all their tabs) and one set of
 * agent consoles. Durable storage is the event log's job; this only reaches whoever is connected now.
 */
export class EventHub {
  private readonly visitors = new Map<string, Set<EventListener>>();
  private readonly agents = new Set<EventListener>();
  private readonly presenceListeners = new Set<() => void>();
  private readonly visitorPresenceListeners = new Set<(visitorId: string, online: boolean) => void>();

  subscribeVisitor(visitorId: string, listener: EventListener): () => void {
    let listeners = this.visitors.get(visitorId);
    if (!listeners) {
      listeners = new Set();
      this.visitors.set(visitorId, listeners);
      for (const each of this.visitorPresenceListeners) each(visitorId, true);
    }
    listeners.add(listener);
    return () => {
      if (!listeners.delete(listener) || listeners.size > 0) return;
      this.visitors.delete(visitorId);
      for (const each of this.visitorPresenceListeners) each(visitorId, false);
    };
  }

  subscribeAgent(listener: EventListener): () => void {
    this.agents.add(listener);
    if (this.agents.size === 1) this.notifyPresence();
    return () => {
      if (this.agents.delete(listener) && this.agents.size === 0) this.notifyPresence();
    };
  }

  /** Called when the first agent connects or the last one leaves. */
  onAgentPresenceChange(listener: () => void): () => void {
    this.presenceListeners.add(listener);
    return () => this.presenceListeners.delete(listener);
  }

  /** Called when a visitor's first stream on this node opens (`true`) or their last one closes (`false`). */
  onVisitorPresenceChange(listener: (visitorId: string, online: boolean) => void): () => void {
    this.visitorPresenceListeners.add(listener);
    return () => this.visitorPresenceListeners.delete(listener);
  }

  /** The visitors with a stream open on this node. */
  onlineVisitors(): IterableIterator<string> {
    return this.visitors.keys();
  }

  publishToVisitor(visitorId: string, event: OutgoingEvent): void {
    for (const listener of this.visitors.get(visitorId) ?? []) listener(event);
  }

  publishToAgents(event: OutgoingEvent): void {
    for (const listener of this.agents) listener(event);
  }

  /** Ends every open stream of a visitor (its token was replaced by another visitor's). */
  closeVisitorStreams(visitorId: string): void {
    this.publishToVisitor(visitorId, { type: CLOSE_STREAM_EVENT, data: '{}' });
  }

  /** Ends every open agent stream; the consoles reconnect and load what they missed over REST. */
  closeAgentStreams(): void {
    this.publishToAgents({ type: CLOSE_STREAM_EVENT, data: '{}' });
  }

  isVisitorOnline(visitorId: string): boolean {
    return this.visitors.has(visitorId);
  }

  get visitorStreamCount(): number {
    let count = 0;
    for (const listeners of this.visitors.values()) count += listeners.size;
    return count;
  }

  get agentStreamCount(): number {
    return this.agents.size;
  }

  private notifyPresence(): void {
    for (const listener of this.presenceListeners) listener();
  }
}
