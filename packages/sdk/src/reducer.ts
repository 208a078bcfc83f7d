import type { Conversation, Message, Participant, Visitor, WidgetConfig } from '@sapa/protocol';
import type {
  ActiveCampaign,
  ClientMessage,
  ClientState,
  ConnectionState,
  ErrorInfo,
  StorageKind,
  UploadProgress,
} from './types.js';

/** Every change to the state is one of these. */
export type Action =
  | { type: 'connection'; connection: ConnectionState }
  | { type: 'storage'; storage: StorageKind }
  | { type: 'visitor'; visitor: Visitor }
  | { type: 'config'; config: WidgetConfig }
  | { type: 'conversations'; conversations: Conversation[] }
  | { type: 'conversation'; conversation: Conversation }
  | { type: 'messages'; conversationId: string; messages: Message[]; hasMore?: boolean }
  | { type: 'pending'; message: ClientMessage }
  | {
      type: 'delivery';
      conversationId: string;
      clientMessageId: string;
      delivery: 'sending' | 'failed';
      error?: ErrorInfo;
    }
  | { type: 'discard'; conversationId: string; clientMessageId: string }
  | { type: 'read'; conversationId: string; role: 'visitor' | 'agent'; seq: number }
  | { type: 'typing'; conversationId: string; participant: Participant; typing: boolean }
  | { type: 'active'; conversationId: string | null }
  | { type: 'upload'; clientMessageId: string; progress?: UploadProgress }
  | { type: 'campaign'; campaign?: ActiveCampaign }
  | { type: 'error'; error?: ErrorInfo }
  | { type: 'hydrate'; slice: PersistedSlice }
  | { type: 'reset' };

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
    messages: {},
    hasMore: {},
    unreadCount: 0,
    typing: {},
    storage,
    uploads: {},
  };
}

/** The pure reducer: returns `state` itself when the action changes nothing, so snapshots stay stable. */
export function reducer(state: ClientState, action: Action): ClientState {
  switch (action.type) {
    case 'connection':
      return state.connection === action.connection ? state : { ...state, connection: action.connection };
    case 'storage':
      return state.storage === action.storage ? state : { ...state, storage: action.storage };
    case 'visitor':
      return { ...state, visitor: action.visitor };
    case 'config':
      return { ...state, config: action.config };
    case 'conversations': {
      let conversations = state.conversations;
      for (const conversation of action.conversations)
        conversations = upsertConversation(conversations, conversation);
      return conversations === state.conversations ? state : withUnread({ ...state, conversations });
    }
    case 'conversation': {
      const conversations = upsertConversation(state.conversations, action.conversation);
      return conversations === state.conversations ? state : withUnread({ ...state, conversations });
    }
    case 'messages': {
      const current = state.messages[action.conversationId] ?? [];
      const merged = mergeMessages(current, action.messages);
      const hasMore =
        action.hasMore === undefined || state.hasMore[action.conversationId] === action.hasMore
          ? state.hasMore
          : { ...state.hasMore, [action.conversationId]: action.hasMore };
      if (merged === current && hasMore === state.hasMore) return state;
      return withUnread({
        ...state,
        messages: { ...state.messages, [action.conversationId]: merged },
        hasMore,
      });
    }
    case 'pending': {
      const conversationId = action.message.conversationId;
      const current = state.messages[conversationId] ?? [];
      if (current.some((message) => message.clientMessageId === action.message.clientMessageId)) return state;
      return { ...state, messages: { ...state.messages, [conversationId]: [...current, action.message] } };
    }
    case 'delivery': {
      const current = state.messages[action.conversationId];
      if (!current) return state;
      let changed = false;
      const next = current.map((message) => {
        if (message.clientMessageId !== action.clientMessageId || message.delivery === 'sent') return message;
        changed = true;
        return { ...message, delivery: action.delivery, error: action.error };
      });
      return changed ? { ...state, messages: { ...state.messages, [action.conversationId]: next } } : state;
    }
    case 'discard': {
      const current = state.messages[action.conversationId];
      if (!current) return state;
      const next = current.filter(
        (message) => !(message.clientMessageId === action.clientMessageId && message.delivery !== 'sent'),
      );
      return next.length === current.length
        ? state
        : { ...state, messages: { ...state.messages, [action.conversationId]: next } };
    }
    case 'read': {
      const index = state.conversations.findIndex(
        (conversation) => conversation.id === action.conversationId,
      );
      if (index < 0) return state;
      const conversation = state.conversations[index] as Conversation;
      const field = action.role === 'visitor' ? 'visitorReadSeq' : 'agentReadSeq';
      if (conversation[field] >= action.seq) return state;
      const conversations = state.conversations.slice();
      conversations[index] = { ...conversation, [field]: action.seq };
      return withUnread({ ...state, conversations });
    }
    case 'typing': {
      const current = state.typing[action.conversationId] ?? [];
      const others = current.filter((participant) => participant.id !== action.participant.id);
      if (!action.typing && others.length === current.length) return state;
      const next = action.typing ? [...others, action.participant] : others;
      return { ...state, typing: { ...state.typing, [action.conversationId]: next } };
    }
    case 'active':
      return state.activeConversationId === action.conversationId
        ? state
        : { ...state, activeConversationId: action.conversationId };
    case 'upload': {
      if (!action.progress) {
        if (!(action.clientMessageId in state.uploads)) return state;
        const { [action.clientMessageId]: _removed, ...uploads } = state.uploads;
        return { ...state, uploads };
      }
      return { ...state, uploads: { ...state.uploads, [action.clientMessageId]: action.progress } };
    }
    case 'campaign':
      return state.campaign === action.campaign ? state : { ...state, campaign: action.campaign };
    case 'error':
      return state.lastError === action.error ? state : { ...state, lastError: action.error };
    case 'hydrate': {
      const { slice } = action;
      return withUnread({
        ...state,
        visitor: state.visitor ?? slice.visitor,
        conversations: state.conversations.length > 0 ? state.conversations : slice.conversations,
        activeConversationId: state.activeConversationId ?? slice.activeConversationId,
        messages: { ...slice.messages, ...state.messages },
        hasMore: { ...slice.hasMore, ...state.hasMore },
      });
    }
    case 'reset':
      return { ...initialState(state.storage), connection: state.connection };
  }
}

function upsertConversation(conversations: Conversation[], conversation: Conversation): Conversation[] {
  const index = conversations.findIndex((existing) => existing.id === conversation.id);
  let next: Conversation[];
  if (index >= 0) {
    const existing = conversations[index] as Conversation;
    // Read positions only move forward, whichever update arrives last.
    const merged: Conversation = {
      ...existing,
      ...conversation,
      lastSeq: Math.max(existing.lastSeq, conversation.lastSeq),
      visitorReadSeq: Math.max(existing.visitorReadSeq, conversation.visitorReadSeq),
      agentReadSeq: Math.max(existing.agentReadSeq, conversation.agentReadSeq),
    };
    if (sameConversation(existing, merged)) return conversations;
    next = conversations.slice();
    next[index] = merged;
  } else {
    next = [...conversations, conversation];
  }
  // Newest first, as the protocol lists them.
  return next.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

function sameConversation(a: Conversation, b: Conversation): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Merges acknowledged messages into a conversation's list: ordered by seq, duplicates (same seq) dropped, an own
 * echo replacing its pending copy (matched by clientMessageId), pending messages kept last. Returns `current` itself
 * when nothing changed.
 */
export function mergeMessages(current: ClientMessage[], incoming: Message[]): ClientMessage[] {
  if (incoming.length === 0) return current;
  if (incoming.length === 1) {
    const fast = mergeOne(current, incoming[0] as Message);
    if (fast !== undefined) return fast;
  }
  const acknowledged = new Map<number, ClientMessage>();
  const pending: ClientMessage[] = [];
  for (const message of current) {
    if (message.seq > 0 && message.delivery !== 'sending' && message.delivery !== 'failed')
      acknowledged.set(message.seq, message);
    else pending.push(message);
  }
  let changed = false;
  const answered = new Set<string>();
  for (const message of incoming) {
    if (message.clientMessageId) answered.add(message.clientMessageId);
    const existing = acknowledged.get(message.seq);
    const next: ClientMessage =
      message.author.role === 'visitor' ? { ...message, delivery: 'sent' } : message;
    if (existing && existing.id === message.id && JSON.stringify(existing) === JSON.stringify(next)) continue;
    acknowledged.set(message.seq, next);
    changed = true;
  }
  const stillPending = pending.filter((message) => !answered.has(message.clientMessageId ?? ''));
  if (!changed && stillPending.length === pending.length) return current;
  const ordered = [...acknowledged.values()].sort((a, b) => a.seq - b.seq);
  return [...ordered, ...stillPending];
}

/** Highest acknowledged seq in a list; 0 when none. */
export function maxSeq(messages: readonly ClientMessage[] | undefined): number {
  let max = 0;
  for (const message of messages ?? [])
    if (message.delivery !== 'sending' && message.seq > max) max = message.seq;
  return max;
}

/** Lowest acknowledged seq in a list; undefined when none. */
export function minSeq(messages: readonly ClientMessage[] | undefined): number | undefined {
  for (const message of messages ?? []) if (message.seq > 0) return message.seq;
  return undefined;
}

/** Unread: messages from others (not system lines) after the visitor's read position, over all conversations. */
function withUnread(state: ClientState): ClientState {
  let unread = 0;
  for (const conversation of state.conversations) {
    for (const message of state.messages[conversation.id] ?? []) {
      if (
        message.seq > conversation.visitorReadSeq &&
        message.author.role !== 'visitor' &&
        message.type !== 'event'
      )
        unread++;
    }
  }
  return unread === state.unreadCount ? state : { ...state, unreadCount: unread };
}

/**
 * The highest seq up to which the known acknowledged messages have no hole, counting from the lowest known one;
 * 0 when none. Own acknowledgements can run ahead of the stream, so the highest seq alone can hide a gap below it.
 */
export function contiguousSeq(messages: readonly ClientMessage[] | undefined): number {
  let high = 0;
  for (const message of messages ?? []) {
    if (message.seq <= 0 || message.delivery === 'sending' || message.delivery === 'failed') continue;
    if (high === 0 || message.seq === high + 1) high = message.seq;
    else if (message.seq > high + 1) break;
  }
  return high;
}

/** Whether a message in a list is acknowledged (not a pending copy). */
function isAcknowledged(message: ClientMessage): boolean {
  return message.seq > 0 && message.delivery !== 'sending' && message.delivery !== 'failed';
}

/** Index of the acknowledged message with `seq` (the acknowledged ones come first, sorted), or -1. */
export function indexOfSeq(list: readonly ClientMessage[], seq: number): number {
  let low = 0;
  let high = list.length - 1;
  while (high >= 0 && !isAcknowledged(list[high] as ClientMessage)) high--;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = (list[middle] as ClientMessage).seq;
    if (found === seq) return middle;
    if (found < seq) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/**
 * The common cases of one incoming message without rebuilding the list: a repeat (duplicated event, the stream echo
 * after the PUT answer) and an append after the last acknowledged seq. Undefined: use the general merge.
 */
function mergeOne(current: ClientMessage[], message: Message): ClientMessage[] | undefined {
  const index = indexOfSeq(current, message.seq);
  const next: ClientMessage = message.author.role === 'visitor' ? { ...message, delivery: 'sent' } : message;
  const pendingIndex = message.clientMessageId
    ? current.findIndex((item) => !isAcknowledged(item) && item.clientMessageId === message.clientMessageId)
    : -1;
  if (index >= 0) {
    const existing = current[index] as ClientMessage;
    if (pendingIndex < 0 && existing.id === message.id && JSON.stringify(existing) === JSON.stringify(next)) {
      return current;
    }
    return undefined;
  }
  let lastAcknowledged = current.length - 1;
  while (lastAcknowledged >= 0 && !isAcknowledged(current[lastAcknowledged] as ClientMessage))
    lastAcknowledged--;
  const lastSeq = lastAcknowledged >= 0 ? (current[lastAcknowledged] as ClientMessage).seq : 0;
  if (message.seq <= lastSeq) return undefined;
  const pending = current
    .slice(lastAcknowledged + 1)
    .filter((_, offset) => offset + lastAcknowledged + 1 !== pendingIndex);
  return [...current.slice(0, lastAcknowledged + 1), next, ...pending];
}
