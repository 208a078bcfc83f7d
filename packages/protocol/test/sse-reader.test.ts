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
  it('reads events split across chunks, with any line ending, and comments', async () => {
    expect(
      await readAll([
        ': ping\n',
        'id: 0001\nevent: message.cre',
        'ated\ndata: {"a":\r\ndata: 1}\r\n\r',
        '\nevent: typing\rdata: x\r\r',
      ]),
    ).toEqual([
      { kind: 'comment', text: 'ping' },
      { kind: 'event', event: 'message.created', data: '{"a":\n1}', id: '0001' },
      { kind: 'event', event: 'typing', data: 'x' },
    ]);
  });

  it('drops events without data and unfinished events, and defaults the type to message', async () => {
    expect(await readAll(['event: empty\n\n', 'data:plain\n\n', 'event: half\ndata: never ended'])).toEqual([
      { kind: 'event', event: 'message', data: 'plain' },
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
