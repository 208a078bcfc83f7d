import { SseReader } from '@sapa/protocol/conformance';
import { describe, expect, it } from 'vitest';

/** A body that delivers `chunks` one by one, as a network would. */
function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks.shift();
      if (chunk === undefined) controller.close();
      else controller.enqueue(encoder.encode(chunk));
    },
  });
}

async function readAll(chunks: string[]) {
  const reader = new SseReader(body(chunks));
  const frames = [];
  for (;;) {
    const frame = await reader.next(Date.now() + 1000);
    if (!frame) return frames;
    frames.push(frame);
  }
}

describe('SseReader', () => {
  // The parsing cases that were here are in src/sse-parser.test.ts, beside the one parser; these are the reader's own.
  it('delivers frames as the body brings them, and nothing after the body ended mid-event', async () => {
    expect(
      await readAll([': ping\n', 'id: 7\nevent: typing\ndata: {"typing":', 'true}\n\n', 'data: half']),
    ).toEqual([
      { kind: 'comment', text: 'ping' },
      { kind: 'event', event: 'typing', data: '{"typing":true}', id: '7' },
    ]);
  });

  it('gives up at the deadline and continues with the same read later', async () => {
    let push: (text: string) => void = () => undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    const reader = new SseReader(stream);
    expect(await reader.next(Date.now() + 20)).toBeUndefined();
    push('data: late\n\n');
    expect(await reader.next(Date.now() + 1000)).toEqual({ kind: 'event', event: 'message', data: 'late' });
    await reader.close();
  });
});
