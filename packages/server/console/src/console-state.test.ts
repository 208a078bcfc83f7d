import { describe, expect, it } from 'vitest';
import {
  type ConsoleState,
  consoleReducer,
  initialConsoleState,
  visibleConversations,
} from './console-state.js';
import { conversationFixture, messageFixture } from './test-fixtures.js';

function stateWith(...conversations: ReturnType<typeof conversationFixture>[]): ConsoleState {
  return consoleReducer(initialConsoleState, { type: 'conversations.loaded', conversations });
}

describe('consoleReducer', () => {
  it('lists conversations of the chosen status, newest activity first; active means not resolved', () => {
    const state = stateWith(
      conversationFixture({ id: 'old', updatedAt: '2026-03-02T08:00:00Z' }),
      conversationFixture({ id: 'new', updatedAt: '2026-03-02T09:00:00Z' }),
      conversationFixture({ id: 'done', status: 'resolved', updatedAt: '2026-03-02T10:00:00Z' }),
      conversationFixture({
        id: 'human',
        status: 'pending',
        handedOver: true,
        updatedAt: '2026-03-02T08:30:00Z',
      }),
    );
    const ids = (filter: ConsoleState['filter']) =>
      visibleConversations(consoleReducer(state, { type: 'filter', filter })).map(
        (conversation) => conversation.id,
      );
    expect(state.filter).toBe('active');
    expect(ids('active')).toEqual(['new', 'human', 'old']);
    expect(ids('open')).toEqual(['new', 'old']);
    expect(ids('pending')).toEqual(['human']);
    expect(ids('resolved')).toEqual(['done']);
    expect(ids('all')).toEqual(['done', 'new', 'human', 'old']);
  });

  it('counts a live visitor message as unread, moves the conversation up and ends the typing indicator', () => {
    let state = stateWith(
      conversationFixture({ id: 'a', updatedAt: '2026-03-02T09:00:00Z', lastSeq: 1, unreadCount: 0 }),
      conversationFixture({ id: 'b', updatedAt: '2026-03-02T09:05:00Z' }),
    );
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'typing',
        data: { conversationId: 'a', participant: { role: 'visitor', id: 'v' }, typing: true },
      },
    });
    expect(state.visitorTyping.a).toBe(true);
    const message = messageFixture({ conversationId: 'a', seq: 2, createdAt: '2026-03-02T09:20:00Z' });
    state = consoleReducer(state, {
      type: 'stream',
      event: { type: 'message.created', data: { conversationId: 'a', message } },
    });
    const conversation = state.conversations.a;
    expect(conversation?.unreadCount).toBe(1);
    expect(conversation?.lastMessage).toBe(message);
    expect(state.visitorTyping.a).toBe(false);
    expect(visibleConversations(state)[0]?.id).toBe('a');
  });

  it('does not count a message twice when conversation.updated already carried it', () => {
    let state = stateWith(conversationFixture({ id: 'a', lastSeq: 1, unreadCount: 0 }));
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'conversation.updated',
        data: { conversation: conversationFixture({ id: 'a', lastSeq: 2, unreadCount: 1 }) },
      },
    });
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'message.created',
        data: { conversationId: 'a', message: messageFixture({ conversationId: 'a', seq: 2 }) },
      },
    });
    expect(state.conversations.a?.unreadCount).toBe(1);
  });

  it('keeps loaded messages ordered by seq without duplicates, whatever order they arrive in', () => {
    let state = stateWith(conversationFixture({ id: 'conversation-1', lastSeq: 3 }));
    state = consoleReducer(state, {
      type: 'messages.loaded',
      conversationId: 'conversation-1',
      page: { messages: [messageFixture({ seq: 2 }), messageFixture({ seq: 3 })], hasMore: true },
      older: true,
    });
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'message.created',
        data: { conversationId: 'conversation-1', message: messageFixture({ seq: 3 }) },
      },
    });
    state = consoleReducer(state, {
      type: 'messages.loaded',
      conversationId: 'conversation-1',
      page: { messages: [messageFixture({ seq: 1 })], hasMore: false },
      older: true,
    });
    expect(state.messages['conversation-1']?.items.map((message) => message.seq)).toEqual([1, 2, 3]);
    expect(state.messages['conversation-1']?.hasMore).toBe(false);
  });

  it('keeps what the stream delivers while the first page of an opened conversation loads', () => {
    let state = stateWith(conversationFixture({ id: 'conversation-1', lastSeq: 2 }));
    state = consoleReducer(state, { type: 'select', conversationId: 'conversation-1' });
    expect(state.messages['conversation-1']).toEqual({ items: [], hasMore: false, loaded: false });
    // The bot answers after the page was read on the server but before its answer arrived.
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'message.created',
        data: { conversationId: 'conversation-1', message: messageFixture({ seq: 3 }) },
      },
    });
    state = consoleReducer(state, {
      type: 'messages.loaded',
      conversationId: 'conversation-1',
      page: { messages: [messageFixture({ seq: 1 }), messageFixture({ seq: 2 })], hasMore: false },
      older: true,
    });
    expect(state.messages['conversation-1']).toMatchObject({ hasMore: false, loaded: true });
    expect(state.messages['conversation-1']?.items.map((message) => message.seq)).toEqual([1, 2, 3]);
  });

  it('clears unread on read, and keeps agent-only fields when resolve answers a plain conversation', () => {
    let state = stateWith(conversationFixture({ id: 'a', unreadCount: 3, handedOver: true }));
    state = consoleReducer(state, { type: 'read', conversationId: 'a', seq: 2 });
    expect(state.conversations.a).toMatchObject({ unreadCount: 0, agentReadSeq: 2 });
    const {
      visitor: _visitor,
      unreadCount: _unread,
      handedOver: _handedOver,
      lastMessage: _last,
      ...plain
    } = conversationFixture({ id: 'a', status: 'resolved', rating: { score: 5, comment: 'Mantap' } });
    state = consoleReducer(state, { type: 'conversation.changed', conversation: plain });
    expect(state.conversations.a).toMatchObject({
      status: 'resolved',
      handedOver: true,
      rating: { score: 5 },
    });
    expect(state.conversations.a?.visitor.id).toBe('visitor-00001a2b');
  });

  it('keeps a newer summary when a slower fetch of the same conversation answers', () => {
    let state = stateWith(conversationFixture({ id: 'a', lastSeq: 5, unreadCount: 3 }));
    state = consoleReducer(state, {
      type: 'conversation.loaded',
      conversation: conversationFixture({ id: 'a', lastSeq: 4 }),
    });
    expect(state.conversations.a?.lastSeq).toBe(5);
    state = consoleReducer(state, {
      type: 'conversation.loaded',
      conversation: conversationFixture({ id: 'a', lastSeq: 6 }),
    });
    expect(state.conversations.a?.lastSeq).toBe(6);
  });

  it('applies a visitor update to every conversation of that visitor', () => {
    let state = stateWith(conversationFixture({ id: 'a' }), conversationFixture({ id: 'b' }));
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'visitor.updated',
        data: {
          visitor: { id: 'visitor-00001a2b', name: 'Budi', verified: true, online: false },
        },
      },
    });
    expect(state.conversations.a?.visitor.name).toBe('Budi');
    expect(state.conversations.b?.visitor.verified).toBe(true);
  });

  it('keeps where the next inbox page starts, and forgets it when the filter changes', () => {
    let state = consoleReducer(initialConsoleState, {
      type: 'conversations.loaded',
      conversations: [conversationFixture({ id: 'a' })],
      nextCursor: 'page-2',
    });
    expect(state.nextCursor).toBe('page-2');
    state = consoleReducer(state, {
      type: 'conversations.loaded',
      conversations: [conversationFixture({ id: 'b', updatedAt: '2026-03-02T08:00:00Z' })],
    });
    expect(state.nextCursor).toBeUndefined();
    expect(visibleConversations(state).map((conversation) => conversation.id)).toEqual(['a', 'b']);
    state = consoleReducer(
      consoleReducer(state, { type: 'conversations.loaded', conversations: [], nextCursor: 'again' }),
      { type: 'filter', filter: 'resolved' },
    );
    expect(state.nextCursor).toBeUndefined();
  });

  it('keeps loaded profiles and brings them up to date with visitor summaries from the stream', () => {
    let state = stateWith(conversationFixture({ id: 'a' }));
    state = consoleReducer(state, {
      type: 'profile.loaded',
      visitor: {
        id: 'visitor-00001a2b',
        verified: false,
        online: true,
        phone: '+62',
        attributes: { plan: 'gold' },
      },
    });
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'visitor.updated',
        data: { visitor: { id: 'visitor-00001a2b', verified: false, online: false } },
      },
    });
    expect(state.profiles['visitor-00001a2b']).toMatchObject({
      online: false,
      phone: '+62',
      attributes: { plan: 'gold' },
    });
    expect(state.conversations.a?.visitor.online).toBe(false);
  });
});

describe('searching conversations', () => {
  it('shows what a search found in the server order, follows live changes, and clears back to the inbox', () => {
    let state = stateWith(conversationFixture({ id: 'inbox', updatedAt: '2026-03-02T09:00:00Z' }));
    state = consoleReducer(state, { type: 'search.started', query: 'SP-7KQ2' });
    expect(state.search).toEqual({ query: 'SP-7KQ2', ids: [], loading: true });
    expect(visibleConversations(state)).toEqual([]);
    state = consoleReducer(state, {
      type: 'search.loaded',
      query: 'SP-7KQ2',
      more: false,
      conversations: [
        conversationFixture({ id: 'found', status: 'resolved', reference: 'SP-7KQ2' }),
        conversationFixture({ id: 'also', updatedAt: '2026-03-01T09:00:00Z' }),
      ],
      nextCursor: 'next',
    });
    expect(visibleConversations(state).map((conversation) => conversation.id)).toEqual(['found', 'also']);
    expect(state.search?.nextCursor).toBe('next');
    state = consoleReducer(state, {
      type: 'search.loaded',
      query: 'SP-7KQ2',
      more: true,
      conversations: [conversationFixture({ id: 'last' })],
    });
    expect(visibleConversations(state).map((conversation) => conversation.id)).toEqual([
      'found',
      'also',
      'last',
    ]);
    expect(state.search?.nextCursor).toBeUndefined();
    // A result reopened live shows as it is now.
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'conversation.updated',
        data: { conversation: conversationFixture({ id: 'found', status: 'open', reference: 'SP-7KQ2' }) },
      },
    });
    expect(visibleConversations(state)[0]?.status).toBe('open');
    // An answer to an older search is dropped.
    const stale = consoleReducer(state, {
      type: 'search.loaded',
      query: 'Budi',
      more: false,
      conversations: [conversationFixture({ id: 'budi' })],
    });
    expect(stale).toBe(state);
    state = consoleReducer(state, { type: 'search.cleared' });
    expect(state.search).toBeUndefined();
    // The inbox again: its filter over every conversation the console knows, found ones included.
    const inbox = visibleConversations(state);
    expect(inbox.map((conversation) => conversation.id)).toContain('inbox');
    expect(inbox.every((conversation) => conversation.status !== 'resolved')).toBe(true);
  });

  it('ends a search when the agent picks a filter', () => {
    let state = consoleReducer(initialConsoleState, { type: 'search.started', query: 'budi@example.id' });
    state = consoleReducer(state, { type: 'filter', filter: 'pending' });
    expect(state.search).toBeUndefined();
    expect(state.filter).toBe('pending');
  });
});

describe('feedback on screen', () => {
  it('keeps a conversation feedback when a row or an update without it arrives, and takes a newer list', () => {
    const rated = {
      kind: 'rating' as const,
      score: 5,
      createdAt: '2026-03-02T09:00:00Z',
      updatedAt: '2026-03-02T09:00:00Z',
    };
    let state = stateWith(conversationFixture({ id: 'a', status: 'resolved' }));
    state = consoleReducer(state, {
      type: 'conversation.loaded',
      conversation: conversationFixture({ id: 'a', status: 'resolved', feedback: [rated] }),
    });
    state = consoleReducer(state, {
      type: 'conversations.loaded',
      conversations: [conversationFixture({ id: 'a', status: 'resolved' })],
    });
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'conversation.updated',
        data: { conversation: conversationFixture({ id: 'a', status: 'resolved' }) },
      },
    });
    expect(state.conversations.a?.feedback).toEqual([rated]);
    const answered = { ...rated, kind: 'nps' as const, score: 9 };
    state = consoleReducer(state, {
      type: 'stream',
      event: {
        type: 'conversation.updated',
        data: {
          conversation: conversationFixture({ id: 'a', status: 'resolved', feedback: [rated, answered] }),
        },
      },
    });
    expect(state.conversations.a?.feedback).toEqual([rated, answered]);
  });
});
