import type { Presence } from '../cluster/presence.js';
import type { EventHub, EventListener, OutgoingEvent } from '../event-hub.js';
import { parseCursor } from '../ids.js';
import { ProblemError } from '../problem.js';
import type { ChatStore } from '../store/chat-store.js';
import type { VisitorRecord } from '../store/records.js';
import type { FanOut } from './fan-out.js';

/** How stale a visitor's `lastSeenAt` may be before opening a stream writes it again. */
const LAST_SEEN_PRECISION_MS = 60_000;

/** A visitor's stream, opened: the durable events after their cursor, then live ones from `subscribe`. */
export interface OpenedVisitorStream {
  replay: OutgoingEvent[];
  /** Starts live delivery (events that arrived while the replay was read come first); returns the stop. */
  subscribe(listener: EventListener): () => void;
}

/**
 * What `GET /v1/stream` does: checks the visitor's cursor, replays the durable events after it, subscribes
 * to live ones, and keeps the agents told whether the visitor is online (a stream of theirs is open).
 */
export class VisitorStream {
  constructor(
    private readonly store: ChatStore,
    private readonly hub: EventHub,
    private readonly presence: Presence,
    private readonly fanOut: FanOut,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  /**
   * Checks a cursor as opening a stream would, without opening one (`HEAD /v1/stream`); returns its position.
   * @throws {ProblemError} 400 for a cursor this server never made, 410 for one older than the kept events
   */
  async check(visitor: VisitorRecord, cursor: string | undefined): Promise<number | undefined> {
    if (cursor === undefined || cursor === '') return undefined;
    const position = parseCursor(cursor);
    if (position === undefined)
      throw new ProblemError('invalid_request', 'The cursor is not one this server made.');
    // Older than what is kept, or from another database (ahead of anything written): resync over REST.
    if (position < visitor.prunedThrough || position > (await this.store.events.headPosition())) {
      throw new ProblemError('gone', 'The cursor is older than the events kept; refetch over REST.');
    }
    return position;
  }

  /**
   * Opens a stream from `cursor` (none: live events only).
   * @throws {ProblemError} 400 for a cursor this server never made, 410 for one older than the kept events
   */
  async open(visitor: VisitorRecord, cursor: string | undefined): Promise<OpenedVisitorStream> {
    const visitorId = visitor.visitor.id;
    const position = await this.check(visitor, cursor);
    const wasOnline = this.presence.isVisitorOnline(visitorId);
    // Subscribe before reading the replay, holding live events back meanwhile: an event committed while the
    // replay is read is then in one or both, never in neither (duplicates are dropped by cursor below).
    const held: OutgoingEvent[] = [];
    let forward: EventListener | undefined;
    const unsubscribe = this.hub.subscribeVisitor(visitorId, (event) => {
      if (forward) forward(event);
      else held.push(event);
    });
    let replay: OutgoingEvent[];
    try {
      replay =
        position === undefined
          ? []
          : (await this.store.events.after(visitorId, position)).map((event) => ({
              type: event.type,
              id: event.cursor,
              data: event.data,
            }));
      // Last seen is kept to the minute: a stream reopened sooner (a flaky network, every tab of a visitor
      // reconnecting after a restart) writes nothing (issue 14).
      if (Date.parse(this.store.now()) - Date.parse(visitor.lastSeenAt) >= LAST_SEEN_PRECISION_MS) {
        await this.store.visitors.touch(visitorId);
      }
      if (!wasOnline) await this.fanOut.visitorPresenceChanged(visitorId);
    } catch (error) {
      this.stop(visitorId, unsubscribe);
      throw error;
    }
    // Cursors are zero-padded, so they compare as strings.
    const lastReplayed = replay.at(-1)?.id;
    return {
      replay,
      subscribe: (listener) => {
        for (const event of held) {
          if (event.id === undefined || lastReplayed === undefined || event.id > lastReplayed)
            listener(event);
        }
        held.length = 0;
        forward = listener;
        return () => this.stop(visitorId, unsubscribe);
      },
    };
  }

  private stop(visitorId: string, unsubscribe: () => void): void {
    unsubscribe();
    if (this.presence.isVisitorOnline(visitorId)) return;
    this.fanOut.visitorPresenceChanged(visitorId).catch((error: unknown) => {
      this.log('Telling agents that a visitor went away failed.', error);
    });
  }
}
