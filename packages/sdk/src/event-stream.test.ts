import { describe, expect, test } from 'vitest';
import { FORMAT_CASES } from '../../protocol/test/fixtures/wpt-eventsource-format.js';
import { openEventStream, type RawStreamEvent, type StreamEnd } from './event-stream.js';

/** A fetch answering with the given chunks as a real event-stream Response. */
function streamingFetch(chunks: Uint8Array[], init: ResponseInit = {}): typeof fetch {
  return async () =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      }),
      { status: 200, headers: { 'Content-Type': 'text/event-stream' }, ...init },
    );
}

async function collect(chunks: Uint8Array[]): Promise<{ events: RawStreamEvent[]; end: StreamEnd }> {
  const events: RawStreamEvent[] = [];
  const handle = openEventStream({
    url: 'http://127.0.0.1:1/v1/stream',
    token: 't',
    fetch: streamingFetch(chunks),
    onOpen: () => {},
    onEvent: (event) => events.push(event),
  });
  const end = await handle.done;
  return { events, end };
}

function normalize(events: RawStreamEvent[]) {
  return events.map((event) => (event.id === undefined ? { type: event.type, data: event.data } : event));
}

describe('event stream parsing (web-platform-tests format cases)', () => {
  for (const formatCase of FORMAT_CASES) {
    test(formatCase.name, async () => {
      const bytes = new TextEncoder().encode(formatCase.stream);
      // Whole, one byte at a time, and split in two at every position.
      const splits: Uint8Array[][] = [[bytes], Array.from(bytes, (byte) => Uint8Array.of(byte))];
      for (let position = 1; position < bytes.length; position++) {
        splits.push([bytes.slice(0, position), bytes.slice(position)]);
      }
      for (const chunks of splits) {
        const { events, end } = await collect(chunks);
        expect(normalize(events)).toEqual(formatCase.events);
        expect(end.kind).toBe('closed');
      }
    });
  }
});

describe('opening checks', () => {
  async function endFor(response: Response): Promise<StreamEnd> {
    const handle = openEventStream({
      url: 'http://127.0.0.1:1/v1/stream',
      token: 't',
      fetch: async () => response,
      onOpen: () => {},
      onEvent: () => {},
    });
    return handle.done;
  }
  const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify({ type: 'x', title: code, status, code }), {
      status,
      headers: { 'Content-Type': 'application/problem+json', ...headers },
    });

  test('401 asks for a new session, 410 for a resync, 403 stops', async () => {
    expect((await endFor(problem(401, 'unauthorized'))).kind).toBe('unauthorized');
    expect((await endFor(problem(410, 'gone'))).kind).toBe('gone');
    const forbidden = await endFor(problem(403, 'forbidden'));
    expect(forbidden.kind).toBe('fatal');
  });

  test('429 and 503 retry, carrying Retry-After', async () => {
    const limited = await endFor(problem(429, 'rate_limited', { 'Retry-After': '7' }));
    expect(limited).toMatchObject({ kind: 'retry', retryAfterMs: 7000 });
    // A 503 event stream is an outage, not a healthy stream.
    const unavailable = await endFor(
      new Response('data: x\n\n', { status: 503, headers: { 'Content-Type': 'text/event-stream' } }),
    );
    expect(unavailable.kind).toBe('retry');
  });

  test('a 200 that is not an event stream is retried, not parsed', async () => {
    const events: RawStreamEvent[] = [];
    const handle = openEventStream({
      url: 'http://127.0.0.1:1/v1/stream',
      token: 't',
      fetch: async () =>
        new Response('data: x\n\n', { status: 200, headers: { 'Content-Type': 'text/html' } }),
      onOpen: () => {},
      onEvent: (event) => events.push(event),
    });
    expect((await handle.done).kind).toBe('retry');
    expect(events).toEqual([]);
  });

  test('a network failure is retried', async () => {
    const handle = openEventStream({
      url: 'http://127.0.0.1:1/v1/stream',
      token: 't',
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
      onOpen: () => {},
      onEvent: () => {},
    });
    expect(await handle.done).toMatchObject({ kind: 'retry' });
  });
});
