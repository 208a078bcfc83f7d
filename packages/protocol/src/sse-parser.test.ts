import { describe, expect, it } from 'vitest';
import { FORMAT_CASES } from '../test/fixtures/wpt-eventsource-format.js';
import { type SseFrame, SseParser } from './sse-parser.js';

/** Every frame of `chunks`, fed one by one. */
function frames(...chunks: (string | Uint8Array)[]): SseFrame[] {
  const seen: SseFrame[] = [];
  const parser = new SseParser((frame) => seen.push(frame));
  for (const chunk of chunks) parser.push(chunk);
  return seen;
}

/** The events of `chunks` only, as an EventSource would dispatch them. */
function events(...chunks: (string | Uint8Array)[]) {
  return frames(...chunks).filter((frame) => frame.kind === 'event');
}

const encode = (text: string) => new TextEncoder().encode(text);

/** `bytes` whole, one byte at a time, and split in two at every position. */
function splits(bytes: Uint8Array): Uint8Array[][] {
  const result: Uint8Array[][] = [[bytes], Array.from(bytes, (byte) => Uint8Array.of(byte))];
  for (let position = 1; position < bytes.length; position++) {
    result.push([bytes.slice(0, position), bytes.slice(position)]);
  }
  return result;
}

describe('SseParser: the web-platform-tests format cases, split at every byte boundary', () => {
  for (const formatCase of FORMAT_CASES) {
    it(formatCase.name, () => {
      const expected = formatCase.events.map(({ type, data, id }) => ({
        kind: 'event',
        event: type,
        data,
        ...(id === undefined ? {} : { id }),
      }));
      for (const chunks of splits(encode(formatCase.stream))) expect(events(...chunks)).toEqual(expected);
    });
  }
});

describe('SseParser: the WHATWG parsing rules', () => {
  it('ends lines with LF, CR or CRLF alike, also when a chunk ends between CR and LF', () => {
    const expected = [{ kind: 'event', event: 'typing', data: 'a\nb' }];
    expect(events('event: typing\ndata: a\ndata: b\n\n')).toEqual(expected);
    expect(events('event: typing\rdata: a\rdata: b\r\r')).toEqual(expected);
    expect(events('event: typing\r\ndata: a\r\ndata: b\r\n\r\n')).toEqual(expected);
    expect(events('event: typing\r', '\ndata: a\r', '\ndata: b\r', '\n\r', '\n')).toEqual(expected);
  });

  it('drops one leading BOM, from text and from bytes split inside it', () => {
    expect(events('\uFEFFdata: 1\n\n')).toEqual([{ kind: 'event', event: 'message', data: '1' }]);
    const bytes = encode('\uFEFFdata: 1\n\n');
    expect(events(bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2))).toEqual([
      { kind: 'event', event: 'message', data: '1' },
    ]);
    // Only at the very start: later, U+FEFF is part of the field name, so the field is unknown.
    expect(events('data: 1\n\n', '\uFEFFdata: 2\n\n')).toEqual([
      { kind: 'event', event: 'message', data: '1' },
    ]);
  });

  it('takes data with or without the space after the colon, and removes only one space', () => {
    expect(events('data:tight\n\ndata: one\n\ndata:  two\n\n').map((frame) => frame.data)).toEqual([
      'tight',
      'one',
      ' two',
    ]);
  });

  it('joins multi-line data with LF and keeps empty data lines', () => {
    expect(events('data: first\ndata\ndata:\ndata: last\n\n')).toEqual([
      { kind: 'event', event: 'message', data: 'first\n\n\nlast' },
    ]);
    // A lone `data` line makes an event with empty data: it has a data line, so it is dispatched.
    expect(events('data\n\n')).toEqual([{ kind: 'event', event: 'message', data: '' }]);
  });

  it('passes comments on, with or without a space, and they never end or change an event', () => {
    expect(frames(': ping\n', ':tight\n', 'data: x\n: inside\n\n')).toEqual([
      { kind: 'comment', text: 'ping' },
      { kind: 'comment', text: 'tight' },
      { kind: 'comment', text: 'inside' },
      { kind: 'event', event: 'message', data: 'x' },
    ]);
  });

  it('reports retry only when it is all ASCII digits', () => {
    expect(frames('retry: 2500\n', 'retry: 1.5\nretry: -1\nretry: 10s\nretry:\nretry\ndata: x\n\n')).toEqual([
      { kind: 'retry', milliseconds: 2500 },
      { kind: 'event', event: 'message', data: 'x' },
    ]);
  });

  it('treats a line without a colon as a field with an empty value', () => {
    // `event` alone resets the type to the default; `id` alone clears the id; unknown names are ignored.
    expect(events('event: typing\nevent\nid: 3\nid\nunknown\ndata: x\n\n')).toEqual([
      { kind: 'event', event: 'message', data: 'x' },
    ]);
  });

  it("gives each event its own id field, not the previous event's", () => {
    expect(events('id: 1\ndata: a\n\ndata: b\n\n')).toEqual([
      { kind: 'event', event: 'message', data: 'a', id: '1' },
      { kind: 'event', event: 'message', data: 'b' },
    ]);
  });

  it('delivers an event split at every byte boundary, multi-byte characters included, exactly once', () => {
    const stream =
      ': ping\r\nid: 0000000000000012\r\nevent: message.created\r\ndata: {"text":"Baik Kak 👋,\r\ndata:  kami cek ✓"}\r\n\r\n';
    const expected = [
      { kind: 'comment', text: 'ping' },
      {
        kind: 'event',
        event: 'message.created',
        data: '{"text":"Baik Kak 👋,\n kami cek ✓"}',
        id: '0000000000000012',
      },
    ];
    for (const chunks of splits(encode(stream))) expect(frames(...chunks)).toEqual(expected);
  });
});

describe('SseParser: cases of the readers it replaced', () => {
  // From the console's parser.
  it('reads typed events with JSON data; heartbeat comments are not events', () => {
    expect(events(': ping\n\nevent: typing\ndata: {"typing":true}\n\n')).toEqual([
      { kind: 'event', event: 'typing', data: '{"typing":true}' },
    ]);
  });

  it('joins events split across chunks anywhere, also inside a CR LF pair', () => {
    expect(events('event: message.cre', 'ated\r', '\ndata: {"a"', ':1}\r\n\r', '\n')).toEqual([
      { kind: 'event', event: 'message.created', data: '{"a":1}' },
    ]);
  });

  it('joins multi-line data with line feeds and keeps the id', () => {
    expect(events('id: 7\ndata: one\ndata: two\n\n')).toEqual([
      { kind: 'event', event: 'message', data: 'one\ntwo', id: '7' },
    ]);
  });

  it('drops an event without data and resets the type for the next event', () => {
    expect(events('event: typing\n\ndata: x\n\n')).toEqual([{ kind: 'event', event: 'message', data: 'x' }]);
  });

  it('waits for the blank line before delivering', () => {
    expect(events('event: typing\ndata: {}\n')).toEqual([]);
  });

  // From the conformance kit's reader.
  it('reads events split across chunks, with any line ending, and comments', () => {
    expect(
      frames(
        ': ping\n',
        'id: 0001\nevent: message.cre',
        'ated\ndata: {"a":\r\ndata: 1}\r\n\r',
        '\nevent: typing\rdata: x\r\r',
      ),
    ).toEqual([
      { kind: 'comment', text: 'ping' },
      { kind: 'event', event: 'message.created', data: '{"a":\n1}', id: '0001' },
      { kind: 'event', event: 'typing', data: 'x' },
    ]);
  });

  it('drops events without data and unfinished events, and defaults the type to message', () => {
    expect(frames('event: empty\n\n', 'data:plain\n\n', 'event: half\ndata: never ended')).toEqual([
      { kind: 'event', event: 'message', data: 'plain' },
    ]);
  });
});
