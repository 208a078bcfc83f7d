import {
  type ConversationList,
  MAX_PAGE_LIMIT,
  type Message,
  type MessagePage,
  parseConversation,
  parseMessage,
} from '@sapa/protocol';
import type { ClientParts } from './client-parts.js';
import type { ClientStorage } from './client-storage.js';
import { contiguousSeq, findBySeq } from './reducer.js';
import type { SessionManager } from './session-manager.js';
import { createSingleFlight, singleFlight } from './single-flight.js';
import type { StreamEvents } from './stream-events.js';
import type { TabSync } from './tab-sync.js';
import { validate } from './validate-event.js';

/** Conversations whose messages are synced at connect. */
const SYNCED_CONVERSATIONS = 10;

/** What the conversation sync works with. */
export type ConversationSyncParts = Pick<ClientParts, 'store' | 'set' | 'request' | 'report' | 'emit'> & {
  storage: Pick<ClientStorage, 'outbox'>;
  tabs: Pick<TabSync, 'share'>;
  sessions: Pick<SessionManager, 'recreate'>;
  events: Pick<StreamEvents, 'restartFrom'>;
};

/** Conversations and their acknowledged messages, brought into the state from REST, the stream and other tabs. */
export interface ConversationSync {
  /**
   * Applies acknowledged messages (`hasMore` for pages of older history; `mirrored` when another tab already
   * shared them), lets them leave the outbox, and emits `message` for new ones from others.
   */
  receive(conversationId: string, messages: Message[], hasMore?: boolean, mirrored?: boolean): void;
  /** Conversations from REST, then the messages each one is missing. */
  syncConversations(): Promise<void>;
  /** Fetches what a conversation is missing: after the last known seq, or the latest page when nothing is known. */
  fillGap(conversationId: string): Promise<void>;
  /** The page before the oldest known message; resolves with whether more exist. */
  loadOlder(conversationId: string): Promise<boolean>;
  /** 410 or `stream.reset`: refetches over REST and continues from a fresh cursor. */
  resync(cursor?: string): Promise<void>;
}

export const conversationPath = (conversationId: string) =>
  `/conversations/${encodeURIComponent(conversationId)}`;

export function createConversationSync(parts: ConversationSyncParts): ConversationSync {
  const { request, store, report, storage, tabs } = parts;
  const { getState, dispatch } = store;
  const { share } = tabs;
  const gapFills = createSingleFlight<string, void>();

  /** Whether `value` follows the protocol; reports it when not. */
  const isValid = (parse: (value: unknown) => unknown, value: unknown, what: string) => {
    try {
      validate(parse, value, what);
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  };

  const receive: ConversationSync['receive'] = (conversationId, messages, hasMore, mirrored) => {
    const before = getState().messages[conversationId];
    (mirrored ? dispatch : share)({ type: 'messages', conversationId, messages, hasMore });
    for (const message of messages) {
      // An acknowledged message (the PUT's answer or the stream's echo) needs no more tries.
      if (message.clientMessageId) void storage.outbox?.remove(message.clientMessageId);
      if (message.author.role !== 'visitor' && findBySeq(before, message.seq)?.id !== message.id)
        parts.emit('message', message);
    }
  };

  /**
   * Loads and applies one page of a conversation's messages (`setHasMore` for pages of older history);
   * resolves with whether the page brought messages and says more exist.
   */
  const loadMessages = async (conversationId: string, query: string, setHasMore: boolean) => {
    const page = await request<MessagePage | undefined>({
      method: 'GET',
      path: `${conversationPath(conversationId)}/messages?${query}`,
    });
    const messages = (page?.messages ?? []).filter((message) => isValid(parseMessage, message, 'A message'));
    receive(conversationId, messages, setHasMore ? page?.hasMore : undefined);
    return !!page?.hasMore && messages.length > 0;
  };

  const fillGap = (conversationId: string) =>
    gapFills.run(conversationId, async () => {
      for (;;) {
        const after = contiguousSeq(getState().messages[conversationId]);
        if (after === 0) return void (await loadMessages(conversationId, 'limit=50', true));
        if (!(await loadMessages(conversationId, `after=${after}&limit=${MAX_PAGE_LIMIT}`, false))) return;
      }
    });

  const syncConversations = async () => {
    const list = await request<ConversationList>({ method: 'GET', path: '/conversations' });
    const conversations = (list?.conversations ?? []).filter((conversation) =>
      isValid(parseConversation, conversation, 'A conversation'),
    );
    share({ type: 'conversations', conversations });
    const open = conversations.find((conversation) => conversation.status !== 'resolved') ?? conversations[0];
    if (open && getState().activeConversationId === null) parts.set({ activeConversationId: open.id });
    await Promise.all(
      conversations
        .slice(0, SYNCED_CONVERSATIONS)
        .filter((conversation) => conversation.lastSeq > contiguousSeq(getState().messages[conversation.id]))
        .map((conversation) => fillGap(conversation.id)),
    );
  };

  return {
    receive,
    syncConversations,
    fillGap,
    async loadOlder(conversationId) {
      // The oldest acknowledged message comes first; seq 1 is the start of the conversation.
      const oldest = getState().messages[conversationId]?.[0]?.seq;
      if (oldest === 1) {
        share({ type: 'messages', conversationId, messages: [], hasMore: false });
        return false;
      }
      return loadMessages(conversationId, `${oldest ? `before=${oldest}&` : ''}limit=50`, true);
    },
    resync: singleFlight(async (cursor?: string) => {
      // 410 carries no cursor: a new session answer does, and REST covers everything before it.
      await parts.events.restartFrom(cursor ?? (await parts.sessions.recreate()).cursor);
      await syncConversations();
    }),
  };
}
