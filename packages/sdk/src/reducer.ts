import type { Conversation, Message, Participant, Visitor } from '@sapa/protocol';
import type { ClientMessage, ClientState, ErrorInfo, StorageKind, UploadProgress } from './types.js';

/** Every change to the state is one of these. */
export type Action =
  /** Plain fields (connection, storage, visitor, config, activeConversationId, campaign, lastError) set as given. */
  | { type: 'set'; fields: Partial<ClientState> }
  | { type: 'conversations'; conversations: Conversation[] }
  | { type: 'messages'; conversationId: string; messages: Message[]; hasMore?: boolean }
  | { type: 'pending'; message: ClientMessage }
  /** A pending message's delivery changed; without `delivery` the pending copy is discarded. */
  | {
      type: 'delivery';
      conversationId: string;
      clientMessageId: string;
      delivery?: 'sending' | 'failed';
      error?: ErrorInfo;
    }
  | { type: 'read'; conversationId: string; role: 'visitor' | 'agent'; seq: number }
  | { type: 'typing'; conversationId: string; participant: Participant; typing: boolean }
  | { type: 'upload'; clientMessageId: string; progress?: UploadProgress }
  | { type: 'hydrate'; slice: PersistedSlice }
  | { type: 'reset' };

/**
 * A record keyed by conversation: no `Object.prototype` beneath it, so that a conversation the backend calls
 * `constructor`, `toString` or `__proto__` finds no inherited value where its list would be (issue 13, item 10).
 */
export const record = <T>(...sources: Record<string, T>[]): Record<string, T> =>
  Object.assign(Object.create(null), ...sources);

/** The part of the state kept in storage. */
export interface PersistedSlice {
  visitor?: Visitor;
  conversations: Conversation[];
  activeConversationId: string | null;
  messages: Record<string, ClientMessage[]>;
  hasMore: Record<string, boolean>;
}

export function initialState(storage: StorageKind = 'memory'): ClientState {
  return {
    connection: 'idle',
    conversations: [],
    activeConversationId: null,
    messages: record(),
    hasMore: record(),
    unreadCount: 0,
    typing: record(),
    storage,
    uploads: {},
  };
}

/**
 * The pure reducer: returns `state` itself when the action changes nothing, so snapshots stay stable.
 * Pending copies of own messages have seq 0 and sit after the acknowledged messages, which are sorted by seq.
 */
export function reducer(state: ClientState, action: Action): ClientState {
  const { messages } = state;
  const withMessages = (conversationId: string, list: ClientMessage[]): ClientState =>
    withUnread({ ...state, messages: record(messages, { [conversationId]: list }) });
  switch (action.type) {
    case 'set': {
      const { fields } = action;
      for (const key in fields)
        if (fields[key as keyof ClientState] !== state[key as keyof ClientState])
          return { ...state, ...fields };
      return state;
    }
    case 'conversations': {
      let conversations = state.conversations;
      for (const conversation of action.conversations)
        conversations = upsertConversation(conversations, conversation);
      return conversations === state.conversations ? state : withUnread({ ...state, conversations });
    }
    case 'messages': {
      const { conversationId, hasMore } = action;
      const current = messages[conversationId] ?? [];
      const merged = mergeMessages(current, action.messages);
      if (hasMore !== undefined && state.hasMore[conversationId] !== hasMore)
        return {
          ...withMessages(conversationId, merged),
          hasMore: record(state.hasMore, { [conversationId]: hasMore }),
        };
      return merged === current ? state : withMessages(conversationId, merged);
    }
    case 'pending': {
      const { conversationId, clientMessageId } = action.message;
      const current = messages[conversationId] ?? [];
      return current.some((message) => message.clientMessageId === clientMessageId)
        ? state
        : withMessages(conversationId, [...current, action.message]);
    }
    case 'delivery': {
      const { conversationId, delivery, error } = action;
      const current = messages[conversationId] ?? [];
      const next = current.flatMap((message) =>
        message.clientMessageId !== action.clientMessageId || message.seq > 0
          ? [message]
          : delivery
            ? [{ ...message, delivery, error }]
            : [],
      );
      return next.some((message, index) => message !== current[index]) || next.length < current.length
        ? withMessages(conversationId, next)
        : state;
    }
    case 'read': {
      const field = action.role === 'visitor' ? 'visitorReadSeq' : 'agentReadSeq';
      const conversations = state.conversations.map((conversation) =>
        conversation.id === action.conversationId && conversation[field] < action.seq
          ? { ...conversation, [field]: action.seq }
          : conversation,
      );
      return conversations.some((conversation, index) => conversation !== state.conversations[index])
        ? withUnread({ ...state, conversations })
        : state;
    }
    case 'typing': {
      const { conversationId, participant } = action;
      const current = state.typing[conversationId] ?? [];
      const others = current.filter((typist) => typist.id !== participant.id);
      if (!action.typing && others.length === current.length) return state;
      return {
        ...state,
        typing: record(state.typing, { [conversationId]: action.typing ? [...others, participant] : others }),
      };
    }
    case 'upload': {
      const { [action.clientMessageId]: current, ...uploads } = state.uploads;
      if (action.progress) uploads[action.clientMessageId] = action.progress;
      else if (!current) return state;
      return { ...state, uploads };
    }
    case 'hydrate': {
      const { slice } = action;
      return withUnread({
        ...state,
        visitor: state.visitor ?? slice.visitor,
        conversations: state.conversations.length > 0 ? state.conversations : slice.conversations,
        activeConversationId: state.activeConversationId ?? slice.activeConversationId,
        messages: record(slice.messages, messages),
        hasMore: record(slice.hasMore, state.hasMore),
      });
    }
    case 'reset':
      return { ...initialState(state.storage), connection: state.connection };
  }
}

/** Adds or updates a conversation; read positions and lastSeq only move forward, whichever update arrives last. */
function upsertConversation(conversations: Conversation[], conversation: Conversation): Conversation[] {
  const existing = conversations.find((candidate) => candidate.id === conversation.id);
  const merged: Conversation = existing
    ? {
        ...existing,
        ...conversation,
        lastSeq: Math.max(existing.lastSeq, conversation.lastSeq),
        visitorReadSeq: Math.max(existing.visitorReadSeq, conversation.visitorReadSeq),
        agentReadSeq: Math.max(existing.agentReadSeq, conversation.agentReadSeq),
      }
    : conversation;
  if (existing && JSON.stringify(existing) === JSON.stringify(merged)) return conversations;
  // Newest first, as the protocol lists them.
  const next = existing
    ? conversations.map((candidate) => (candidate === existing ? merged : candidate))
    : [...conversations, merged];
  return next.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

/**
 * Merges acknowledged messages into a conversation's list: ordered by seq, duplicates (same seq) dropped, an own
 * echo replacing its pending copy (matched by clientMessageId), pending messages kept last. Returns `current` itself
 * when nothing changed.
 */
export function mergeMessages(current: ClientMessage[], incoming: Message[]): ClientMessage[] {
  let list = current;
  for (const message of incoming) list = mergeMessage(list, message);
  return list;
}

/** One incoming message; a repeat (duplicated event, the stream echo after the PUT answer) returns `list` itself. */
function mergeMessage(list: ClientMessage[], message: Message): ClientMessage[] {
  const next: ClientMessage = message.author.role === 'visitor' ? { ...message, delivery: 'sent' } : message;
  const end = acknowledgedCount(list);
  const index = seqIndex(list, end, message.seq);
  const existing = list[index]?.seq === message.seq && index < end ? list[index] : undefined;
  const answered = list.findIndex(
    (item, position) =>
      position >= end &&
      message.clientMessageId !== undefined &&
      item.clientMessageId === message.clientMessageId,
  );
  if (existing && answered < 0 && JSON.stringify(existing) === JSON.stringify(next)) return list;
  return [
    ...list.slice(0, index),
    next,
    ...list.slice(existing ? index + 1 : index, end),
    ...list.slice(end).filter((_, offset) => offset + end !== answered),
  ];
}

/** How many messages at the start of a list are acknowledged (seq > 0). */
function acknowledgedCount(list: readonly ClientMessage[]): number {
  let end = list.length;
  while (end > 0 && (list[end - 1] as ClientMessage).seq === 0) end--;
  return end;
}

/** Binary search among the first `end` messages: the index of `seq`, or where it would go. */
function seqIndex(list: readonly ClientMessage[], end: number, seq: number): number {
  let low = 0;
  let high = end;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((list[middle] as ClientMessage).seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The acknowledged message with `seq` in a list, if any. */
export function findBySeq(list: readonly ClientMessage[] = [], seq: number): ClientMessage | undefined {
  const found = list[seqIndex(list, acknowledgedCount(list), seq)];
  return found?.seq === seq ? found : undefined;
}

/** Highest acknowledged seq in a list; 0 when none. */
export function maxSeq(list: readonly ClientMessage[] = []): number {
  return list[acknowledgedCount(list) - 1]?.seq ?? 0;
}

/** Unread: messages from others (not system lines) after the visitor's read position, over all conversations. */
function withUnread(state: ClientState): ClientState {
  let unreadCount = 0;
  for (const conversation of state.conversations)
    for (const message of state.messages[conversation.id] ?? [])
      if (
        message.seq > conversation.visitorReadSeq &&
        message.author.role !== 'visitor' &&
        message.type !== 'event'
      )
        unreadCount++;
  return unreadCount === state.unreadCount ? state : { ...state, unreadCount };
}

/**
 * The highest seq up to which the known acknowledged messages have no hole, counting from the lowest known one;
 * 0 when none. Own acknowledgements can run ahead of the stream, so the highest seq alone can hide a gap below it.
 */
export function contiguousSeq(list: readonly ClientMessage[] = []): number {
  let high = 0;
  for (const message of list) {
    if (message.seq === 0) break;
    if (high > 0 && message.seq > high + 1) break;
    high = message.seq;
  }
  return high;
}
