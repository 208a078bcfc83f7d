import { describe, expect, it } from 'vitest';
import { type ServerSentEvent, SseParser } from './sse-parser.js';

function parse(...chunks: string[]): ServerSentEvent[] {
  const events: ServerSentEvent[] = [];
  const parser = new SseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  return events;
}

describe('SseParser', () => {
  it('reads typed events with JSON data and ignores heartbeat comments', () => {
    expect(parse(': ping\n\nevent: typing\ndata: {"typing":true}\n\n')).toEqual([
      { type: 'typing', data: '{"typing":true}' },
    ]);
  });

  it('joins events split across chunks anywhere, also inside a CR LF pair', () => {
    const events = parse('event: message.cre', 'ated\r', '\ndata: {"a"', ':1}\r\n\r', '\n');
    expect(events).toEqual([{ type: 'message.created', data: '{"a":1}' }]);
  });

  it('joins multi-line data with line feeds and keeps the id', () => {
    expect(parse('id: 7\ndata: one\ndata: two\n\n')).toEqual([
      { type: 'message', data: 'one\ntwo', id: '7' },
    ]);
  });

  it('drops an event without data and resets the type for the next event', () => {
    expect(parse('event: typing\n\ndata: x\n\n')).toEqual([{ type: 'message', data: 'x' }]);
  });

  it('waits for the blank line before delivering', () => {
    expect(parse('event: typing\ndata: {}\n')).toEqual([]);
  });
});
