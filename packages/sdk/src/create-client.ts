import {
  type Attachment,
  type Conversation,
  type ConversationList,
  type IdentifyRequest,
  type IdentifyResponse,
  MAX_PAGE_LIMIT,
  MAX_TEXT_LENGTH,
  type Message,
  type MessagePage,
  type PageInfo,
  type Participant,
  type SendMessageRequest,
  type Session,
  type StreamEvent,
  type Visitor,
  type VisitorResponse,
  type VisitorUpdate,
  type WidgetConfig,
} from '@sapa/protocol';
import { backoffDelay } from './backoff.js';
import { CampaignEngine } from './campaign-engine.js';
import { delay } from './delay.js';
import {
  AbortedError,
  HttpError,
  ProtocolError,
  SapaError,
  type StorageError,
  toErrorInfo,
  ValidationError,
} from './errors.js';
import type { RawStreamEvent } from './event-stream.js';
import { acceptsMime, describeFile, uploadFile } from './file-upload.js';
import { GuardedStorage } from './guarded-storage.js';
import { HttpTransport, isTransientError } from './http-transport.js';
import { IndexedDbStorage } from './indexeddb-storage.js';
import { MemoryStorage } from './memory-storage.js';
import { watchNetwork } from './network-status.js';
import { Outbox, type OutboxItem } from './outbox.js';
import { Persistence, type StoredSession } from './persistence.js';
import { randomId } from './random-id.js';
import { type Action, contiguousSeq, indexOfSeq, initialState, maxSeq, minSeq } from './reducer.js';
import { Store } from './store.js';
import { StreamManager } from './stream-manager.js';
import { TabCoordinator, withLock } from './tab-coordinator.js';
import type {
  ActiveCampaign,
  ClientEventMap,
  ClientEventName,
  ClientMessage,
  ClientOptions,
  ClientState,
  FileInput,
  SapaClient,
  SendFileOptions,
  SendTextOptions,
  StartConversationOptions,
  StorageAdapter,
} from './types.js';
import { isConversation, isMessage, parseStreamEvent } from './validate-event.js';

/** A sibling tab's session younger than this is reused instead of being rotated again. */
const FRESH_SESSION_MS = 30_000;
/** Remote typing indicators expire on their own when the stop never arrives. */
const TYPING_EXPIRY_MS = 8_000;
/** The visitor's typing is sent at most this often (the protocol's rule). */
const TYPING_INTERVAL_MS = 3_000;
/** Attempts per send before it is shown as failed (it stays in the outbox and is flushed later). */
const SEND_ATTEMPTS = 4;
/** Conversations whose messages are synced at connect. */
const SYNCED_CONVERSATIONS = 10;

/** Messages between tabs. */
type TabMessage =
  | { kind: 'action'; action: Action }
  | { kind: 'cursor'; cursor: string }
  | { kind: 'session'; session: StoredSession }
  | { kind: 'hello' }
  | { kind: 'outbox' };

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
  return new Client(options);
}

class Client implements SapaClient {
  private readonly options: ClientOptions;
  private readonly fetchImpl: typeof fetch;
  private readonly store: Store;
  private readonly transport: HttpTransport;
  private readonly stream: StreamManager;
  private readonly tabs: TabCoordinator;
  private readonly campaigns: CampaignEngine;
  private readonly handlers = new Map<ClientEventName, Set<(payload: never) => void>>();
  private storage: GuardedStorage | undefined;
  private persistence: Persistence | undefined;
  private outbox: Outbox | undefined;
  private session: StoredSession | undefined;
  private cursor: string | undefined;
  private locale: string | undefined;
  private connecting: Promise<void> | undefined;
  private connected = false;
  private renewing: Promise<string> | undefined;
  private flushing: Promise<void> | undefined;
  private resyncing: Promise<void> | undefined;
  private readonly inFlight = new Map<string, Promise<Message>>();
  private readonly gapFills = new Map<string, Promise<void>>();
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private typingSentAt = 0;
  private typingSent = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(options: ClientOptions) {
    this.options = options;
    this.locale = options.locale;
    const givenFetch = options.fetch ?? globalThis.fetch;
    // Calling a detached window.fetch throws "Illegal invocation" in browsers.
    this.fetchImpl = (input, init) => givenFetch.call(globalThis, input, init);
    const wantsIndexedDb = options.storage === undefined || options.storage === 'indexeddb';
    this.store = new Store(
      initialState(
        options.storage === 'memory' || (wantsIndexedDb && typeof indexedDB === 'undefined')
          ? 'memory'
          : 'indexeddb',
      ),
    );
    this.transport = new HttpTransport({
      apiUrl: options.apiUrl,
      fetch: this.fetchImpl,
      getToken: () => this.session?.token,
      renewSession: (rejected) => this.renewSession(rejected),
    });
    this.stream = new StreamManager({
      baseUrl: this.transport.baseUrl,
      fetch: this.fetchImpl,
      getToken: () => this.session?.token,
      getCursor: () => this.cursor,
      renewSession: (rejected) => this.renewSession(rejected),
      onEvent: (event) => this.onRawEvent(event),
      onStatus: (connection) => this.dispatchShared({ type: 'connection', connection }),
      onOpen: () => {
        this.store.dispatch({ type: 'error', error: undefined });
        void this.flushOutbox();
        void this.syncConversations().catch((error) => this.report(error));
      },
      onGone: () => this.resync(),
      onFatal: (error) => this.report(error),
      onFailure: (error) => this.store.dispatch({ type: 'error', error: toErrorInfo(error) }),
    });
    this.tabs = new TabCoordinator({
      name: `sapa:${options.siteKey}:${options.apiUrl}`,
      onLeader: () => void this.becomeLeader(),
      onMessage: (message) => this.onTabMessage(message as TabMessage),
    });
    this.campaigns = new CampaignEngine({
      url: () => this.page()?.url,
      visitor: () => this.store.getState().visitor,
      locale: () => this.locale,
      defaultLocale: () => this.store.getState().config?.defaultLocale ?? 'en',
      show: (campaign) => this.showCampaign(campaign),
      remember: (memory) => void this.persistence?.saveCampaignMemory(memory),
    });
    this.store.subscribe((state, previous) => this.emitChanges(state, previous));
  }

  // ── Public surface ───────────────────────────────────────────────────────────────────────────

  getSnapshot = (): ClientState => this.store.getState();

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(() => listener());

  on<E extends ClientEventName>(event: E, handler: (payload: ClientEventMap[E]) => void): () => void {
    let set = this.handlers.get(event);
    if (!set) {
      set = new Set();
      this.handlers.set(event, set);
    }
    set.add(handler as (payload: never) => void);
    return () => {
      set?.delete(handler as (payload: never) => void);
    };
  }

  connect(): Promise<void> {
    if (!this.connecting) {
      this.connecting = this.start().catch((error) => {
        this.connecting = undefined;
        this.report(error);
        throw error;
      });
    }
    return this.connecting;
  }

  async sendText(text: string, options: SendTextOptions = {}): Promise<Message> {
    const trimmed = text.trim();
    if (trimmed === '') throw new ValidationError('invalid_request', 'The message is empty.');
    if (text.length > MAX_TEXT_LENGTH) {
      throw new ValidationError(
        'payload_too_large',
        `The message is ${text.length} characters long; the limit is ${MAX_TEXT_LENGTH}.`,
        { limit: MAX_TEXT_LENGTH },
      );
    }
    const conversationId = await this.targetConversation(options.conversationId);
    return this.send(conversationId, { type: 'text', text });
  }

  async sendPostback(payload: string, text: string, options: SendTextOptions = {}): Promise<Message> {
    const conversationId = await this.targetConversation(options.conversationId);
    return this.send(conversationId, { type: 'postback', payload, text });
  }

  async sendFile(file: FileInput, options: SendFileOptions = {}): Promise<Message> {
    await this.requireConnected();
    const { name, type, size } = describeFile(file);
    const limits = this.store.getState().config?.upload;
    if (limits && size > limits.maxBytes) {
      throw new ValidationError(
        'payload_too_large',
        `The file "${name}" is ${formatBytes(size)}; files up to ${formatBytes(limits.maxBytes)} can be sent.`,
        { limit: limits.maxBytes },
      );
    }
    if (limits && !acceptsMime(limits.accept, type)) {
      throw new ValidationError(
        'unsupported_media_type',
        `Files of type ${type || 'unknown'} cannot be sent; accepted: ${limits.accept.join(', ')}.`,
        { accept: limits.accept },
      );
    }
    const conversationId = await this.targetConversation(options.conversationId);
    const clientMessageId = randomId();
    const createdAt = new Date().toISOString();
    this.store.dispatch({
      type: 'pending',
      message: {
        id: clientMessageId,
        conversationId,
        seq: 0,
        clientMessageId,
        author: this.self(),
        type: 'file',
        text: options.text,
        attachments: [{ id: clientMessageId, name, size, mime: type, url: '' }],
        createdAt,
        delivery: 'sending',
      },
    });
    const progress = (fraction: number) => {
      this.store.dispatch({ type: 'upload', clientMessageId, progress: { name, size, fraction } });
      options.onProgress?.(fraction);
    };
    let attachment: Attachment;
    try {
      attachment = await this.uploadWithRetries(file, progress, options.signal);
    } catch (error) {
      this.store.dispatch({ type: 'upload', clientMessageId });
      if (error instanceof AbortedError)
        this.store.dispatch({ type: 'discard', conversationId, clientMessageId });
      else
        this.store.dispatch({
          type: 'delivery',
          conversationId,
          clientMessageId,
          delivery: 'failed',
          error: toErrorInfo(error),
        });
      throw error;
    }
    this.store.dispatch({ type: 'upload', clientMessageId });
    const body: SendMessageRequest = { type: 'file', attachmentIds: [attachment.id] };
    if (options.text) body.text = options.text;
    return this.send(conversationId, body, clientMessageId, createdAt);
  }

  async retry(clientMessageId: string): Promise<Message> {
    const existing = this.inFlight.get(clientMessageId);
    if (existing) return existing;
    let item = await this.outbox?.get(clientMessageId);
    if (!item) {
      const message = this.findPending(clientMessageId);
      if (!message) throw new SapaError('not_found', 'There is no unsent message with that id to retry.');
      const body: SendMessageRequest =
        message.type === 'file'
          ? { type: 'file', attachmentIds: (message.attachments ?? []).map((attachment) => attachment.id) }
          : { type: 'text', text: message.text ?? '' };
      if (message.type === 'file' && message.text) (body as { text?: string }).text = message.text;
      item = { clientMessageId, conversationId: message.conversationId, body, createdAt: message.createdAt };
      await this.outbox?.put(item).catch(() => {});
    }
    return this.deliver(item);
  }

  async identify(identity: IdentifyRequest): Promise<Visitor> {
    await this.requireConnected();
    const answer = await this.transport.request<IdentifyResponse>({
      method: 'POST',
      path: '/identify',
      json: identity,
    });
    if (this.session)
      await this.adoptSession({ ...this.session, token: answer.token, obtainedAt: Date.now() }, true);
    this.dispatchShared({ type: 'visitor', visitor: answer.visitor });
    // A verified identify may have brought the user's conversations from another device.
    await this.syncConversations().catch((error) => this.report(error));
    this.stream.restart();
    return answer.visitor;
  }

  async updateVisitor(update: VisitorUpdate): Promise<Visitor> {
    await this.requireConnected();
    const answer = await this.transport.request<VisitorResponse>({
      method: 'PATCH',
      path: '/visitor',
      json: update,
    });
    this.dispatchShared({ type: 'visitor', visitor: answer.visitor });
    return answer.visitor;
  }

  async track(name: string, properties?: Record<string, unknown>): Promise<void> {
    await this.requireConnected();
    await this.transport.request<void>({ method: 'POST', path: '/events', json: { name, properties } });
  }

  async markRead(conversationId?: string): Promise<void> {
    const id = conversationId ?? this.store.getState().activeConversationId;
    if (!id) return;
    const state = this.store.getState();
    const conversation = state.conversations.find((candidate) => candidate.id === id);
    const seq = Math.max(maxSeq(state.messages[id]), 0);
    if (!conversation || seq <= conversation.visitorReadSeq) return;
    this.dispatchShared({ type: 'read', conversationId: id, role: 'visitor', seq });
    await this.transport.request<void>({
      method: 'POST',
      path: `/conversations/${encodeURIComponent(id)}/read`,
      json: { seq },
    });
  }

  setTyping(typing: boolean): void {
    const conversationId = this.store.getState().activeConversationId;
    if (!conversationId || !this.session) return;
    const now = Date.now();
    if (typing && this.typingSent && now - this.typingSentAt < TYPING_INTERVAL_MS) return;
    if (!typing && !this.typingSent) return;
    this.typingSent = typing;
    this.typingSentAt = now;
    void this.transport
      .request<void>({
        method: 'POST',
        path: `/conversations/${encodeURIComponent(conversationId)}/typing`,
        json: { typing },
        maxAttempts: 1,
      })
      .catch(() => {
        // Typing is a hint; a lost one is not worth an error.
      });
  }

  async rate(conversationId: string, score: number, comment?: string): Promise<void> {
    if (!Number.isInteger(score) || score < 1 || score > 5) {
      throw new ValidationError('invalid_request', `A rating is a whole number from 1 to 5, not ${score}.`);
    }
    await this.requireConnected();
    await this.transport.request<void>({
      method: 'POST',
      path: `/conversations/${encodeURIComponent(conversationId)}/rating`,
      json: comment === undefined ? { score } : { score, comment },
    });
    const conversation = this.store
      .getState()
      .conversations.find((candidate) => candidate.id === conversationId);
    if (conversation) {
      this.dispatchShared({
        type: 'conversation',
        conversation: { ...conversation, rating: comment === undefined ? { score } : { score, comment } },
      });
    }
  }

  async startConversation(options: StartConversationOptions = {}): Promise<Conversation> {
    await this.requireConnected();
    const conversation = await this.transport.request<Conversation>({
      method: 'POST',
      path: '/conversations',
      json: options.campaignId
        ? { clientConversationId: randomId(), campaignId: options.campaignId }
        : { clientConversationId: randomId() },
    });
    if (!isConversation(conversation))
      throw new ProtocolError('The new conversation does not follow the protocol.', conversation);
    this.dispatchShared({ type: 'conversation', conversation });
    this.store.dispatch({ type: 'active', conversationId: conversation.id });
    if (options.campaignId) {
      this.campaigns.markShown(options.campaignId);
      if (this.store.getState().campaign?.id === options.campaignId)
        this.store.dispatch({ type: 'campaign' });
    }
    await this.fillGap(conversation.id).catch((error) => this.report(error));
    return conversation;
  }

  async loadOlder(conversationId: string): Promise<boolean> {
    const before = minSeq(this.store.getState().messages[conversationId]);
    if (before === 1) {
      this.dispatchShared({ type: 'messages', conversationId, messages: [], hasMore: false });
      return false;
    }
    const query = before === undefined ? '' : `before=${before}&`;
    const page = await this.transport.request<MessagePage>({
      method: 'GET',
      path: `/conversations/${encodeURIComponent(conversationId)}/messages?${query}limit=50`,
    });
    this.receiveMessages(conversationId, this.validMessages(page.messages), page.hasMore);
    return page.hasMore;
  }

  selectConversation(conversationId: string | null): void {
    this.store.dispatch({ type: 'active', conversationId });
    if (conversationId && !this.store.getState().messages[conversationId] && this.session) {
      void this.fillGap(conversationId).catch((error) => this.report(error));
    }
  }

  setLocale(locale: string): void {
    this.locale = locale;
  }

  dismissCampaign(campaignId: string): void {
    this.campaigns.markShown(campaignId);
    if (this.store.getState().campaign?.id === campaignId) this.store.dispatch({ type: 'campaign' });
  }

  disconnect(): void {
    this.stream.stop();
    this.tabs.stop();
    this.campaigns.stop();
    void this.persistence?.flush();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    for (const timer of this.typingTimers.values()) clearTimeout(timer);
    this.typingTimers.clear();
    this.connecting = undefined;
    this.connected = false;
    this.store.dispatch({ type: 'connection', connection: 'idle' });
  }

  async reset(): Promise<void> {
    this.disconnect();
    await this.persistence?.clearAll();
    this.session = undefined;
    this.cursor = undefined;
    this.store.dispatch({ type: 'reset' });
  }

  // ── Start ────────────────────────────────────────────────────────────────────────────────────

  private async start(): Promise<void> {
    await this.openStorage();
    const persistence = this.persistence as Persistence;
    await persistence.checkSchema();
    // History from storage is in the snapshot before the network answers.
    const slice = await persistence.loadSlice();
    if (slice) this.store.dispatch({ type: 'hydrate', slice });
    for (const item of await (this.outbox as Outbox).list()) this.showPending(item);
    this.cursor = await persistence.loadCursor();
    this.campaigns.startVisit(await persistence.loadCampaignMemory());
    this.cleanups.push(this.store.subscribe((state, previous) => persistence.onChange(state, previous)));
    this.cleanups.push(
      watchNetwork(
        () => {
          this.stream.online();
          void this.flushOutbox();
        },
        () => this.stream.goOffline(),
      ),
    );

    await this.ensureSession();
    const config = await this.transport.request<WidgetConfig>({ method: 'GET', path: '/config' });
    this.dispatchShared({ type: 'config', config });
    await this.syncConversations();
    this.connected = true;
    this.campaigns.evaluate(config.campaigns ?? []);
    this.tabs.start();
    if (this.tabs.mode === 'shared') this.tabs.broadcast({ kind: 'hello' } satisfies TabMessage);
  }

  private async openStorage(): Promise<void> {
    const choice = this.options.storage ?? 'indexeddb';
    let adapter: StorageAdapter;
    let kind: 'indexeddb' | 'memory' = 'memory';
    let failure: StorageError | undefined;
    if (choice === 'memory') adapter = new MemoryStorage();
    else if (choice === 'indexeddb') {
      try {
        adapter = await IndexedDbStorage.open();
        kind = 'indexeddb';
      } catch (error) {
        adapter = new MemoryStorage();
        failure = error as StorageError;
      }
    } else {
      adapter = choice;
      kind = 'indexeddb';
    }
    this.storage = new GuardedStorage(adapter, kind, (error) => {
      this.store.dispatch({ type: 'storage', storage: 'memory' });
      this.report(error);
    });
    this.store.dispatch({ type: 'storage', storage: kind });
    if (failure && choice === 'indexeddb' && typeof indexedDB !== 'undefined') this.report(failure);
    this.persistence = new Persistence(this.storage, this.options.siteKey);
    this.outbox = new Outbox(this.storage, this.options.siteKey);
  }

  /** Resumes the stored session (rotating its token) or creates one; tabs take turns so they never rotate each other's. */
  private async ensureSession(): Promise<void> {
    await withLock(`sapa-session:${this.options.siteKey}:${this.options.apiUrl}`, async () => {
      const stored = await this.persistence?.loadSession();
      if (stored && Date.now() - stored.obtainedAt < FRESH_SESSION_MS) {
        await this.adoptSession(stored, false);
        return;
      }
      await this.createSession(stored?.token);
    });
  }

  private async createSession(token: string | undefined): Promise<StoredSession> {
    const session = await this.transport.request<Session>({
      method: 'POST',
      path: '/sessions',
      auth: false,
      json: { siteKey: this.options.siteKey, token, locale: this.locale, page: this.page() },
    });
    if (!session || typeof session.token !== 'string' || typeof session.visitorId !== 'string') {
      throw new ProtocolError('The session answer does not follow the protocol.', session);
    }
    const stored: StoredSession = { ...session, obtainedAt: Date.now() };
    await this.adoptSession(stored, true);
    return stored;
  }

  /** Takes a session as this client's; a different visitor means the stored history belongs to someone else. */
  private async adoptSession(session: StoredSession, save: boolean): Promise<void> {
    const previousVisitor = this.session?.visitorId ?? this.store.getState().visitor?.id;
    if (previousVisitor !== undefined && previousVisitor !== session.visitorId) {
      await this.persistence?.clearAll();
      this.store.dispatch({ type: 'reset' });
      this.cursor = undefined;
    }
    this.session = session;
    if (this.cursor === undefined) this.cursor = session.cursor;
    if (save) {
      await this.persistence?.saveSession(session);
      this.tabs.broadcast({ kind: 'session', session } satisfies TabMessage);
    }
    const visitor = this.store.getState().visitor;
    if (!visitor || visitor.id !== session.visitorId) {
      this.store.dispatch({
        type: 'visitor',
        visitor: { id: session.visitorId, attributes: {}, verified: false },
      });
    }
  }

  /** The protocol's 401 rule: re-create the session once with its token; a sibling tab may already have done it. */
  private renewSession(rejected: string | undefined): Promise<string> {
    if (!this.renewing) {
      this.renewing = withLock(`sapa-session:${this.options.siteKey}:${this.options.apiUrl}`, async () => {
        const stored = await this.persistence?.loadSession();
        if (stored && stored.token !== rejected) {
          await this.adoptSession(stored, false);
          return stored.token;
        }
        return (await this.createSession(rejected ?? this.session?.token)).token;
      }).finally(() => {
        this.renewing = undefined;
      });
    }
    return this.renewing;
  }

  private async becomeLeader(): Promise<void> {
    // The old leader may have applied events this tab only saw mirrored; storage has its last cursor.
    const stored = await this.persistence?.loadCursor();
    if (stored && (this.cursor === undefined || stored > this.cursor)) this.cursor = stored;
    this.stream.start();
    void this.flushOutbox();
  }

  // ── Sync ─────────────────────────────────────────────────────────────────────────────────────

  /** Conversations from REST, then the messages each one is missing. */
  private async syncConversations(): Promise<void> {
    const list = await this.transport.request<ConversationList>({ method: 'GET', path: '/conversations' });
    const conversations = (list?.conversations ?? []).filter(isConversation);
    this.dispatchShared({ type: 'conversations', conversations });
    const state = this.store.getState();
    if (state.activeConversationId === null && conversations.length > 0) {
      const open =
        conversations.find((conversation) => conversation.status !== 'resolved') ?? conversations[0];
      if (open) this.store.dispatch({ type: 'active', conversationId: open.id });
    }
    const toSync = conversations
      .slice(0, SYNCED_CONVERSATIONS)
      .filter(
        (conversation) =>
          conversation.lastSeq > contiguousSeq(this.store.getState().messages[conversation.id]),
      );
    await Promise.all(toSync.map((conversation) => this.fillGap(conversation.id)));
  }

  /** Fetches what a conversation is missing: after the last known seq, or the latest page when nothing is known. */
  private fillGap(conversationId: string): Promise<void> {
    const running = this.gapFills.get(conversationId);
    if (running) return running;
    const task = (async () => {
      for (;;) {
        const known = this.store.getState().messages[conversationId];
        const after = contiguousSeq(known);
        const query = after > 0 ? `after=${after}&limit=${MAX_PAGE_LIMIT}` : 'limit=50';
        const page = await this.transport.request<MessagePage>({
          method: 'GET',
          path: `/conversations/${encodeURIComponent(conversationId)}/messages?${query}`,
        });
        const messages = this.validMessages(page?.messages ?? []);
        this.receiveMessages(conversationId, messages, after > 0 ? undefined : page.hasMore);
        if (after === 0 || !page.hasMore || messages.length === 0) return;
      }
    })().finally(() => this.gapFills.delete(conversationId));
    this.gapFills.set(conversationId, task);
    return task;
  }

  /** 410 or `stream.reset`: refetch over REST and continue from a fresh cursor. */
  private resync(cursor?: string): Promise<void> {
    if (!this.resyncing) {
      this.resyncing = (async () => {
        if (cursor === undefined) {
          // 410 carries no cursor: a new session answer does, and REST covers everything before it.
          const session = await this.createSession(this.session?.token);
          this.cursor = session.cursor;
        } else this.cursor = cursor;
        await this.persistence?.saveCursor(this.cursor);
        await this.syncConversations();
      })().finally(() => {
        this.resyncing = undefined;
      });
    }
    return this.resyncing;
  }

  // ── Stream events ────────────────────────────────────────────────────────────────────────────

  private onRawEvent(raw: RawStreamEvent): void {
    try {
      const parsed = parseStreamEvent(raw.type, raw.data, raw.id);
      if (parsed instanceof ProtocolError) {
        // The protocol: skip and report, never stop the stream for it. Its cursor still advances past it.
        this.report(parsed);
      } else if (parsed) this.applyEvent(parsed);
      if (raw.id) this.advanceCursor(raw.id);
    } catch (error) {
      this.report(error);
    }
  }

  private advanceCursor(cursor: string): void {
    this.cursor = cursor;
    void this.persistence?.saveCursor(cursor);
    this.tabs.broadcast({ kind: 'cursor', cursor } satisfies TabMessage);
  }

  private applyEvent(event: StreamEvent): void {
    switch (event.type) {
      case 'message.created':
      case 'message.updated': {
        const message = event.data.message;
        const known = this.store.getState().messages[message.conversationId];
        const last = maxSeq(known);
        if (
          !this.store
            .getState()
            .conversations.some((conversation) => conversation.id === message.conversationId)
        ) {
          void this.syncConversations().catch((error) => this.report(error));
        }
        this.receiveMessages(message.conversationId, [message]);
        if (known && last > 0 && message.seq > last + 1) {
          void this.fillGap(message.conversationId).catch((error) => this.report(error));
        }
        this.clearTyping(message.conversationId, message.author);
        break;
      }
      case 'conversation.updated': {
        const conversation = event.data.conversation;
        this.dispatchShared({ type: 'conversation', conversation });
        const known = this.store.getState().messages[conversation.id];
        if (known && conversation.lastSeq > contiguousSeq(known)) {
          void this.fillGap(conversation.id).catch((error) => this.report(error));
        }
        break;
      }
      case 'read.updated':
        this.dispatchShared({
          type: 'read',
          conversationId: event.data.conversationId,
          role: event.data.role === 'agent' ? 'agent' : 'visitor',
          seq: event.data.seq,
        });
        break;
      case 'campaign.triggered': {
        const { campaign } = event.data;
        this.showCampaign({
          id: campaign.id,
          message: campaign.message,
          actions: campaign.actions,
          source: 'backend',
        });
        break;
      }
      case 'typing':
        if (event.data.participant.role === 'visitor') break;
        this.applyTyping({ type: 'typing', ...event.data });
        this.tabs.broadcast({
          kind: 'action',
          action: { type: 'typing', ...event.data },
        } satisfies TabMessage);
        break;
      case 'stream.reset':
        void this.resync(event.data.cursor).catch((error) => this.report(error));
        break;
    }
  }

  private applyTyping(action: Extract<Action, { type: 'typing' }>): void {
    const key = `${action.conversationId}\n${action.participant.id}`;
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.delete(key);
    this.store.dispatch(action);
    if (action.typing) {
      this.typingTimers.set(
        key,
        setTimeout(() => {
          this.typingTimers.delete(key);
          this.store.dispatch({ ...action, typing: false });
        }, TYPING_EXPIRY_MS),
      );
    }
  }

  private clearTyping(conversationId: string, participant: Participant): void {
    if ((this.store.getState().typing[conversationId] ?? []).some((typist) => typist.id === participant.id)) {
      this.applyTyping({ type: 'typing', conversationId, participant, typing: false });
    }
  }

  /** Applies acknowledged messages, emits `message` for new ones from others, and settles matching sends. */
  private receiveMessages(
    conversationId: string,
    messages: Message[],
    hasMore?: boolean,
    mirrored = false,
  ): void {
    const before = this.store.getState().messages[conversationId] ?? [];
    const known = (message: Message) => before[indexOfSeq(before, message.seq)]?.id === message.id;
    const action: Action = { type: 'messages', conversationId, messages, hasMore };
    if (mirrored) this.store.dispatch(action);
    else this.dispatchShared(action);
    for (const message of messages) {
      if (message.clientMessageId) void this.outbox?.remove(message.clientMessageId);
      if (!known(message) && message.author.role !== 'visitor') this.emit('message', message);
    }
  }

  private validMessages(messages: unknown[]): Message[] {
    const valid: Message[] = [];
    for (const message of messages) {
      if (isMessage(message)) valid.push(message as Message);
      else
        this.report(
          new ProtocolError('A message from the chat server does not follow the protocol.', message),
        );
    }
    return valid;
  }

  // ── Sending ──────────────────────────────────────────────────────────────────────────────────

  private async send(
    conversationId: string,
    body: SendMessageRequest,
    clientMessageId: string = randomId(),
    createdAt: string = new Date().toISOString(),
  ): Promise<Message> {
    const item: OutboxItem = { clientMessageId, conversationId, body, createdAt };
    // Stored before the first try: a reload or crash from here on still delivers it.
    await this.outbox?.put(item).catch((error) => this.report(error));
    this.showPending(item);
    this.tabs.broadcast({ kind: 'outbox' } satisfies TabMessage);
    return this.deliver(item);
  }

  private showPending(item: OutboxItem): void {
    const existing = this.findPending(item.clientMessageId);
    if (existing) {
      this.store.dispatch({
        type: 'delivery',
        conversationId: item.conversationId,
        clientMessageId: item.clientMessageId,
        delivery: 'sending',
      });
      return;
    }
    const body = item.body;
    const message: ClientMessage = {
      id: item.clientMessageId,
      conversationId: item.conversationId,
      seq: 0,
      clientMessageId: item.clientMessageId,
      author: this.self(),
      type: body.type === 'file' ? 'file' : 'text',
      text: body.text,
      createdAt: item.createdAt,
      delivery: 'sending',
    };
    if (body.type === 'file') {
      message.attachments = body.attachmentIds.map((id) => ({ id, name: '', size: 0, mime: '', url: '' }));
    }
    this.store.dispatch({ type: 'pending', message });
  }

  /** PUTs an outbox item (idempotent by clientMessageId); one delivery per id at a time. */
  private deliver(item: OutboxItem): Promise<Message> {
    const running = this.inFlight.get(item.clientMessageId);
    if (running) return running;
    this.store.dispatch({
      type: 'delivery',
      conversationId: item.conversationId,
      clientMessageId: item.clientMessageId,
      delivery: 'sending',
    });
    const task = (async () => {
      try {
        const message = await this.transport.request<Message>({
          method: 'PUT',
          path: `/conversations/${encodeURIComponent(item.conversationId)}/messages/${encodeURIComponent(item.clientMessageId)}`,
          json: item.body,
          maxAttempts: SEND_ATTEMPTS,
        });
        if (!isMessage(message))
          throw new ProtocolError(
            'The sent message came back in a shape the protocol does not allow.',
            message,
          );
        this.receiveMessages(item.conversationId, [message]);
        await this.outbox?.remove(item.clientMessageId);
        return message;
      } catch (error) {
        this.store.dispatch({
          type: 'delivery',
          conversationId: item.conversationId,
          clientMessageId: item.clientMessageId,
          delivery: 'failed',
          error: toErrorInfo(error),
        });
        // A transient failure stays in the outbox and goes out on the next flush; any other is final.
        if (!isTransientError(error)) await this.outbox?.remove(item.clientMessageId);
        throw error;
      } finally {
        this.inFlight.delete(item.clientMessageId);
      }
    })();
    this.inFlight.set(item.clientMessageId, task);
    return task;
  }

  /** Sends everything waiting in the (shared) outbox; run by the leader on open, online and start. */
  private flushOutbox(): Promise<void> {
    if (!this.session || !this.outbox || (this.tabs.mode === 'shared' && !this.tabs.leader))
      return Promise.resolve();
    if (!this.flushing) {
      const outbox = this.outbox;
      this.flushing = (async () => {
        for (const item of await outbox.list()) {
          if (this.inFlight.has(item.clientMessageId)) continue;
          this.showPending(item);
          await this.deliver(item).catch(() => {});
        }
      })().finally(() => {
        this.flushing = undefined;
      });
    }
    return this.flushing;
  }

  private async uploadWithRetries(
    file: FileInput,
    onProgress: (fraction: number) => void,
    signal: AbortSignal | undefined,
  ): Promise<Attachment> {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      try {
        return await uploadFile({
          baseUrl: this.transport.baseUrl,
          token: this.session?.token ?? '',
          file,
          fetch: this.fetchImpl,
          onProgress,
          signal,
        });
      } catch (error) {
        if (error instanceof AbortedError || signal?.aborted)
          throw new AbortedError('The upload was cancelled.');
        if (error instanceof HttpError && error.status === 401 && !renewed) {
          renewed = true;
          await this.renewSession(this.session?.token);
          continue;
        }
        if (!isTransientError(error) || attempt >= 2) throw error;
        await delay((error as HttpError).retryAfterMs ?? backoffDelay(attempt), signal);
      }
    }
  }

  private async targetConversation(given: string | undefined): Promise<string> {
    await this.requireConnected();
    if (given) return given;
    const active = this.store.getState().activeConversationId;
    if (active) return active;
    return (await this.startConversation()).id;
  }

  private async requireConnected(): Promise<void> {
    if (this.connected) return;
    if (this.connecting) {
      await this.connecting;
      return;
    }
    throw new SapaError('not_connected', 'The chat client is not connected; call connect() first.');
  }

  private findPending(clientMessageId: string): ClientMessage | undefined {
    for (const list of Object.values(this.store.getState().messages)) {
      const found = list.find(
        (message) => message.clientMessageId === clientMessageId && message.delivery !== 'sent',
      );
      if (found) return found;
    }
    return undefined;
  }

  private self(): Participant {
    const visitor = this.store.getState().visitor;
    return { role: 'visitor', id: visitor?.id ?? this.session?.visitorId ?? '', name: visitor?.name };
  }

  // ── Tabs, campaigns, events ──────────────────────────────────────────────────────────────────

  /** Dispatches here and mirrors to the other tabs (state that came from the backend). */
  private dispatchShared(action: Action): void {
    this.store.dispatch(action);
    this.tabs.broadcast({ kind: 'action', action } satisfies TabMessage);
  }

  private onTabMessage(message: TabMessage): void {
    if (typeof message !== 'object' || message === null) return;
    switch (message.kind) {
      case 'action':
        if (message.action.type === 'typing') this.applyTyping(message.action);
        else if (message.action.type === 'messages')
          this.receiveMessages(
            message.action.conversationId,
            message.action.messages,
            message.action.hasMore,
            true,
          );
        else if (message.action.type !== 'connection' || !this.tabs.leader)
          this.store.dispatch(message.action);
        break;
      case 'cursor':
        if (!this.tabs.leader) this.cursor = message.cursor;
        break;
      case 'session':
        void this.adoptSession(message.session, false);
        break;
      case 'hello':
        if (this.tabs.leader) {
          this.tabs.broadcast({
            kind: 'action',
            action: { type: 'connection', connection: this.store.getState().connection },
          });
        }
        break;
      case 'outbox':
        // A follower's send: if it never reaches the backend from that tab, the leader's next flush sends it.
        break;
    }
  }

  private showCampaign(campaign: ActiveCampaign): void {
    this.store.dispatch({ type: 'campaign', campaign });
    this.emit('campaign', campaign);
  }

  private emitChanges(state: ClientState, previous: ClientState): void {
    if (state.unreadCount !== previous.unreadCount) this.emit('unread', state.unreadCount);
    if (state.connection !== previous.connection) this.emit('connection', state.connection);
    if (state.lastError && state.lastError !== previous.lastError) this.emit('error', state.lastError);
  }

  private emit<E extends ClientEventName>(event: E, payload: ClientEventMap[E]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) {
      try {
        (handler as (value: ClientEventMap[E]) => void)(payload);
      } catch {
        // A failing handler in the host page must not break the client.
      }
    }
  }

  private report(error: unknown): void {
    if (error instanceof AbortedError) return;
    this.store.dispatch({ type: 'error', error: toErrorInfo(error) });
  }

  private page(): PageInfo | undefined {
    if (this.options.page) return this.options.page();
    const location = (globalThis as { location?: { href?: string } }).location;
    const documentObject = (globalThis as { document?: { title?: string; referrer?: string } }).document;
    if (!location?.href) return undefined;
    const page: PageInfo = { url: location.href };
    if (documentObject?.title) page.title = documentObject.title;
    if (documentObject?.referrer) page.referrer = documentObject.referrer;
    return page;
  }
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
