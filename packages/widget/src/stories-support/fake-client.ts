/**
 * An in-memory {@link SapaClient} for container stories: it holds a fixed (or scripted) {@link ClientState},
 * answers `getSnapshot`/`subscribe` like the real client (same object until something changes), and
 * applies the visitor's actions to that state the way a friendly backend would. No network, no storage.
 */
import type { Conversation, Message, Visitor } from '@sapa/protocol';
import type {
  ClientEventMap,
  ClientEventName,
  ClientMessage,
  ClientState,
  FileInput,
  SapaClient,
  SendFileOptions,
  SendTextOptions,
} from '@sapa/sdk';
import { minutesAgo } from './clock.js';
import { CONVERSATION_ID, conversation, visitor } from './fixtures.js';

/** One call the UI made on the fake client, for play functions to check. */
export interface FakeClientCall {
  method: keyof SapaClient;
  args: unknown[];
}

/** Options of {@link createFakeClient}. */
export interface FakeClientOptions {
  /**
   * How the fake backend treats the visitor's sends: `'accept'` acknowledges them (default),
   * `'fail'` marks them failed, `'hold'` leaves them sending forever.
   */
  sends?: 'accept' | 'fail' | 'hold';
}

/** The fake client: a {@link SapaClient} plus what stories need to drive and inspect it. */
export interface FakeClient extends SapaClient {
  /** Every call the UI made, oldest first. */
  readonly calls: FakeClientCall[];
  /** Replaces the state (a new snapshot) and notifies subscribers, as a stream event would. */
  setState(update: Partial<ClientState> | ((state: ClientState) => ClientState)): void;
  /** Emits a client event to the UI's handlers, as the stream would. */
  emit<E extends ClientEventName>(event: E, payload: ClientEventMap[E]): void;
}

/**
 * Creates a fake client over `initial`.
 *
 * @example
 * ```tsx
 * const client = createFakeClient(clientState(conversationMessages('id')));
 * <ChatApp client={client} />
 * ```
 */
export function createFakeClient(initial: ClientState, options: FakeClientOptions = {}): FakeClient {
  let state = initial;
  const listeners = new Set<() => void>();
  const handlers = new Map<ClientEventName, Set<(payload: never) => void>>();
  const calls: FakeClientCall[] = [];
  let sequence = 0;

  const record = (method: keyof SapaClient, args: unknown[]) => {
    calls.push({ method, args });
  };
  const setState = (update: Partial<ClientState> | ((current: ClientState) => ClientState)) => {
    state = typeof update === 'function' ? update(state) : { ...state, ...update };
    for (const listener of [...listeners]) listener();
  };
  const emit = <E extends ClientEventName>(event: E, payload: ClientEventMap[E]) => {
    for (const handler of handlers.get(event) ?? []) (handler as (value: ClientEventMap[E]) => void)(payload);
  };

  const ensureConversation = (conversationId?: string): string => {
    const id = conversationId ?? state.activeConversationId ?? CONVERSATION_ID;
    if (!state.conversations.some((item) => item.id === id)) {
      const created: Conversation = conversation({ id, createdAt: minutesAgo(0), updatedAt: minutesAgo(0) });
      setState((current) => ({
        ...current,
        conversations: [created, ...current.conversations],
        activeConversationId: id,
        messages: { ...current.messages, [id]: current.messages[id] ?? [] },
        hasMore: { ...current.hasMore, [id]: false },
      }));
    }
    return id;
  };

  const append = (
    conversationId: string,
    partial: Omit<ClientMessage, 'id' | 'conversationId' | 'seq' | 'author' | 'createdAt'>,
  ) => {
    sequence += 1;
    const existing = state.messages[conversationId] ?? [];
    const lastSeq = existing.reduce((highest, item) => Math.max(highest, item.seq), 0);
    const outcome = options.sends ?? 'accept';
    const sent: ClientMessage = {
      id: `fake-message-${sequence}`,
      conversationId,
      seq: outcome === 'accept' ? lastSeq + 1 : 0,
      clientMessageId: `fake-client-${sequence}`,
      author: visitor,
      createdAt: minutesAgo(0),
      ...partial,
      delivery: outcome === 'accept' ? 'sent' : outcome === 'fail' ? 'failed' : 'sending',
      ...(outcome === 'fail'
        ? { error: { code: 'network', message: 'The message could not be sent.' } }
        : {}),
    };
    setState((current) => ({
      ...current,
      messages: { ...current.messages, [conversationId]: [...existing, sent] },
    }));
    return sent;
  };

  const settle = (sent: ClientMessage): Promise<Message> =>
    options.sends === 'hold'
      ? new Promise<Message>(() => {})
      : options.sends === 'fail'
        ? Promise.reject(new Error('The message could not be sent: the fake backend refuses every send.'))
        : Promise.resolve(sent);

  const client: FakeClient = {
    calls,
    setState,
    emit,
    async connect() {
      record('connect', []);
    },
    getSnapshot: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    on(event, handler) {
      record('on', [event]);
      let set = handlers.get(event);
      if (!set) {
        set = new Set();
        handlers.set(event, set);
      }
      set.add(handler as (payload: never) => void);
      return () => set.delete(handler as (payload: never) => void);
    },
    sendText(text: string, sendOptions?: SendTextOptions) {
      record('sendText', [text, sendOptions]);
      const id = ensureConversation(sendOptions?.conversationId);
      return settle(append(id, { type: 'text', text }));
    },
    sendPostback(payload: string, text: string, sendOptions?: SendTextOptions) {
      record('sendPostback', [payload, text, sendOptions]);
      const id = ensureConversation(sendOptions?.conversationId);
      return settle(append(id, { type: 'text', text }));
    },
    sendFile(file: FileInput, sendOptions?: SendFileOptions) {
      record('sendFile', [file, sendOptions]);
      const id = ensureConversation(sendOptions?.conversationId);
      const name = 'name' in file && typeof file.name === 'string' ? file.name : 'file';
      const size = 'size' in file && typeof file.size === 'number' ? file.size : 0;
      sendOptions?.onProgress?.(1);
      return settle(
        append(id, {
          type: 'file',
          ...(sendOptions?.text ? { text: sendOptions.text } : {}),
          attachments: [
            {
              id: `fake-attachment-${sequence}`,
              name,
              size,
              mime: file.type || 'application/octet-stream',
              url: 'data:text/plain,',
            },
          ],
        }),
      );
    },
    cancelUpload(clientMessageId: string) {
      record('cancelUpload', [clientMessageId]);
      // The fake backend finishes every upload at once: none is ever in flight.
      return false;
    },
    retry(clientMessageId: string) {
      record('retry', [clientMessageId]);
      let retried: ClientMessage | undefined;
      setState((current) => {
        const messages: Record<string, ClientMessage[]> = {};
        for (const [id, list] of Object.entries(current.messages)) {
          messages[id] = list.map((item) => {
            if (item.clientMessageId !== clientMessageId) return item;
            retried = { ...item, delivery: 'sending', error: undefined };
            return retried;
          });
        }
        return { ...current, messages };
      });
      return retried
        ? new Promise<Message>(() => {})
        : Promise.reject(new Error('No such message to retry.'));
    },
    async identify(identity) {
      record('identify', [identity]);
      const updated: Visitor = {
        ...(state.visitor ?? { id: 'visitor-1', attributes: {}, verified: false }),
        userId: identity.userId,
        ...(identity.name ? { name: identity.name } : {}),
        ...(identity.email ? { email: identity.email } : {}),
      };
      setState({ visitor: updated });
      return updated;
    },
    async updateVisitor(update) {
      record('updateVisitor', [update]);
      const current = state.visitor ?? { id: 'visitor-1', attributes: {}, verified: false };
      const updated: Visitor = {
        ...current,
        ...update,
        attributes: { ...current.attributes, ...update.attributes },
      };
      setState({ visitor: updated });
      return updated;
    },
    async track(name, properties) {
      record('track', [name, properties]);
    },
    async markRead(conversationId) {
      record('markRead', [conversationId]);
      if (state.unreadCount !== 0) setState({ unreadCount: 0 });
    },
    setTyping(typing) {
      record('setTyping', [typing]);
    },
    async rate(conversationId, score, comment) {
      record('rate', [conversationId, score, comment]);
      setState((current) => ({
        ...current,
        conversations: current.conversations.map((item) =>
          item.id === conversationId ? { ...item, rating: { score, ...(comment ? { comment } : {}) } } : item,
        ),
      }));
    },
    async startConversation(startOptions) {
      record('startConversation', [startOptions]);
      const id = ensureConversation(`conversation-${calls.length}`);
      const started = state.conversations.find((item) => item.id === id);
      if (!started) throw new Error('The fake client lost the conversation it just started.');
      return started;
    },
    async loadOlder(conversationId) {
      record('loadOlder', [conversationId]);
      setState((current) => ({ ...current, hasMore: { ...current.hasMore, [conversationId]: false } }));
      return false;
    },
    selectConversation(conversationId) {
      record('selectConversation', [conversationId]);
      setState({ activeConversationId: conversationId });
    },
    setLocale(locale) {
      record('setLocale', [locale]);
    },
    dismissCampaign(campaignId) {
      record('dismissCampaign', [campaignId]);
      setState({ campaign: undefined });
    },
    disconnect() {
      record('disconnect', []);
    },
    async reset() {
      record('reset', []);
      emit('unread', 0);
    },
  };
  return client;
}
