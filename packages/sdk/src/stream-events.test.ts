import type { Conversation, Message } from '@sapa/protocol';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ProtocolError } from './errors.js';
import { initialState } from './reducer.js';
import { createStore } from './store.js';
import { createStreamEvents, type StreamEventsParts } from './stream-events.js';
import type { TabMessage } from './tab-sync.js';
import type { ActiveCampaign, ClientState } from './types.js';

const CONVERSATION_ID = 'c_1';
const AGENT = { role: 'agent' as const, id: 'agent-rina', name: 'Rina' };

const conversation: Conversation = {
  id: CONVERSATION_ID,
  status: 'open',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  lastSeq: 0,
  visitorReadSeq: 0,
  agentReadSeq: 0,
};

function message(seq: number, text = `pesan ${seq}`): Message {
  return {
    id: `m_${seq}`,
    conversationId: CONVERSATION_ID,
    seq,
    author: AGENT,
    type: 'text',
    text,
    createdAt: '2026-11-25T10:01:00.000Z',
  };
}

/** One complete event as the stream delivers it. */
const messageEvent = (seq: number, id = cursorOf(seq)) => ({
  type: 'message.created',
  data: JSON.stringify({ message: message(seq) }),
  id,
});
const cursorOf = (seq: number) => String(seq).padStart(16, '0');

/** Stream events over a real store, with hand-written fakes of storage, the other tabs and the conversation sync. */
function streamEvents(stored: { cursor?: string } = {}) {
  const store = createStore(initialState());
  store.dispatch({ type: 'conversations', conversations: [conversation] });
  const saves: { name: string; value: unknown; state: ClientState }[] = [];
  const broadcasts: TabMessage[] = [];
  const reported: unknown[] = [];
  const campaigns: ActiveCampaign[] = [];
  const gapFills: string[] = [];
  const resyncs: (string | undefined)[] = [];
  let receive = (conversationId: string, messages: Message[]) =>
    store.dispatch({ type: 'messages', conversationId, messages });
  const parts: StreamEventsParts = {
    store,
    report: (error) => reported.push(error),
    showCampaign: (campaign) => campaigns.push(campaign),
    storage: {
      persistence: {
        // What the state held when the cursor was written is what a reload would resume from.
        save: async (name, value) => void saves.push({ name, value, state: store.getState() }),
        load: async (name) => (name === 'cursor' ? stored.cursor : undefined) as never,
      },
    },
    tabs: {
      share: (action) => {
        store.dispatch(action);
        broadcasts.push({ kind: 'action', action });
      },
      broadcast: (tabMessage) => broadcasts.push(tabMessage),
    },
    sync: {
      receive: (conversationId, messages) => receive(conversationId, messages),
      syncConversations: async () => {},
      fillGap: async (conversationId) => void gapFills.push(conversationId),
      resync: async (cursor) => void resyncs.push(cursor),
    },
  };
  const events = createStreamEvents(parts);
  const seqs = () => (store.getState().messages[CONVERSATION_ID] ?? []).map((shown) => shown.seq);
  const failReceiving = () => {
    receive = () => {
      throw new Error('The state refused the message.');
    };
  };
  return { events, store, saves, broadcasts, reported, campaigns, gapFills, resyncs, seqs, failReceiving };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('stream events', () => {
  test('messages are applied in seq order whatever order they arrive in; a repeated event changes nothing', () => {
    const { events, store, seqs } = streamEvents();
    events.handle(messageEvent(1));
    events.handle(messageEvent(3));
    events.handle(messageEvent(2));
    expect(seqs()).toEqual([1, 2, 3]);
    const before = store.getState();
    events.handle(messageEvent(2));
    events.handle(messageEvent(3));
    expect(store.getState()).toBe(before);
  });

  test('a message that skips seqs asks for the missing ones; a contiguous one does not', () => {
    const { events, gapFills } = streamEvents();
    events.handle(messageEvent(1));
    events.handle(messageEvent(2));
    expect(gapFills).toEqual([]);
    events.handle(messageEvent(5));
    expect(gapFills).toEqual([CONVERSATION_ID]);
  });

  test('the cursor moves past an event only once the state holds it, then is stored and told to the other tabs', () => {
    const { events, saves, broadcasts } = streamEvents();
    expect(events.cursor()).toBeUndefined();
    events.handle(messageEvent(1));
    expect(events.cursor()).toBe(cursorOf(1));
    expect(saves).toHaveLength(1);
    expect(saves[0]?.name).toBe('cursor');
    expect(saves[0]?.value).toBe(cursorOf(1));
    expect(saves[0]?.state.messages[CONVERSATION_ID]?.map((shown) => shown.text)).toEqual(['pesan 1']);
    expect(broadcasts).toContainEqual({ kind: 'cursor', cursor: cursorOf(1) });
  });

  test('an event with bad data is skipped and reported, and the cursor stays before it', () => {
    const { events, saves, reported, seqs } = streamEvents();
    events.handle(messageEvent(1));
    events.handle({
      type: 'message.created',
      data: JSON.stringify({ message: { ...message(2), seq: 'two' } }),
      id: cursorOf(2),
    });
    expect(reported).toHaveLength(1);
    expect(reported[0]).toBeInstanceOf(ProtocolError);
    expect(events.cursor()).toBe(cursorOf(1));
    expect(saves.map((save) => save.value)).toEqual([cursorOf(1)]);
    // The stream goes on: the next good event is applied and moves the cursor.
    events.handle(messageEvent(3));
    expect(seqs()).toEqual([1, 3]);
    expect(events.cursor()).toBe(cursorOf(3));
  });

  test('an event the state could not take leaves the cursor where it was', () => {
    const { events, reported, failReceiving } = streamEvents();
    events.handle(messageEvent(1));
    failReceiving();
    events.handle(messageEvent(2));
    expect(reported).toHaveLength(1);
    expect(events.cursor()).toBe(cursorOf(1));
  });

  test('an event of an unknown type is ignored and the cursor moves past it', () => {
    const { events, reported, store } = streamEvents();
    const before = store.getState();
    events.handle({ type: 'poll.created', data: '{"poll":{}}', id: cursorOf(7) });
    expect(store.getState()).toBe(before);
    expect(reported).toEqual([]);
    expect(events.cursor()).toBe(cursorOf(7));
  });

  test('stream.reset resyncs from the cursor it carries; a campaign is shown as the backend sent it', () => {
    const { events, resyncs, campaigns } = streamEvents();
    events.handle({ type: 'stream.reset', data: JSON.stringify({ cursor: cursorOf(40) }) });
    expect(resyncs).toEqual([cursorOf(40)]);
    events.handle({
      type: 'campaign.triggered',
      data: JSON.stringify({ campaign: { id: 'cmp_ongkir', message: 'Gratis ongkir hari ini!' } }),
      id: cursorOf(41),
    });
    expect(campaigns).toEqual([{ id: 'cmp_ongkir', message: 'Gratis ongkir hari ini!', source: 'backend' }]);
  });

  test('an agent typing is shown, told to the other tabs, cleared by their message, and expires on its own', () => {
    vi.useFakeTimers();
    const { events, store, broadcasts } = streamEvents();
    const typing = (typist: typeof AGENT | { role: 'visitor'; id: string }, isTyping = true) =>
      events.handle({
        type: 'typing',
        data: JSON.stringify({ conversationId: CONVERSATION_ID, participant: typist, typing: isTyping }),
      });
    const typists = () => store.getState().typing[CONVERSATION_ID] ?? [];
    typing({ role: 'visitor', id: 'v_1' });
    expect(typists()).toEqual([]);
    typing(AGENT);
    expect(typists()).toEqual([AGENT]);
    expect(broadcasts.some((sent) => sent.kind === 'action' && sent.action.type === 'typing')).toBe(true);
    events.handle(messageEvent(1));
    expect(typists()).toEqual([]);
    typing(AGENT);
    vi.advanceTimersByTime(8_000);
    expect(typists()).toEqual([]);
  });

  test('the cursor rules: a newer stored cursor is taken over, a session cursor only starts a client without one', async () => {
    const { events, saves } = streamEvents({ cursor: cursorOf(9) });
    events.startAt(cursorOf(3));
    expect(events.cursor()).toBe(cursorOf(3));
    events.startAt(cursorOf(5));
    expect(events.cursor()).toBe(cursorOf(3));
    await events.restore();
    expect(events.cursor()).toBe(cursorOf(9));
    events.follow(cursorOf(12));
    await events.restore();
    expect(events.cursor()).toBe(cursorOf(12));
    await events.restartFrom(cursorOf(2));
    expect(events.cursor()).toBe(cursorOf(2));
    expect(saves.map((save) => save.value)).toEqual([cursorOf(2)]);
    events.forget();
    expect(events.cursor()).toBeUndefined();
  });
});
