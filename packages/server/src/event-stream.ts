import type { ServerResponse } from 'node:http';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@sapa/protocol';
import { CLOSE_STREAM_EVENT, type EventListener, type OutgoingEvent } from './event-hub.js';

/** Bytes of live events waiting for a slow client (beyond its replay) before its stream is ended. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

const STREAM_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  [PROTOCOL_HEADER]: PROTOCOL_VERSION,
};

function frame(event: OutgoingEvent): string {
  const idLine = event.id === undefined ? '' : `id: ${event.id}\n`;
  return `${idLine}event: ${event.type}\ndata: ${event.data}\n\n`;
}

/**
 * Every SSE answer open on this server: one timer pings them all (`: ping` every `heartbeatMs`) instead of a
 * timer per stream, and the server ends them all when it closes.
 */
export class OpenStreams {
  private readonly ends = new Set<() => void>();
  private readonly pings = new Set<() => void>();
  private heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly heartbeatMs: number) {}

  /** Adds a stream (its ping and its end); returns the removal. */
  add(ping: () => void, end: () => void): () => void {
    this.pings.add(ping);
    this.ends.add(end);
    if (!this.heartbeat) {
      this.heartbeat = setInterval(() => {
        for (const each of this.pings) each();
      }, this.heartbeatMs);
      this.heartbeat.unref();
    }
    return () => {
      this.pings.delete(ping);
      this.ends.delete(end);
      if (this.pings.size === 0 && this.heartbeat) {
        clearInterval(this.heartbeat);
        this.heartbeat = undefined;
      }
    };
  }

  /** How many streams are open. */
  get count(): number {
    return this.ends.size;
  }

  /** Ends every open stream. */
  closeAll(): void {
    for (const end of [...this.ends]) end();
  }
}

/**
 * Writes an SSE answer straight to the Node response (issue 14: a web `ReadableStream` per stream, read by the
 * adapter, cost more memory per open stream than the rest of the connection): the opening comment and
 * `replay` (durable events after the client's cursor) in one write, then live events from `subscribe`.
 * `subscribe` is called right after the replay is written; a caller that read the replay asynchronously has
 * subscribed before reading it and hands over what arrived meanwhile (see `services/visitor-stream.ts`), so
 * no event falls between them. The events written in one tick leave in one write. The stream ends, and
 * unsubscribes, when the client goes away, when the hub closes it, when the server closes, or when a client
 * that stopped reading has fallen more than 4 MiB behind (it reconnects with its cursor and gets the durable
 * events replayed).
 */
export function writeEventStream(
  response: ServerResponse,
  options: {
    replay: OutgoingEvent[];
    subscribe: (listener: EventListener) => () => void;
    streams: OpenStreams;
    /** Asked at every heartbeat; the stream ends when it answers false (an agent whose token was revoked). */
    stillAllowed?: () => Promise<boolean>;
  },
): void {
  response.writeHead(200, STREAM_HEADERS);
  // An opening comment flushes the headers at once, so clients see the stream open before any event.
  let opening = ': open\n\n';
  for (const event of options.replay) opening += frame(event);
  response.write(opening);
  const mostBuffered = response.writableLength + MAX_BUFFERED_BYTES;
  let closed = false;
  let corked = false;
  const uncork = () => {
    corked = false;
    response.uncork();
  };
  const send = (text: string) => {
    if (closed) return;
    if (response.writableLength > mostBuffered) {
      close();
      return;
    }
    if (!corked) {
      corked = true;
      response.cork();
      process.nextTick(uncork);
    }
    response.write(text);
  };
  let unsubscribe: (() => void) | undefined;
  let remove: (() => void) | undefined;
  const close = () => {
    if (closed) return;
    closed = true;
    unsubscribe?.();
    remove?.();
    response.off('close', close);
    response.end();
  };
  unsubscribe = options.subscribe((event) => {
    if (event.type === CLOSE_STREAM_EVENT) close();
    else send(frame(event));
  });
  // Closed while the events held back during the replay were handed over.
  if (closed) {
    unsubscribe();
    return;
  }
  const { stillAllowed } = options;
  const ping = () => {
    send(': ping\n\n');
    stillAllowed?.().then(
      (allowed) => {
        if (!allowed) close();
      },
      () => {},
    );
  };
  remove = options.streams.add(ping, close);
  response.on('close', close);
  // The client may have gone while the stream was being opened.
  if (response.destroyed) close();
}

/**
 * The answer to `HEAD` of a stream: the headers a `GET` would have, and nothing else. No subscription, no
 * presence (issue 13: a HEAD answered by the GET handler kept a live subscription and the visitor "online").
 */
export function eventStreamHeadResponse(): Response {
  return new Response(null, { status: 200, headers: STREAM_HEADERS });
}
