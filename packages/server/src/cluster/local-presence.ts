import type { EventHub } from '../event-hub.js';
import type { Presence } from './presence.js';

/** One node (SQLite): who is connected is who holds a stream of this process. */
export class LocalPresence implements Presence {
  constructor(private readonly hub: EventHub) {}

  isVisitorOnline(visitorId: string): boolean {
    return this.hub.isVisitorOnline(visitorId);
  }

  agentsOnline(): boolean {
    return this.hub.agentStreamCount > 0;
  }

  /** One node: its visitors' streams end with it; nobody is left to tell. */
  onVisitorsLeft(): () => void {
    return () => {};
  }

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}
