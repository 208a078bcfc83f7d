/**
 * Who is connected, across every node (issue 14): a visitor is online while any node holds a stream of theirs;
 * agents are online while any node holds an agent stream. A node that stops (crashes, is cut off) stops counting
 * within a bounded time.
 */
export interface Presence {
  /** Whether any node holds a stream of the visitor. */
  isVisitorOnline(visitorId: string): boolean;
  /** Whether any node holds an agent stream: it silences the bot and drives the site's availability. */
  agentsOnline(): boolean;
  /**
   * Calls `listener` with the visitors who went away because a node holding their streams stopped counting (it
   * died or left); every node learns it by itself. Returns the unsubscribe.
   */
  onVisitorsLeft(listener: (visitorIds: string[]) => void): () => void;
  /** Starts keeping the count (heartbeats on PostgreSQL). */
  start(): Promise<void>;
  /** Stops counting this node. */
  close(): Promise<void>;
}
