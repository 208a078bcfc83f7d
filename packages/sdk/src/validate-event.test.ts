import { describe, expect, test } from 'vitest';
import { ProtocolError } from './errors.js';
import { parseStreamEvent } from './validate-event.js';

describe('incoming stream data', () => {
  const message = {
    id: 'm1',
    conversationId: 'c1',
    seq: 1,
    author: { role: 'agent', id: 'a1' },
    type: 'text',
    text: 'Halo',
    createdAt: '2026-01-01T00:00:00Z',
    futureField: { ignored: true },
  };

  test('a valid event passes, unknown fields included', () => {
    const event = parseStreamEvent('message.created', JSON.stringify({ message }), '12');
    expect(event).toMatchObject({ type: 'message.created', id: '12', data: { message: { id: 'm1' } } });
  });

  test('unknown event types are ignored, not errors', () => {
    expect(parseStreamEvent('agent.mood', '{}')).toBeNull();
  });

  test('bad data is a ProtocolError carrying what arrived', () => {
    const thrown = (type: string, data: string) => {
      try {
        parseStreamEvent(type, data);
      } catch (error) {
        return error;
      }
      throw new Error(`${type} ${data} was accepted`);
    };
    expect(thrown('message.created', '{"message":')).toBeInstanceOf(ProtocolError);
    const noSeq = thrown('message.created', JSON.stringify({ message: { ...message, seq: 'one' } }));
    expect(noSeq).toBeInstanceOf(ProtocolError);
    expect((noSeq as ProtocolError).data).toMatchObject({ path: 'data.message.seq' });
    expect(thrown('typing', JSON.stringify({ conversationId: 'c1', typing: 'yes' }))).toBeInstanceOf(
      ProtocolError,
    );
  });
});
