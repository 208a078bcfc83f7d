import type {
  Action,
  Conversation,
  IdentifyRequest,
  Message,
  PageInfo,
  Participant,
  Visitor,
  VisitorUpdate,
  WidgetConfig,
} from '@sapa/protocol';

/** State of the live connection to the backend's stream. */
export type ConnectionState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline';

/** Where the client keeps the visitor's session, history and outbox. */
export type StorageKind = 'indexeddb' | 'memory';

/** Delivery of one of the visitor's own messages. */
export type Delivery = 'sending' | 'sent' | 'failed';

/** An error as the snapshot carries it: plain data, safe to render. */
export interface ErrorInfo {
  code: string;
  message: string;
}

/**
 * A message as the client shows it. Own messages carry `delivery`; a pending one has `seq` 0 until the
 * backend acknowledged it, and sorts after every acknowledged message.
 */
export type ClientMessage = Message & { delivery?: Delivery; error?: ErrorInfo };

/** The proactive customer-care message to show now, already rendered for the visitor. */
export interface ActiveCampaign {
  id: string;
  message: string;
  actions?: Action[];
  /** `client`: a rule from `config.campaigns`; `backend`: a `campaign.triggered` stream event. */
  source: 'client' | 'backend';
}

/** Progress of one file upload, keyed by the `clientMessageId` of the file message it belongs to. */
export interface UploadProgress {
  name: string;
  size: number;
  /** 0 to 1. */
  fraction: number;
}

/** Everything a UI needs, as one immutable snapshot. */
export interface ClientState {
  connection: ConnectionState;
  visitor?: Visitor;
  config?: WidgetConfig;
  /** Newest first. */
  conversations: Conversation[];
  activeConversationId: string | null;
  /** Per conversation, ordered by seq; pending messages last. */
  messages: Record<string, ClientMessage[]>;
  /** Per conversation: whether older messages exist on the backend. */
  hasMore: Record<string, boolean>;
  /** Messages from others that the visitor has not read, over all conversations. */
  unreadCount: number;
  /** Per conversation: the remote participants typing now. */
  typing: Record<string, Participant[]>;
  storage: StorageKind;
  uploads: Record<string, UploadProgress>;
  campaign?: ActiveCampaign;
  lastError?: ErrorInfo;
}

/**
 * A key-value store the client persists to. Values are structured-clonable data.
 * Implementations may throw or reject; the client guards every call.
 */
export interface StorageAdapter {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key, for listing the outbox. */
  keys(): Promise<string[]>;
  clear(): Promise<void>;
}

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Backend base URL; the protocol lives under `${apiUrl}/v1`. */
  apiUrl: string;
  siteKey: string;
  /** Default `'indexeddb'` (falls back to memory when IndexedDB is missing or fails). */
  storage?: 'indexeddb' | 'memory' | StorageAdapter;
  /** Defaults to the global `fetch`. */
  fetch?: typeof fetch;
  locale?: string;
  /** The page the visitor is on; defaults to `location` and `document` when present. */
  page?: () => PageInfo | undefined;
}

/** Options of {@link SapaClient.sendText}. */
export interface SendTextOptions {
  conversationId?: string;
}

/** Options of {@link SapaClient.sendFile}. */
export interface SendFileOptions {
  conversationId?: string;
  /** Caption sent with the file. */
  text?: string;
  /** Upload progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
  /** Aborting cancels the upload and the send. */
  signal?: AbortSignal;
}

/** Options of {@link SapaClient.startConversation}. */
export interface StartConversationOptions {
  /** The campaign the visitor answered: the backend puts its message first. */
  campaignId?: string;
}

/** Events of {@link SapaClient.on} and what their handlers receive. */
export interface ClientEventMap {
  /** A message from someone else arrived. */
  message: Message;
  /** The unread count changed. */
  unread: number;
  connection: ConnectionState;
  /** A campaign should be shown. */
  campaign: ActiveCampaign;
  error: ErrorInfo;
}

export type ClientEventName = keyof ClientEventMap;

/** A file to send: a browser `File`/`Blob`, or bytes with a name and type (Node). */
export type FileInput = Blob | { name: string; type: string; data: Uint8Array | ArrayBuffer };

/**
 * The Sapa client: session, stream, store, persistence, outbox and tabs behind one object.
 *
 * @example
 * ```ts
 * const client = createClient({ apiUrl: 'https://support.example.com', siteKey: 'demo' });
 * client.subscribe(() => render(client.getSnapshot()));
 * await client.connect();
 * await client.sendText('Halo, pesanan saya belum sampai.');
 * ```
 */
export interface SapaClient {
  /** Resumes or creates the session, loads config and conversations, and opens the stream. */
  connect(): Promise<void>;
  /** The current state; the same object until something changes. */
  getSnapshot(): ClientState;
  /**
   * Calls `listener` after every change; returns the unsubscribe function. `useSyncExternalStore`-compatible.
   * The first subscriber starts the client like `connect()`; if nobody called `connect()`, the last one
   * leaving stops it.
   */
  subscribe(listener: () => void): () => void;
  on<E extends ClientEventName>(event: E, handler: (payload: ClientEventMap[E]) => void): () => void;
  /** Resolves when the backend acknowledged the message; starts a conversation when there is none. */
  sendText(text: string, options?: SendTextOptions): Promise<Message>;
  /** Checks `config.upload`, uploads with progress, then sends the file message. */
  sendFile(file: FileInput, options?: SendFileOptions): Promise<Message>;
  /** Sends a reply action's payload as a postback. */
  sendPostback(payload: string, text: string, options?: SendTextOptions): Promise<Message>;
  /** Resends a failed message with the same `clientMessageId`. */
  retry(clientMessageId: string): Promise<Message>;
  /**
   * Cancels the upload in flight for the pending file message with this `clientMessageId` (the key of
   * `state.uploads`). The pending message disappears and its `sendFile()` rejects with an `AbortedError`, as when
   * the `signal` given to `sendFile()` aborts. Returns false when no upload of that message is in flight (it
   * finished, failed, or never started); a file already uploaded is sent like any message.
   *
   * @example
   * ```ts
   * for (const [clientMessageId, upload] of Object.entries(client.getSnapshot().uploads))
   *   drawProgress(upload.name, upload.fraction, () => client.cancelUpload(clientMessageId));
   * ```
   */
  cancelUpload(clientMessageId: string): boolean;
  identify(identity: IdentifyRequest): Promise<Visitor>;
  updateVisitor(update: VisitorUpdate): Promise<Visitor>;
  track(name: string, properties?: Record<string, unknown>): Promise<void>;
  /** Marks everything in the conversation (the active one by default) as read. */
  markRead(conversationId?: string): Promise<void>;
  /** Tells the agent the visitor is typing in the active conversation; sent at most every 3 s. */
  setTyping(typing: boolean): void;
  rate(conversationId: string, score: number, comment?: string): Promise<void>;
  startConversation(options?: StartConversationOptions): Promise<Conversation>;
  /** Loads the page before the oldest known message; resolves with whether more exist. */
  loadOlder(conversationId: string): Promise<boolean>;
  selectConversation(conversationId: string | null): void;
  setLocale(locale: string): void;
  /** Hides the current campaign; a `once` campaign is never shown again. */
  dismissCampaign(campaignId: string): void;
  /** Closes the stream and stops timers; the stored session stays. */
  disconnect(): void;
  /** Forgets the visitor: disconnects and clears everything stored. */
  reset(): Promise<void>;
}
