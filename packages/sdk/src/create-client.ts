import {
  type Attachment,
  type ConversationList,
  FILENAME_HEADER,
  type IdentifyResponse,
  MAX_PAGE_LIMIT,
  MAX_TEXT_LENGTH,
  type Message,
  type MessagePage,
  type PageInfo,
  parseAttachment,
  parseConversation,
  parseMessage,
  parseSession,
  type SendMessageRequest,
  type StreamEvent,
  type VisitorResponse,
  type WidgetConfig,
} from '@sapa/protocol';
import { backoffDelay } from './backoff.js';
import { createCampaignEngine } from './campaign-engine.js';
import {
  AbortedError,
  isTransientError,
  ProtocolError,
  SapaError,
  toErrorInfo,
  ValidationError,
} from './errors.js';
import type { RawStreamEvent } from './event-stream.js';
import { acceptsMime, describeFile, fileBody } from './file-upload.js';
import { createGuardedStorage } from './guarded-storage.js';
import { createHttpTransport, type HttpRequest } from './http-transport.js';
import { openIndexedDbStorage } from './indexeddb-storage.js';
import { MemoryStorage } from './memory-storage.js';
import { watchNetwork, watchPageHidden } from './network-status.js';
import { createOutbox, type Outbox, type OutboxItem } from './outbox.js';
import { createPersistence, type Persistence, type StoredSession } from './persistence.js';
import { randomId } from './random-id.js';
import { type Action, contiguousSeq, findBySeq, initialState, maxSeq } from './reducer.js';
import { createStore } from './store.js';
import { createStreamManager } from './stream-manager.js';
import { createTabCoordinator, withLock } from './tab-coordinator.js';
import type {
  ActiveCampaign,
  ClientEventMap,
  ClientEventName,
  ClientMessage,
  ClientOptions,
  ClientState,
  ErrorInfo,
  SapaClient,
  StorageKind,
} from './types.js';
import { parseStreamEvent, validate } from './validate-event.js';

/** A sibling tab's session younger than this is reused instead of being rotated again. */
const FRESH_SESSION_MS = 30_000;
/** Remote typing indicators expire on their own when the stop never arrives. */
const TYPING_EXPIRY_MS = 8_000;
/** The visitor's typing is sent at most this often (the protocol's rule). */
const TYPING_INTERVAL_MS = 3_000;
/** Attempts per send before it is shown as failed (it stays in the outbox and is flushed later). */
const SEND_ATTEMPTS = 4;
/** Attempts per upload. */
const UPLOAD_ATTEMPTS = 3;
/** Conversations whose messages are synced at connect. */
const SYNCED_CONVERSATIONS = 10;

/** Messages between tabs. */
type TabMessage =
  | { kind: 'action'; action: Action }
  | { kind: 'cursor'; cursor: string }
  | { kind: 'session'; session: StoredSession }
  | { kind: 'hello' };

type TypingAction = Extract<Action, { type: 'typing' }>;

/**
 * Creates a client for one site. Importing the SDK does nothing; work starts on `connect()`.
 *
 * @example
 * ```ts
 * import { createClient } from '@sapa/sdk';
 * const client = createClient({ apiUrl: 'https://support.example.com', siteKey: 'demo', locale: 'id' });
 * const stop = client.subscribe(() => render(client.getSnapshot()));
 * await client.connect();
 * await client.sendText('Halo, pesanan saya belum sampai.');
 * ```
 */
export function createClient(options: ClientOptions): SapaClient {
  const { apiUrl, siteKey, storage: choice = 'indexeddb' } = options;
  const givenFetch = options.fetch ?? globalThis.fetch;
  // Calling a detached window.fetch throws "Illegal invocation" in browsers.
  const fetch: typeof globalThis.fetch = (input, init) => givenFetch.call(globalThis, input, init);
  const baseUrl = `${apiUrl.replace(/\/+$/, '')}/v1`;
  const store = createStore(
    initialState(
      choice === 'memory' || (choice === 'indexeddb' && typeof indexedDB === 'undefined')
        ? 'memory'
        : 'indexeddb',
    ),
  );
  const { getState, dispatch } = store;
  const handlers = new Map<ClientEventName, Set<(payload: never) => void>>();
  /** Running tasks by what they do (`renew`, `flush`, `resync`, `gap <id>`, `send <id>`): one of each at a time. */
  const tasks = new Map<string, Promise<unknown>>();
  const typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  let cleanups: (() => void)[] = [];
  let persistence: Persistence | undefined;
  let outbox: Outbox | undefined;
  let session: StoredSession | undefined;
  let cursor: string | undefined;
  let locale = options.locale;
  let opened: Promise<void> | undefined;
  let connecting: Promise<void> | undefined;
  let connected = false;
  /** Between `connect()` (or the first subscriber) and `disconnect()`: a failed start is tried again. */
  let wanted = false;
  let startAttempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let typingSentAt = 0;
  let typingSent = false;

  // ── Plumbing ───────────────────────────────────────────────────────────────────────────────────

  const set = (fields: Partial<ClientState>) => dispatch({ type: 'set', fields });

  /** Dispatches here and mirrors to the other tabs (state that came from the backend). */
  const dispatchShared = (action: Action) => {
    dispatch(action);
    tabs.broadcast({ kind: 'action', action } satisfies TabMessage);
  };

  const report = (error: unknown) => {
    if (!(error instanceof AbortedError)) set({ lastError: toErrorInfo(error) });
  };

  /** Runs a task nobody waits for; its failure ends up in `lastError`. */
  const background = (task: Promise<unknown>) => void task.catch(report);

  /** The running task under `key`, or a new one from `run`. */
  const single = <T>(key: string, run: () => Promise<T>): Promise<T> => {
    let task = tasks.get(key) as Promise<T> | undefined;
    if (!task) {
      task = run().finally(() => tasks.delete(key));
      tasks.set(key, task);
    }
    return task;
  };

  const emit = <E extends ClientEventName>(event: E, payload: ClientEventMap[E]) => {
    for (const handler of [...(handlers.get(event) ?? [])]) {
      try {
        (handler as (value: ClientEventMap[E]) => void)(payload);
      } catch {
        // A failing handler in the host page must not break the client.
      }
    }
  };

  const request = createHttpTransport({ baseUrl, fetch, getToken: () => session?.token, renewSession });

  const requireConnected = async () => {
    if (connected) return;
    if (!connecting)
      throw new SapaError('not_connected', 'The chat client is not connected; call connect() first.');
    await connecting;
  };

  /** A request that needs the session. */
  const call = async <T>(details: HttpRequest) => {
    await requireConnected();
    return request<T>(details);
  };

  const conversationPath = (conversationId: string) => `/conversations/${encodeURIComponent(conversationId)}`;

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

  const page = (): PageInfo | undefined => {
    if (options.page) return options.page();
    const url = globalThis.location?.href;
    const document = globalThis.document;
    return url
      ? { url, title: document?.title || undefined, referrer: document?.referrer || undefined }
      : undefined;
  };

  function showCampaign(campaign: ActiveCampaign): void {
    set({ campaign });
    emit('campaign', campaign);
  }

  // ── Parts ──────────────────────────────────────────────────────────────────────────────────────

  const stream = createStreamManager({
    baseUrl,
    fetch,
    getToken: () => session?.token,
    getCursor: () => cursor,
    renewSession: renewStreamSession,
    onEvent,
    onStatus: (connection) => dispatchShared({ type: 'set', fields: { connection } }),
    onOpen: () => {
      set({ lastError: undefined });
      flushOutbox();
      background(syncConversations());
    },
    onGone: () => resync(),
    onFatal: report,
    onFailure: report,
  });

  const tabs = createTabCoordinator({
    name: `sapa:${siteKey}:${apiUrl}`,
    onLeader: async () => {
      // The old leader may have applied events this tab only saw mirrored; storage has its last cursor.
      const stored = await persistence?.load('cursor');
      if (stored && (cursor === undefined || stored > cursor)) cursor = stored;
      stream.start();
      flushOutbox();
    },
    onMessage: (message) => onTabMessage(message as TabMessage),
  });

  const campaigns = createCampaignEngine({
    url: () => page()?.url,
    visitor: () => getState().visitor,
    locale: () => locale,
    defaultLocale: () => getState().config?.defaultLocale ?? 'en',
    show: showCampaign,
    remember: (memory) => void persistence?.save('campaigns', memory),
  });

  store.subscribe((state, previous) => {
    if (state.unreadCount !== previous.unreadCount) emit('unread', state.unreadCount);
    if (state.connection !== previous.connection) emit('connection', state.connection);
    if (state.lastError && state.lastError !== previous.lastError) emit('error', state.lastError);
  });

  // ── Start and session ──────────────────────────────────────────────────────────────────────────

  /**
   * Storage, stored history and the page watchers: once per connection, however often the network part of
   * {@link start} is tried again.
   */
  async function openStorage(): Promise<void> {
    // Storage first: on failure the client runs in memory and says so in `state.storage`.
    let kind: StorageKind = choice === 'memory' ? 'memory' : 'indexeddb';
    const adapter =
      choice === 'memory'
        ? new MemoryStorage()
        : choice === 'indexeddb'
          ? await openIndexedDbStorage().catch((error) => {
              kind = 'memory';
              // Without any IndexedDB (Node, old browsers) memory is expected, not an error.
              if (typeof indexedDB !== 'undefined') report(error);
              return new MemoryStorage();
            })
          : choice;
    const storage = createGuardedStorage(adapter, kind, (error) => {
      set({ storage: 'memory' });
      report(error);
    });
    set({ storage: kind });
    const stored = createPersistence(storage, siteKey);
    const waiting = createOutbox(storage, siteKey);
    persistence = stored;
    outbox = waiting;
    await stored.checkSchema();
    // History from storage is in the snapshot before the network answers.
    const slice = await stored.load('state');
    if (slice) dispatch({ type: 'hydrate', slice });
    for (const item of await waiting.list()) showPending(item);
    cursor = await stored.load('cursor');
    campaigns.startVisit(await stored.load('campaigns'));
    cleanups.push(
      store.subscribe(stored.onChange),
      watchNetwork(() => {
        stream.online();
        flushOutbox();
        startAgain();
      }, stream.goOffline),
      // History received in the last moments before the page goes away is written now, not after the delay.
      watchPageHidden(stored.flush),
    );
  }

  async function start(): Promise<void> {
    opened ??= openStorage().catch((error) => {
      opened = undefined;
      throw error;
    });
    await opened;
    await obtainSession((candidate) => Date.now() - candidate.obtainedAt < FRESH_SESSION_MS);
    const config = await request<WidgetConfig>({ method: 'GET', path: '/config' });
    dispatchShared({ type: 'set', fields: { config } });
    await syncConversations();
    connected = true;
    campaigns.evaluate(config.campaigns ?? []);
    tabs.start();
    tabs.broadcast({ kind: 'hello' } satisfies TabMessage);
  }

  /**
   * Takes the stored session when `reusable` accepts it, or creates one (resuming `token`, else the stored one).
   * Tabs take turns under a Web Lock, so they never rotate each other's token.
   */
  function obtainSession(
    reusable: (stored: StoredSession) => boolean,
    token?: string,
  ): Promise<StoredSession> {
    return withLock(`sapa-session:${siteKey}:${apiUrl}`, async () => {
      const stored = await persistence?.load('session');
      if (!stored || !reusable(stored)) return createSession(token ?? stored?.token);
      await adoptSession(stored, false);
      return stored;
    });
  }

  /** The protocol's 401 rule: re-create the session once with its token; a sibling tab may already have done it. */
  let identifying: Promise<unknown> | undefined;
  function renewSession(rejected: string | undefined): Promise<StoredSession> {
    return single('renew', () =>
      obtainSession((stored) => stored.token !== rejected, rejected ?? session?.token),
    );
  }

  /**
   * identify() rotates the token and the backend ends the stream opened with the old one: a stream refused
   * meanwhile needs the new token, not a new session (which would be a new visitor). REST calls do not
   * wait here: identify's own request may be the one being renewed.
   */
  async function renewStreamSession(rejected: string | undefined): Promise<StoredSession> {
    await identifying?.catch(() => {});
    return renewSession(rejected);
  }

  async function createSession(token: string | undefined): Promise<StoredSession> {
    const answer = await request({
      method: 'POST',
      path: '/sessions',
      auth: false,
      json: { siteKey, token, locale, page: page() },
    });
    const created = { ...validate(parseSession, answer, 'The session answer'), obtainedAt: Date.now() };
    await adoptSession(created, true);
    return created;
  }

  /** Takes a session as this client's; a different visitor means the stored history belongs to someone else. */
  async function adoptSession(next: StoredSession, save: boolean): Promise<void> {
    const previous = session?.visitorId ?? getState().visitor?.id;
    if (previous !== undefined && previous !== next.visitorId) {
      await persistence?.clearAll();
      dispatch({ type: 'reset' });
      cursor = undefined;
    }
    session = next;
    cursor ??= next.cursor;
    if (save) {
      await persistence?.save('session', next);
      tabs.broadcast({ kind: 'session', session: next } satisfies TabMessage);
    }
    if (getState().visitor?.id !== next.visitorId)
      set({ visitor: { id: next.visitorId, attributes: {}, verified: false } });
  }

  // ── Sync ───────────────────────────────────────────────────────────────────────────────────────

  /** Conversations from REST, then the messages each one is missing. */
  async function syncConversations(): Promise<void> {
    const list = await request<ConversationList>({ method: 'GET', path: '/conversations' });
    const conversations = (list?.conversations ?? []).filter((conversation) =>
      isValid(parseConversation, conversation, 'A conversation'),
    );
    dispatchShared({ type: 'conversations', conversations });
    const open = conversations.find((conversation) => conversation.status !== 'resolved') ?? conversations[0];
    if (open && getState().activeConversationId === null) set({ activeConversationId: open.id });
    await Promise.all(
      conversations
        .slice(0, SYNCED_CONVERSATIONS)
        .filter((conversation) => conversation.lastSeq > contiguousSeq(getState().messages[conversation.id]))
        .map((conversation) => fillGap(conversation.id)),
    );
  }

  /** Fetches what a conversation is missing: after the last known seq, or the latest page when nothing is known. */
  function fillGap(conversationId: string): Promise<void> {
    return single(`gap ${conversationId}`, async () => {
      for (;;) {
        const after = contiguousSeq(getState().messages[conversationId]);
        if (after === 0) return void (await loadMessages(conversationId, 'limit=50', true));
        if (!(await loadMessages(conversationId, `after=${after}&limit=${MAX_PAGE_LIMIT}`, false))) return;
      }
    });
  }

  /**
   * Loads and applies one page of a conversation's messages (`setHasMore` for pages of older history);
   * resolves with whether the page brought messages and says more exist.
   */
  async function loadMessages(conversationId: string, query: string, setHasMore: boolean): Promise<boolean> {
    const page = await request<MessagePage | undefined>({
      method: 'GET',
      path: `${conversationPath(conversationId)}/messages?${query}`,
    });
    const messages = (page?.messages ?? []).filter((message) => isValid(parseMessage, message, 'A message'));
    receiveMessages(conversationId, messages, setHasMore ? page?.hasMore : undefined);
    return !!page?.hasMore && messages.length > 0;
  }

  /** 410 or `stream.reset`: refetch over REST and continue from a fresh cursor. */
  function resync(next?: string): Promise<void> {
    return single('resync', async () => {
      // 410 carries no cursor: a new session answer does, and REST covers everything before it.
      cursor = next ?? (await createSession(session?.token)).cursor;
      await persistence?.save('cursor', cursor);
      await syncConversations();
    });
  }

  /** Applies acknowledged messages, emits `message` for new ones from others, and settles matching sends. */
  function receiveMessages(
    conversationId: string,
    messages: Message[],
    hasMore?: boolean,
    mirrored = false,
  ): void {
    const before = getState().messages[conversationId];
    (mirrored ? dispatch : dispatchShared)({ type: 'messages', conversationId, messages, hasMore });
    for (const message of messages) {
      if (message.clientMessageId) void outbox?.remove(message.clientMessageId);
      if (message.author.role !== 'visitor' && findBySeq(before, message.seq)?.id !== message.id)
        emit('message', message);
    }
  }

  // ── Stream events ──────────────────────────────────────────────────────────────────────────────

  function onEvent({ type, data, id }: RawStreamEvent): void {
    try {
      const event = parseStreamEvent(type, data, id);
      // The protocol: skip and report, never stop the stream for it. Its cursor still advances past it.
      if (event instanceof ProtocolError) report(event);
      else if (event) applyEvent(event);
      if (id) {
        cursor = id;
        void persistence?.save('cursor', id);
        tabs.broadcast({ kind: 'cursor', cursor: id } satisfies TabMessage);
      }
    } catch (error) {
      report(error);
    }
  }

  function applyEvent(event: StreamEvent): void {
    switch (event.type) {
      case 'message.created':
      case 'message.updated': {
        const { message } = event.data;
        const { conversationId, author } = message;
        const { messages, conversations } = getState();
        const last = maxSeq(messages[conversationId]);
        if (!conversations.some((conversation) => conversation.id === conversationId))
          background(syncConversations());
        receiveMessages(conversationId, [message]);
        if (last > 0 && message.seq > last + 1) background(fillGap(conversationId));
        applyTyping({ type: 'typing', conversationId, participant: author, typing: false });
        break;
      }
      case 'conversation.updated': {
        const { conversation } = event.data;
        dispatchShared({ type: 'conversations', conversations: [conversation] });
        const known = getState().messages[conversation.id];
        if (known && conversation.lastSeq > contiguousSeq(known)) background(fillGap(conversation.id));
        break;
      }
      case 'read.updated':
        dispatchShared({ ...event.data, type: 'read' });
        break;
      case 'campaign.triggered':
        showCampaign({ ...event.data.campaign, source: 'backend' });
        break;
      case 'typing':
        if (event.data.participant.role !== 'visitor') {
          const action: TypingAction = { ...event.data, type: 'typing' };
          applyTyping(action);
          tabs.broadcast({ kind: 'action', action } satisfies TabMessage);
        }
        break;
      case 'stream.reset':
        background(resync(event.data.cursor));
    }
  }

  /** Shows or clears a remote typist; a shown one expires on its own. */
  function applyTyping(action: TypingAction): void {
    const key = `${action.conversationId}\n${action.participant.id}`;
    clearTimeout(typingTimers.get(key));
    typingTimers.delete(key);
    dispatch(action);
    if (action.typing)
      typingTimers.set(
        key,
        setTimeout(() => applyTyping({ ...action, typing: false }), TYPING_EXPIRY_MS),
      );
  }

  // ── Sending ────────────────────────────────────────────────────────────────────────────────────

  /** Stores the item in the outbox before the first try (a reload or crash from here on still delivers it). */
  async function send(item: OutboxItem): Promise<Message> {
    await outbox?.put(item).catch(report);
    showPending(item);
    return deliver(item);
  }

  function newItem(conversationId: string, body: SendMessageRequest): OutboxItem {
    return { clientMessageId: randomId(), conversationId, body, createdAt: new Date().toISOString() };
  }

  function showPending(
    { clientMessageId, conversationId, body, createdAt }: OutboxItem,
    attachments = body.type === 'file'
      ? body.attachmentIds.map((id): Attachment => ({ id, name: '', size: 0, mime: '', url: '' }))
      : undefined,
  ): void {
    dispatch({
      type: 'pending',
      message: {
        id: clientMessageId,
        conversationId,
        seq: 0,
        clientMessageId,
        author: {
          role: 'visitor',
          id: getState().visitor?.id ?? session?.visitorId ?? '',
          name: getState().visitor?.name,
        },
        type: body.type === 'file' ? 'file' : 'text',
        text: body.text,
        attachments,
        createdAt,
        delivery: 'sending',
      },
    });
  }

  /** Marks a pending message; without `delivery` it is discarded. */
  function setDelivery(
    { conversationId, clientMessageId }: OutboxItem,
    delivery?: 'sending' | 'failed',
    error?: ErrorInfo,
  ) {
    dispatch({ type: 'delivery', conversationId, clientMessageId, delivery, error });
  }

  /** PUTs an outbox item (idempotent by clientMessageId); one delivery per id at a time. */
  function deliver(item: OutboxItem): Promise<Message> {
    const { clientMessageId, conversationId } = item;
    return single(`send ${clientMessageId}`, async () => {
      setDelivery(item, 'sending');
      try {
        const answer = await request({
          method: 'PUT',
          path: `${conversationPath(conversationId)}/messages/${encodeURIComponent(clientMessageId)}`,
          json: item.body,
          maxAttempts: SEND_ATTEMPTS,
        });
        const message = validate(parseMessage, answer, 'The sent message');
        receiveMessages(conversationId, [message]);
        await outbox?.remove(clientMessageId);
        return message;
      } catch (error) {
        setDelivery(item, 'failed', toErrorInfo(error));
        // A transient failure stays in the outbox and goes out on the next flush; any other is final.
        if (!isTransientError(error)) await outbox?.remove(clientMessageId);
        throw error;
      }
    });
  }

  /** Sends everything waiting in the (shared) outbox; run by the leader on open, online and start. */
  function flushOutbox(): void {
    const waiting = outbox;
    if (!session || !waiting || tabs.isFollower()) return;
    void single('flush', async () => {
      for (const item of await waiting.list()) {
        if (tasks.has(`send ${item.clientMessageId}`)) continue;
        showPending(item);
        await deliver(item).catch(() => {});
      }
    });
  }

  async function targetConversation(given: string | undefined): Promise<string> {
    await requireConnected();
    return given || getState().activeConversationId || (await client.startConversation()).id;
  }

  // ── Tabs ───────────────────────────────────────────────────────────────────────────────────────

  function onTabMessage(message: TabMessage): void {
    switch (message?.kind) {
      case 'action': {
        const { action } = message;
        if (action.type === 'typing') applyTyping(action);
        else if (action.type === 'messages')
          receiveMessages(action.conversationId, action.messages, action.hasMore, true);
        // The connection is each tab's own business once it holds the stream.
        else if (!(action.type === 'set' && 'connection' in action.fields && !tabs.isFollower()))
          dispatch(action);
        break;
      }
      case 'cursor':
        if (tabs.isFollower()) cursor = message.cursor;
        break;
      case 'session':
        void adoptSession(message.session, false);
        break;
      case 'hello':
        if (!tabs.isFollower())
          tabs.broadcast({
            kind: 'action',
            action: { type: 'set', fields: { connection: getState().connection } },
          } satisfies TabMessage);
    }
  }

  // ── Public surface ─────────────────────────────────────────────────────────────────────────────

  let subscribers = 0;
  let startedBySubscriber = false;
  const begin = () => {
    wanted = true;
    connecting ??= start().catch((error) => {
      connecting = undefined;
      report(error);
      // A start the network failed (offline at the first open) tries again by itself: after a backoff, or
      // at once when the browser is back online. The visitor need not find a "Try again" button.
      if (isTransientError(error)) retryTimer = setTimeout(startAgain, backoffDelay(startAttempt++));
      throw error;
    });
    return connecting;
  };
  function startAgain(): void {
    clearTimeout(retryTimer);
    if (wanted && !connected && !connecting) begin().catch(() => {});
  }

  const client: SapaClient = {
    getSnapshot: getState,

    subscribe(listener) {
      const unsubscribe = store.subscribe(() => listener());
      // DESIGN.md: work starts on connect() or the first subscriber. A client started this way stops
      // again after its last subscriber leaves (a tick later, so a remount does not reconnect).
      if (++subscribers === 1 && !connecting) {
        startedBySubscriber = true;
        begin().catch(() => {});
      }
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        unsubscribe();
        if (--subscribers > 0 || !startedBySubscriber) return;
        setTimeout(() => {
          if (subscribers === 0 && startedBySubscriber) client.disconnect();
        });
      };
    },

    on(event, handler) {
      const registered = handlers.get(event) ?? new Set();
      handlers.set(event, registered.add(handler as (payload: never) => void));
      return () => void registered.delete(handler as (payload: never) => void);
    },

    connect() {
      // Whoever calls connect() owns the connection: unsubscribing no longer stops it.
      startedBySubscriber = false;
      return begin();
    },

    async sendText(text, { conversationId } = {}) {
      if (text.trim() === '') throw new ValidationError('invalid_request', 'The message is empty.');
      if (text.length > MAX_TEXT_LENGTH)
        throw new ValidationError(
          'payload_too_large',
          `A message has at most ${MAX_TEXT_LENGTH} characters.`,
          {
            limit: MAX_TEXT_LENGTH,
          },
        );
      return send(newItem(await targetConversation(conversationId), { type: 'text', text }));
    },

    async sendPostback(payload, text, { conversationId } = {}) {
      return send(newItem(await targetConversation(conversationId), { type: 'postback', payload, text }));
    },

    async sendFile(file, { conversationId, text, onProgress, signal } = {}) {
      await requireConnected();
      const { name, type, size } = describeFile(file);
      const limits = getState().config?.upload;
      if (limits && size > limits.maxBytes)
        throw new ValidationError(
          'payload_too_large',
          `The file "${name}" is larger than ${Math.round(limits.maxBytes / 104_857.6) / 10} MB.`,
          { limit: limits.maxBytes },
        );
      if (limits && !acceptsMime(limits.accept, type))
        throw new ValidationError('unsupported_media_type', `Files of type ${type} cannot be sent.`, {
          accept: limits.accept,
        });
      const body = { type: 'file' as const, attachmentIds: [] as string[], text: text || undefined };
      const item = newItem(await targetConversation(conversationId), body);
      const { clientMessageId } = item;
      showPending(item, [{ id: clientMessageId, name, size, mime: type, url: '' }]);
      try {
        const answer = await request({
          method: 'POST',
          path: '/uploads',
          body: fileBody(file),
          headers: { 'Content-Type': type, [FILENAME_HEADER]: encodeURIComponent(name) },
          signal,
          maxAttempts: UPLOAD_ATTEMPTS,
          onProgress: (fraction) => {
            dispatch({ type: 'upload', clientMessageId, progress: { name, size, fraction } });
            onProgress?.(fraction);
          },
        });
        body.attachmentIds.push(validate(parseAttachment, answer, 'The upload answer').id);
      } catch (error) {
        // A cancelled upload leaves nothing behind; a failed one stays visible as failed.
        setDelivery(item, error instanceof AbortedError ? undefined : 'failed', toErrorInfo(error));
        throw error;
      } finally {
        dispatch({ type: 'upload', clientMessageId });
      }
      return send(item);
    },

    async retry(clientMessageId) {
      const running = tasks.get(`send ${clientMessageId}`) as Promise<Message> | undefined;
      if (running) return running;
      let item = await outbox?.get(clientMessageId);
      if (!item) {
        const message = Object.values(getState().messages)
          .flat()
          .find(
            (candidate: ClientMessage) =>
              candidate.clientMessageId === clientMessageId && candidate.seq === 0,
          );
        if (!message) throw new SapaError('not_found', 'No unsent message has that id.');
        const { conversationId, text, createdAt } = message;
        item = {
          clientMessageId,
          conversationId,
          createdAt,
          body:
            message.type === 'file'
              ? {
                  type: 'file',
                  attachmentIds: (message.attachments ?? []).map(({ id }) => id),
                  text: text || undefined,
                }
              : { type: 'text', text: text ?? '' },
        };
        await outbox?.put(item).catch(() => {});
      }
      return deliver(item);
    },

    async identify(identity) {
      const identified = (async () => {
        const answer = await call<IdentifyResponse>({ method: 'POST', path: '/identify', json: identity });
        if (session) await adoptSession({ ...session, token: answer.token, obtainedAt: Date.now() }, true);
        return answer;
      })();
      identifying = identified;
      const answer = await identified.finally(() => {
        if (identifying === identified) identifying = undefined;
      });
      dispatchShared({ type: 'set', fields: { visitor: answer.visitor } });
      // A verified identify may have brought the user's conversations from another device.
      await syncConversations().catch(report);
      stream.restart();
      return answer.visitor;
    },

    async updateVisitor(update) {
      const { visitor } = await call<VisitorResponse>({ method: 'PATCH', path: '/visitor', json: update });
      dispatchShared({ type: 'set', fields: { visitor } });
      return visitor;
    },

    async track(name, properties) {
      await call({ method: 'POST', path: '/events', json: { name, properties } });
    },

    async markRead(conversationId = getState().activeConversationId ?? '') {
      const { conversations, messages } = getState();
      const conversation = conversations.find((candidate) => candidate.id === conversationId);
      const seq = maxSeq(messages[conversationId]);
      if (!conversation || seq <= conversation.visitorReadSeq) return;
      dispatchShared({ type: 'read', conversationId, role: 'visitor', seq });
      await request({ method: 'POST', path: `${conversationPath(conversationId)}/read`, json: { seq } });
    },

    setTyping(typing) {
      const conversationId = getState().activeConversationId;
      const now = Date.now();
      if (
        !conversationId ||
        !session ||
        (typing ? typingSent && now - typingSentAt < TYPING_INTERVAL_MS : !typingSent)
      )
        return;
      typingSent = typing;
      typingSentAt = now;
      // Typing is a hint: one attempt, and a lost one is not worth an error.
      request({
        method: 'POST',
        path: `${conversationPath(conversationId)}/typing`,
        json: { typing },
        maxAttempts: 1,
      }).catch(() => {});
    },

    async rate(conversationId, score, comment) {
      if (!Number.isInteger(score) || score < 1 || score > 5)
        throw new ValidationError('invalid_request', `A rating is a whole number from 1 to 5, not ${score}.`);
      const rating = { score, comment };
      await call({ method: 'POST', path: `${conversationPath(conversationId)}/rating`, json: rating });
      const conversation = getState().conversations.find((candidate) => candidate.id === conversationId);
      if (conversation)
        dispatchShared({ type: 'conversations', conversations: [{ ...conversation, rating }] });
    },

    async startConversation({ campaignId } = {}) {
      const answer = await call({
        method: 'POST',
        path: '/conversations',
        json: { clientConversationId: randomId(), campaignId },
      });
      const conversation = validate(parseConversation, answer, 'The new conversation');
      dispatchShared({ type: 'conversations', conversations: [conversation] });
      set({ activeConversationId: conversation.id });
      if (campaignId) client.dismissCampaign(campaignId);
      await fillGap(conversation.id).catch(report);
      return conversation;
    },

    async loadOlder(conversationId) {
      // The oldest acknowledged message comes first; seq 1 is the start of the conversation.
      const oldest = getState().messages[conversationId]?.[0]?.seq;
      if (oldest === 1) {
        dispatchShared({ type: 'messages', conversationId, messages: [], hasMore: false });
        return false;
      }
      return loadMessages(conversationId, `${oldest ? `before=${oldest}&` : ''}limit=50`, true);
    },

    selectConversation(conversationId) {
      set({ activeConversationId: conversationId });
      if (conversationId && !getState().messages[conversationId] && session)
        background(fillGap(conversationId));
    },

    setLocale(next) {
      locale = next;
    },

    dismissCampaign(campaignId) {
      campaigns.markShown(campaignId);
      if (getState().campaign?.id === campaignId) set({ campaign: undefined });
    },

    disconnect() {
      startedBySubscriber = false;
      stream.stop();
      tabs.stop();
      campaigns.stop();
      void persistence?.flush();
      for (const cleanup of cleanups) cleanup();
      for (const timer of typingTimers.values()) clearTimeout(timer);
      typingTimers.clear();
      cleanups = [];
      clearTimeout(retryTimer);
      wanted = false;
      startAttempt = 0;
      opened = connecting = undefined;
      connected = false;
      set({ connection: 'idle' });
    },

    async reset() {
      client.disconnect();
      await persistence?.clearAll();
      session = cursor = undefined;
      dispatch({ type: 'reset' });
    },
  };
  return client;
}
