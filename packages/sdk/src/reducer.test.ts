import type { Conversation, Message } from '@sapa/protocol';
import { describe, expect, test } from 'vitest';
import { contiguousSeq, initialState, mergeMessages, reducer } from './reducer.js';
import type { ClientMessage } from './types.js';

const conversation: Conversation = {
  id: 'c1',
  status: 'open',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  lastSeq: 3,
  visitorReadSeq: 0,
  agentReadSeq: 0,
};

function message(seq: number, role: 'visitor' | 'agent' = 'agent', clientMessageId?: string): Message {
  return {
    id: `m${seq}`,
    conversationId: 'c1',
    seq,
    author: { role, id: role === 'visitor' ? 'v1' : 'a1' },
    type: 'text',
    text: `text ${seq}`,
    createdAt: '2026-01-01T00:00:00Z',
    ...(clientMessageId ? { clientMessageId } : {}),
  };
}

function pending(clientMessageId: string): ClientMessage {
  return { ...message(0, 'visitor', clientMessageId), id: clientMessageId, seq: 0, delivery: 'sending' };
}

describe('reducer', () => {
  test('a no-op returns the same snapshot object', () => {
    const state = reducer(initialState(), { type: 'conversations', conversations: [conversation] });
    expect(reducer(state, { type: 'conversations', conversations: [conversation] })).toBe(state);
    expect(reducer(state, { type: 'set', fields: { connection: 'idle' } })).toBe(state);
    const withMessages = reducer(state, { type: 'messages', conversationId: 'c1', messages: [message(1)] });
    expect(reducer(withMessages, { type: 'messages', conversationId: 'c1', messages: [message(1)] })).toBe(
      withMessages,
    );
  });

  test('messages are ordered by seq, duplicates dropped, pending last', () => {
    let state = reducer(initialState(), { type: 'conversations', conversations: [conversation] });
    state = reducer(state, { type: 'pending', message: pending('p1') });
    state = reducer(state, { type: 'messages', conversationId: 'c1', messages: [message(3), message(1)] });
    state = reducer(state, {
      type: 'messages',
      conversationId: 'c1',
      messages: [message(2), message(3), message(1)],
    });
    expect(state.messages.c1?.map((item) => item.seq)).toEqual([1, 2, 3, 0]);
    expect(state.messages.c1?.at(-1)?.delivery).toBe('sending');
  });

  test('an own echo replaces its pending copy (matched by clientMessageId) and is marked sent', () => {
    let state = reducer(initialState(), { type: 'pending', message: pending('p1') });
    state = reducer(state, {
      type: 'messages',
      conversationId: 'c1',
      messages: [message(4, 'visitor', 'p1')],
    });
    expect(state.messages.c1).toHaveLength(1);
    expect(state.messages.c1?.[0]).toMatchObject({ seq: 4, delivery: 'sent', clientMessageId: 'p1' });
    // A second echo (stream after the PUT answer) changes nothing.
    const again = reducer(state, {
      type: 'messages',
      conversationId: 'c1',
      messages: [message(4, 'visitor', 'p1')],
    });
    expect(again).toBe(state);
  });

  test('unread counts messages from others after the read position; read positions only move forward', () => {
    let state = reducer(initialState(), { type: 'conversations', conversations: [conversation] });
    state = reducer(state, {
      type: 'messages',
      conversationId: 'c1',
      messages: [message(1, 'visitor'), message(2), message(3)],
    });
    expect(state.unreadCount).toBe(2);
    state = reducer(state, { type: 'read', conversationId: 'c1', role: 'visitor', seq: 2 });
    expect(state.unreadCount).toBe(1);
    expect(reducer(state, { type: 'read', conversationId: 'c1', role: 'visitor', seq: 1 })).toBe(state);
    state = reducer(state, {
      type: 'conversations',
      conversations: [{ ...conversation, visitorReadSeq: 0 }],
    });
    expect(state.conversations[0]?.visitorReadSeq).toBe(2);
  });

  test('delivery changes only unacknowledged messages; discard removes a pending one', () => {
    let state = reducer(initialState(), { type: 'pending', message: pending('p1') });
    state = reducer(state, {
      type: 'delivery',
      conversationId: 'c1',
      clientMessageId: 'p1',
      delivery: 'failed',
      error: { code: 'network_error', message: 'x' },
    });
    expect(state.messages.c1?.[0]?.delivery).toBe('failed');
    state = reducer(state, { type: 'delivery', conversationId: 'c1', clientMessageId: 'p1' });
    expect(state.messages.c1).toEqual([]);
  });

  test('typing lists remote typists per conversation', () => {
    const participant = { role: 'agent' as const, id: 'a1', name: 'Rina' };
    let state = reducer(initialState(), { type: 'typing', conversationId: 'c1', participant, typing: true });
    expect(state.typing.c1).toEqual([participant]);
    state = reducer(state, { type: 'typing', conversationId: 'c1', participant, typing: false });
    expect(state.typing.c1).toEqual([]);
  });

  test('mergeMessages keeps a failed message pending until its echo arrives', () => {
    const failed: ClientMessage = { ...pending('p2'), delivery: 'failed' };
    const merged = mergeMessages([failed], [message(1)]);
    expect(merged.map((item) => item.id)).toEqual(['m1', 'p2']);
  });

  test('contiguousSeq finds the first hole even when own acknowledgements ran ahead', () => {
    expect(contiguousSeq([message(1), message(2), message(5)])).toBe(2);
    expect(contiguousSeq([message(40), message(41)])).toBe(41);
    expect(contiguousSeq([pending('p'), message(3)].reverse())).toBe(3);
    expect(contiguousSeq([])).toBe(0);
  });
  test('conversations named like what every object has (constructor, toString, __proto__) keep their own lists', () => {
    // Issue 13, item 10 (stream fuzzing, seeds 0x479f7fe7 and 0x9850eb22): the backend names conversations, and
    // `messages.constructor` of a plain object is a function, so such a conversation took no message at all.
    let state = initialState();
    for (const conversationId of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const first = { ...message(1), conversationId };
      state = reducer(state, {
        type: 'conversations',
        conversations: [{ ...conversation, id: conversationId }],
      });
      state = reducer(state, { type: 'messages', conversationId, messages: [first], hasMore: false });
      state = reducer(state, {
        type: 'messages',
        conversationId,
        messages: [{ ...message(2), conversationId }],
      });
      state = reducer(state, {
        type: 'typing',
        conversationId,
        participant: { role: 'agent', id: 'a1' },
        typing: true,
      });
      expect(Object.hasOwn(state.messages, conversationId)).toBe(true);
      expect(state.messages[conversationId]?.map((shown) => shown.seq)).toEqual([1, 2]);
      expect(state.hasMore[conversationId]).toBe(false);
      expect(state.typing[conversationId]).toEqual([{ role: 'agent', id: 'a1' }]);
    }
    expect(Object.getPrototypeOf(state.messages)).toBe(null);
    expect(state.unreadCount).toBe(8);
    // Hydrating from storage, where records come back as plain objects, keeps them apart as well.
    const stored = JSON.parse(JSON.stringify({ ...state.messages }));
    const hydrated = reducer(initialState(), {
      type: 'hydrate',
      slice: { conversations: [], activeConversationId: null, messages: stored, hasMore: {} },
    });
    for (const conversationId of ['constructor', '__proto__'])
      expect(hydrated.messages[conversationId]?.map((shown) => shown.seq)).toEqual([1, 2]);
  });
});
