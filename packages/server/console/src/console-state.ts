import type { Conversation, Message, MessagePage } from '@sapa/protocol';
import type { ConnectionStatus } from './agent-stream.js';
import type {
  AgentConversation,
  AgentStreamEvent,
  AgentVisitor,
  AgentVisitorSummary,
  InboxFilter,
} from './agent-types.js';

/** Messages of one conversation, as far as loaded: ordered by seq, no duplicates. */
export interface ConversationMessages {
  items: Message[];
  /** Older messages exist on the server. */
  hasMore: boolean;
  /**
   * The first page arrived. Until then `items` holds only what the stream delivered since the
   * conversation was opened, so nothing that arrives while the first page loads is lost.
   */
  loaded: boolean;
}

/** A search of the conversations (by reference, visitor name or email) and what it found so far. */
export interface ConversationSearchState {
  query: string;
  /** The conversations found, in the server's order; the conversations themselves are in `conversations`. */
  ids: string[];
  /** Where the next page of results starts; absent on the last page. */
  nextCursor?: string;
  /** The first page is on its way. */
  loading: boolean;
}

/** Everything the console shows; changed only through {@link consoleReducer}. */
export interface ConsoleState {
  filter: InboxFilter;
  conversations: Record<string, AgentConversation>;
  /** Where the next (older) page of the inbox starts; absent when the last page is loaded. */
  nextCursor?: string;
  /** Whole profiles, attributes included, of the visitors whose profile was opened, by visitor id. */
  profiles: Record<string, AgentVisitor>;
  selectedId?: string;
  messages: Record<string, ConversationMessages>;
  /** Conversations whose visitor is typing right now. */
  visitorTyping: Record<string, boolean>;
  connection: ConnectionStatus;
  retryInMs?: number;
  /** The search on screen, in place of the filtered inbox; absent when none is on. */
  search?: ConversationSearchState;
}

export type ConsoleAction =
  | { type: 'filter'; filter: InboxFilter }
  | { type: 'conversations.loaded'; conversations: AgentConversation[]; nextCursor?: string }
  | { type: 'profile.loaded'; visitor: AgentVisitor }
  | { type: 'conversation.loaded'; conversation: AgentConversation }
  | { type: 'conversation.changed'; conversation: Conversation }
  | { type: 'select'; conversationId: string | undefined }
  | { type: 'messages.loaded'; conversationId: string; page: MessagePage; older: boolean }
  | { type: 'message.sent'; message: Message }
  | { type: 'read'; conversationId: string; seq: number }
  | { type: 'typing.expired'; conversationId: string }
  | { type: 'connection'; status: ConnectionStatus; retryInMs?: number }
  | { type: 'stream'; event: AgentStreamEvent }
  | { type: 'search.started'; query: string }
  | {
      type: 'search.loaded';
      query: string;
      conversations: AgentConversation[];
      nextCursor?: string;
      /** A further page: added after the results shown. */
      more: boolean;
    }
  | { type: 'search.cleared' };

export const initialConsoleState: ConsoleState = {
  filter: 'active',
  conversations: {},
  profiles: {},
  messages: {},
  visitorTyping: {},
  connection: 'connecting',
};

/** Whether a conversation belongs in the inbox under `filter`. */
export function matchesFilter(conversation: AgentConversation, filter: InboxFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'active') return conversation.status !== 'resolved';
  return conversation.status === filter;
}

/** Conversations that pass the filter, newest activity first; while a search is on, what it found. */
export function visibleConversations(state: ConsoleState): AgentConversation[] {
  if (state.search) {
    return state.search.ids.flatMap((id) => {
      const conversation = state.conversations[id];
      return conversation ? [conversation] : [];
    });
  }
  return Object.values(state.conversations)
    .filter((conversation) => matchesFilter(conversation, state.filter))
    .sort((left, right) =>
      left.updatedAt < right.updatedAt ? 1 : left.updatedAt > right.updatedAt ? -1 : 0,
    );
}

/** Merges messages by seq: later copies of the same seq replace earlier ones. */
export function mergeMessages(existing: Message[], incoming: Message[]): Message[] {
  if (incoming.length === 0) return existing;
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  for (const message of incoming) bySeq.set(message.seq, message);
  return [...bySeq.values()].sort((left, right) => left.seq - right.seq);
}

/** The later of two ISO 8601 UTC timestamps (they sort as text). */
function later(left: string, right: string): string {
  if (left > right) return left;
  return right;
}

/**
 * A newer copy of a conversation. Only the single-conversation view and the update a rating sends carry its
 * `feedback`; the inbox rows and other updates leave it out, which must not make the feedback on screen vanish.
 */
function newer(known: AgentConversation | undefined, incoming: AgentConversation): AgentConversation {
  return incoming.feedback === undefined && known?.feedback !== undefined
    ? { ...incoming, feedback: known.feedback }
    : incoming;
}

function withConversation(state: ConsoleState, conversation: AgentConversation): ConsoleState {
  const known = state.conversations[conversation.id];
  return {
    ...state,
    conversations: { ...state.conversations, [conversation.id]: newer(known, conversation) },
  };
}

function applyMessage(state: ConsoleState, conversationId: string, message: Message): ConsoleState {
  let next = state;
  const loaded = state.messages[conversationId];
  if (loaded) {
    next = {
      ...next,
      messages: {
        ...next.messages,
        [conversationId]: { ...loaded, items: mergeMessages(loaded.items, [message]) },
      },
    };
  }
  const conversation = next.conversations[conversationId];
  // A conversation.updated may already have counted this message; only newer seqs move the summary.
  if (conversation && message.seq > conversation.lastSeq) {
    const fromVisitor = message.author.role === 'visitor';
    next = withConversation(next, {
      ...conversation,
      lastSeq: message.seq,
      lastMessage: message,
      updatedAt: later(message.createdAt, conversation.updatedAt),
      unreadCount: conversation.unreadCount + (fromVisitor ? 1 : 0),
    });
  }
  if (message.author.role === 'visitor' && next.visitorTyping[conversationId]) {
    next = { ...next, visitorTyping: { ...next.visitorTyping, [conversationId]: false } };
  }
  return next;
}

/** A visitor's summary changed: every conversation of theirs, and their profile when it is loaded, follow. */
function applyVisitor(state: ConsoleState, visitor: AgentVisitorSummary): ConsoleState {
  let changed = false;
  const conversations: Record<string, AgentConversation> = {};
  for (const [id, conversation] of Object.entries(state.conversations)) {
    if (conversation.visitor.id === visitor.id) {
      conversations[id] = { ...conversation, visitor: { ...conversation.visitor, ...visitor } };
      changed = true;
    } else conversations[id] = conversation;
  }
  const profile = state.profiles[visitor.id];
  const profiles = profile ? { ...state.profiles, [visitor.id]: { ...profile, ...visitor } } : state.profiles;
  return changed || profile ? { ...state, conversations, profiles } : state;
}

/** The console's state machine: every server answer and stream event goes through here. */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'filter': {
      // The pages loaded so far belong to the old filter; the new one starts at its first page. Choosing a
      // filter ends a search.
      const { nextCursor: _, search: __, ...rest } = state;
      return { ...rest, filter: action.filter };
    }
    case 'search.started':
      return { ...state, search: { query: action.query, ids: [], loading: true } };
    case 'search.loaded': {
      // An answer for a search the agent has replaced or cleared since is dropped.
      if (state.search?.query !== action.query) return state;
      const conversations = { ...state.conversations };
      for (const conversation of action.conversations)
        conversations[conversation.id] = newer(conversations[conversation.id], conversation);
      const found = action.conversations.map((conversation) => conversation.id);
      const ids = action.more ? [...new Set([...state.search.ids, ...found])] : found;
      const search: ConversationSearchState = { query: action.query, ids, loading: false };
      if (action.nextCursor !== undefined) search.nextCursor = action.nextCursor;
      return { ...state, conversations, search };
    }
    case 'search.cleared': {
      const { search: _, ...rest } = state;
      return rest;
    }
    case 'conversations.loaded': {
      const conversations = { ...state.conversations };
      for (const conversation of action.conversations)
        conversations[conversation.id] = newer(conversations[conversation.id], conversation);
      const { nextCursor: _, ...rest } = state;
      return action.nextCursor === undefined
        ? { ...rest, conversations }
        : { ...rest, conversations, nextCursor: action.nextCursor };
    }
    case 'profile.loaded':
      return { ...state, profiles: { ...state.profiles, [action.visitor.id]: action.visitor } };
    case 'conversation.loaded': {
      // A fetch answered after a newer conversation.updated must not roll the summary back.
      const known = state.conversations[action.conversation.id];
      if (known && known.lastSeq > action.conversation.lastSeq) return state;
      return withConversation(state, action.conversation);
    }
    case 'conversation.changed': {
      // Resolve and reopen answer a plain Conversation: keep what only the agent API knows.
      const known = state.conversations[action.conversation.id];
      return known ? withConversation(state, { ...known, ...action.conversation }) : state;
    }
    case 'select': {
      const { conversationId } = action;
      if (conversationId === undefined || state.messages[conversationId])
        return { ...state, selectedId: conversationId };
      return {
        ...state,
        selectedId: conversationId,
        messages: { ...state.messages, [conversationId]: { items: [], hasMore: false, loaded: false } },
      };
    }
    case 'messages.loaded': {
      const loaded = state.messages[action.conversationId];
      const items = mergeMessages(loaded?.items ?? [], action.page.messages);
      // Only a page of older messages (or the first page) says whether even older ones exist.
      const hasMore = action.older || !loaded?.loaded ? action.page.hasMore : loaded.hasMore;
      return {
        ...state,
        messages: { ...state.messages, [action.conversationId]: { items, hasMore, loaded: true } },
      };
    }
    case 'message.sent':
      return applyMessage(state, action.message.conversationId, action.message);
    case 'read': {
      const conversation = state.conversations[action.conversationId];
      if (!conversation) return state;
      return withConversation(state, {
        ...conversation,
        agentReadSeq: Math.max(conversation.agentReadSeq, action.seq),
        unreadCount: 0,
      });
    }
    case 'typing.expired':
      return { ...state, visitorTyping: { ...state.visitorTyping, [action.conversationId]: false } };
    case 'connection':
      return { ...state, connection: action.status, retryInMs: action.retryInMs };
    case 'stream':
      return applyStreamEvent(state, action.event);
  }
}

function applyStreamEvent(state: ConsoleState, event: AgentStreamEvent): ConsoleState {
  switch (event.type) {
    case 'message.created':
      return applyMessage(
        state,
        event.data.conversationId ?? event.data.message.conversationId,
        event.data.message,
      );
    case 'conversation.updated':
      return withConversation(state, event.data.conversation);
    case 'typing': {
      if (event.data.participant.role !== 'visitor') return state;
      return {
        ...state,
        visitorTyping: { ...state.visitorTyping, [event.data.conversationId]: event.data.typing },
      };
    }
    case 'read.updated': {
      const conversation = state.conversations[event.data.conversationId];
      if (!conversation || event.data.seq <= conversation.visitorReadSeq) return state;
      return withConversation(state, { ...conversation, visitorReadSeq: event.data.seq });
    }
    case 'visitor.updated':
      return applyVisitor(state, event.data.visitor);
  }
}
