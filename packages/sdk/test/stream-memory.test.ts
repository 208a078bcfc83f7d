import { expect, test } from 'vitest';
import { MAX_EVENT_BYTES } from '../src/event-stream.js';
import { createStreamManager } from '../src/stream-manager.js';
import { heapUsedAfterCollection, megabytes } from './stream-fuzz/heap.js';
import { bodyOf, createStreamClient } from './stream-fuzz/stream-client.js';

/**
 * Issue 13, item 10: the client's stream keeps bounded memory, whatever a backend sends and however often the
 * stream is opened again. The SDK's stream handling runs for real (fetch-event-source, stream events, the store).
 */
const encoder = new TextEncoder();
const CHUNK = 64 * 1024;

const messageEvent = (seq: number, text = `pesan ${seq}`) =>
  `id: ${String(seq).padStart(16, '0')}\nevent: message.created\ndata: ${JSON.stringify({
    message: {
      id: `m_${seq}`,
      conversationId: 'c_1',
      seq,
      author: { role: 'agent', id: 'agent-rina', name: 'Rina' },
      type: 'text',
      text,
      createdAt: '2026-11-25T10:01:00.000Z',
    },
  })}\n\n`;

/** Two events, then `total` bytes of `filler` in 64 KiB chunks, made only as they are read; no blank line. */
async function* neverEndingEvent(filler: string, total: number): AsyncGenerator<Uint8Array> {
  yield encoder.encode(messageEvent(1) + messageEvent(2));
  const chunk = encoder.encode(filler.repeat(Math.ceil(CHUNK / filler.length)).slice(0, CHUNK));
  for (let sent = 0; sent < total; sent += chunk.length) yield chunk;
}

for (const [what, filler] of [
  ['a 10 MB line without a line end', 'x'],
  ['10 MB of data lines without the blank line that ends the event', 'data: x\n'],
] as const) {
  test(`${what} is cut at 1 MiB and opened again; nothing of it adds up`, async () => {
    const before = heapUsedAfterCollection();
    const started = performance.now();
    for (let attempt = 0; attempt < 3; attempt++) {
      const client = createStreamClient();
      let pulled = 0;
      const end = await client.read(neverEndingEvent(filler, 10 * 2 ** 20), {
        onPull: (bytes) => {
          pulled += bytes;
        },
        timeoutMs: 30_000,
      });
      // The stream ends like a cut connection: the stream manager opens it again from the cursor.
      expect(end).toMatchObject({
        kind: 'closed',
        error: { message: 'The chat stream sent an event over 1 MiB.' },
      });
      expect(pulled).toBeLessThanOrEqual(MAX_EVENT_BYTES + 2 * CHUNK);
      // The events before it were applied, and the cursor stands after them.
      expect(client.store.getState().messages.c_1?.map((message) => message.seq)).toEqual([1, 2]);
      expect(client.events.cursor()).toBe('0000000000000002');
      expect(client.violations).toEqual([]);
    }
    const kept = heapUsedAfterCollection() - before;
    console.info(`${what}, 3 times: ${Math.round(performance.now() - started)} ms, ${megabytes(kept)} kept`);
    // At most the last stream's pending event (its data lines take 8 MB as the library joins them).
    expect(kept).toBeLessThan(12 * 2 ** 20);
  }, 60_000);
}

test('an event of 900 kB, in small chunks, is read whole: the limit cuts only what no backend sends', async () => {
  const client = createStreamClient();
  const bytes = encoder.encode(messageEvent(1, 'panjang '.repeat(113_000)));
  expect(bytes.length).toBeGreaterThan(900_000);
  const chunks = Array.from({ length: Math.ceil(bytes.length / 8192) }, (_, index) =>
    bytes.subarray(index * 8192, (index + 1) * 8192),
  );
  expect(await client.read(chunks)).toEqual({ kind: 'closed' });
  expect(client.store.getState().messages.c_1?.[0]?.text).toHaveLength(8 * 113_000);
});

test('streams opened and closed again and again leave nothing behind, even ended in the middle of a line', async () => {
  const STREAMS = 500;
  // Each stream ends with 8 kB of a line the library holds when the connection goes.
  const pendingLine = encoder.encode(`data: ${'x'.repeat(8 * 1024)}`);
  const run = async () => {
    for (let index = 0; index < STREAMS; index++) {
      const client = createStreamClient();
      await client.read([encoder.encode(messageEvent(1)), pendingLine]);
      client.events.stop();
    }
  };
  await run(); // Warms up what stays loaded anyway (compiled code, caches).
  const before = heapUsedAfterCollection();
  await run();
  const kept = heapUsedAfterCollection() - before;
  console.info(`${STREAMS} streams opened and closed: ${megabytes(kept)} kept`);
  // Before issue 13 a shared never-settling promise kept every stream's reader and its pending line: 20 kB each.
  expect(kept).toBeLessThan(2 * 2 ** 20);
}, 120_000);

test('the stream manager opens a cut stream again after the last applied event, and goes on from there', async () => {
  const client = createStreamClient();
  const urls: string[] = [];
  // The first connection sends two events and a line without end; the second one the next event.
  const bodies = [() => neverEndingEvent('x', 10 * 2 ** 20), () => [encoder.encode(messageEvent(3))]];
  const failures: string[] = [];
  const manager = createStreamManager({
    baseUrl: 'http://127.0.0.1:1/v1',
    fetch: async (url) => {
      urls.push(String(url));
      return new Response(bodyOf(bodies[urls.length - 1]?.() ?? []), {
        headers: { 'Content-Type': 'text/event-stream' },
      });
    },
    getToken: () => 'st_1',
    getCursor: client.events.cursor,
    renewSession: async () => {},
    onEvent: client.events.handle,
    onStatus: () => {},
    onOpen: () => {},
    onGone: async () => {},
    onFatal: () => {},
    onFailure: (error) => failures.push(error.message),
    random: () => 0,
    isOnline: () => true,
  });
  manager.start();
  await waitFor(() => client.store.getState().messages.c_1?.length === 3);
  manager.stop();
  expect(failures[0]).toBe('The chat stream sent an event over 1 MiB.');
  expect(urls.slice(0, 2)).toEqual([
    'http://127.0.0.1:1/v1/stream',
    'http://127.0.0.1:1/v1/stream?after=0000000000000002',
  ]);
  expect(client.store.getState().messages.c_1?.map((message) => message.seq)).toEqual([1, 2, 3]);
  expect(client.events.cursor()).toBe('0000000000000003');
});

async function waitFor(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  for (const started = Date.now(); !check(); await new Promise((resolve) => setTimeout(resolve, 5)))
    if (Date.now() - started > timeoutMs) throw new Error('The state never came.');
}
