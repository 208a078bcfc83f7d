import type { EventHub } from '../event-hub.js';
import type { EventBus } from './event-bus.js';
import { LocalEventBus } from './local-event-bus.js';
import { LocalPresence } from './local-presence.js';
import type { Presence } from './presence.js';
import { SINGLE_NODE_CLAIMS, type SweepClaims } from './sweep-claims.js';

/** What this node shares with the others on the same database: events, presence, and who runs each sweep. */
export interface Cluster {
  bus: EventBus;
  presence: Presence;
  claims: SweepClaims;
  /** Deletes what the nodes no longer need (the maintenance sweep runs it). */
  sweep(): Promise<void>;
  /** Starts listening and counting; call before serving. */
  start(): Promise<void>;
  /** Stops both; this node no longer counts. */
  close(): Promise<void>;
}

/** The embedded store's cluster of one: this process's streams are everyone's, every sweep runs here. */
export function singleNodeCluster(hub: EventHub): Cluster {
  const bus = new LocalEventBus(hub);
  const presence = new LocalPresence(hub);
  return {
    bus,
    presence,
    claims: SINGLE_NODE_CLAIMS,
    sweep: async () => {},
    start: async () => {},
    close: async () => {},
  };
}
