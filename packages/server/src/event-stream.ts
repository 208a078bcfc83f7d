import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@sapa/protocol';
import { CLOSE_STREAM_EVENT, type EventListener, type OutgoingEvent } from './event-hub.js';

/** Every open stream, so the server can end them all when it closes. */
export type StreamRegistry = Set<() => void>;

const encoder = new TextEncoder();

const STREAM_HEADERS: Record<string, string> = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  'X-Accel-Buffering': 'no',
  [PROTOCOL_HEADER]: PROTOCOL_VERSION,
};

/** Live events waiting for a slow client (beyond its replay) before its stream is ended. */
const MAX_QUEUED_CHUNKS = 5000;

function encodeEvent(event: OutgoingEvent): Uint8Array {
  const idLine = event.id === undefined ? '' : `id: ${event.id}\n`;
  return encoder.encode(`${idLine}event: ${event.type}\ndata: ${event.data}\n\n`);
}

/**
 * An SSE answer: first `replay` (durable events after the client's cursor), then live events from
 * `subscribe`, with a `: ping` comment every `heartbeatMs`. `subscribe` is called while the answer is made,
 * right after the replay is queued; a caller that read the replay asynchronously has subscribed before reading
 * it and hands over what arrived meanwhile (see `services/visitor-stream.ts`), so no event falls between them.
 */
export function eventStreamResponse(options: {
  replay: OutgoingEvent[];
  subscribe: (listener: EventListener) => () => void;
  heartbeatMs: number;
  signal: AbortSignal;
  registry: StreamRegistry;
  headers?: Record<string, string>;
  /** Asked at every heartbeat; the stream ends when it answers false (an agent whose token was revoked). */
  stillAllowed?: () => Promise<boolean>;
}): Response {
  let cleanup = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const close = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        options.registry.delete(close);
        options.signal.removeEventListener('abort', close);
        try {
          controller.close();
        } catch {
          // Already closed by the reader going away.
        }
      };
      cleanup = close;
      const send = (chunk: Uint8Array) => {
        if (closed) return;
        // A client that stopped reading would make the queue grow without end; drop it instead; it
        // reconnects with its cursor and gets the durable events replayed.
        if ((controller.desiredSize ?? 0) < -(MAX_QUEUED_CHUNKS + options.replay.length)) {
          close();
          return;
        }
        try {
          controller.enqueue(chunk);
        } catch {
          close();
        }
      };
      // An opening comment flushes the headers at once, so clients see the stream open before any event.
      send(encoder.encode(': open\n\n'));
      for (const event of options.replay) send(encodeEvent(event));
      const unsubscribe = options.subscribe((event) => {
        if (event.type === CLOSE_STREAM_EVENT) close();
        else send(encodeEvent(event));
      });
      const { stillAllowed } = options;
      const heartbeat = setInterval(() => {
        send(encoder.encode(': ping\n\n'));
        stillAllowed?.().then(
          (allowed) => {
            if (!allowed) close();
          },
          () => {},
        );
      }, options.heartbeatMs);
      options.registry.add(close);
      options.signal.addEventListener('abort', close);
      if (options.signal.aborted) close();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, { status: 200, headers: { ...STREAM_HEADERS, ...options.headers } });
}

/**
 * The answer to `HEAD` of a stream: the headers a `GET` would have, and nothing else. No subscription, no
 * presence (issue 13: a HEAD answered by the GET handler kept a live subscription and the visitor "online").
 */
export function eventStreamHeadResponse(): Response {
  return new Response(null, { status: 200, headers: STREAM_HEADERS });
}
