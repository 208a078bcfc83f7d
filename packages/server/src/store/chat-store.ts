import type { Message, PageInfo } from '@sapa/protocol';
import type {
  AgentRecord,
  ConversationChange,
  ConversationRecord,
  InboxPage,
  InboxPageRequest,
  MessagePage,
  MessageRecord,
  NewMessage,
  NewStoredEvent,
  PageRequest,
  StoredEvent,
  StoredUpload,
  UploadUsage,
  VisitorProfile,
  VisitorRecord,
} from './records.js';

// The store's contract, one repository per table. Every method returns a Promise so that an asynchronous
// database (PostgreSQL, issue 14) fits behind the same interfaces as the embedded SQLite one, and the services
// run unchanged on both. A method is atomic on its own; changes that span methods run in `transaction`.

/** The `visitors` table. */
export interface VisitorRepository {
  create(siteKey: string, locale: string | undefined, page: PageInfo | undefined): Promise<VisitorRecord>;
  get(id: string): Promise<VisitorRecord | undefined>;
  /** The verified visitor of a site's user, if one exists. */
  findVerified(siteKey: string, userId: string): Promise<VisitorRecord | undefined>;
  /** Records that the visitor was seen now, where and in what language; `undefined` keeps what was there. */
  touch(id: string, locale?: string, page?: PageInfo): Promise<void>;
  /** Applies a profile change (attributes merged) and returns the visitor after it. */
  updateProfile(id: string, profile: VisitorProfile): Promise<VisitorRecord>;
  setUser(id: string, userId: string, verified: boolean): Promise<void>;
  /** Marks an anonymous visitor as merged into a verified one. */
  markMerged(fromVisitorId: string, intoVisitorId: string): Promise<void>;
}

/** The `sessions` table: visitor tokens, stored as hashes. */
export interface SessionRepository {
  create(visitorId: string, token: string, expiresAt: string): Promise<void>;
  /** The visitor a live (unexpired) token belongs to. */
  find(token: string): Promise<{ visitorId: string; expiresAt: string } | undefined>;
  delete(token: string): Promise<void>;
  deleteForVisitor(visitorId: string): Promise<void>;
  /** Forgets expired sessions; returns how many. */
  deleteExpired(): Promise<number>;
}

/** The `conversations` table. */
export interface ConversationRepository {
  create(
    siteKey: string,
    visitorId: string,
    clientConversationId: string | undefined,
  ): Promise<ConversationRecord>;
  get(id: string): Promise<ConversationRecord | undefined>;
  findByClientId(visitorId: string, clientConversationId: string): Promise<ConversationRecord | undefined>;
  /** A visitor's conversations, newest first. */
  listForVisitor(visitorId: string): Promise<ConversationRecord[]>;
  /** One page of every visitor's conversations, newest activity first (`updatedAt`, then `id`, descending). */
  page(request: InboxPageRequest): Promise<InboxPage>;
  /** How many of a visitor's conversations are not resolved. */
  countOpen(visitorId: string): Promise<number>;
  /** Gives every conversation of one visitor to another; returns their ids. */
  moveAll(fromVisitorId: string, toVisitorId: string): Promise<string[]>;
  /** Applies a change (always touching `updatedAt`) and returns the conversation after it. */
  update(id: string, change: ConversationChange): Promise<ConversationRecord>;
  /**
   * Takes the next message seq (gapless per conversation) and touches `updatedAt`; returns the conversation
   * after it, whose `lastSeq` is the new message's seq. Run it and the message's insert in one transaction.
   */
  advanceSeq(id: string): Promise<ConversationRecord>;
}

/** The `messages` table. */
export interface MessageRepository {
  /** Stores a message at a seq taken with {@link ConversationRepository.advanceSeq}; returns it as sent. */
  insert(conversationId: string, seq: number, createdAt: string, input: NewMessage): Promise<Message>;
  findByClientId(conversationId: string, clientMessageId: string): Promise<MessageRecord | undefined>;
  last(conversationId: string): Promise<Message | undefined>;
  /** One page, seq ascending: `after` pages forward; `before` gives the latest below it; neither the latest. */
  page(conversationId: string, page: PageRequest): Promise<MessagePage>;
  /** Visitor messages after `agentReadSeq`. */
  agentUnreadCount(conversationId: string, agentReadSeq: number): Promise<number>;
}

/** The `uploads` table (the bytes are on disk under the upload's id). */
export interface UploadRepository {
  insert(upload: StoredUpload, createdAt: string): Promise<StoredUpload>;
  get(id: string): Promise<StoredUpload | undefined>;
  /** What an owner uploaded since a time: the upload quota. */
  usage(owner: string, since: string): Promise<UploadUsage>;
  /** Records that a message uses these uploads, so the sweep keeps them. */
  markAttached(ids: string[], at: string): Promise<void>;
  /** Deletes the uploads no message uses that were made before a time; returns their ids (to delete the bytes). */
  deleteUnattached(createdBefore: string): Promise<string[]>;
  delete(id: string): Promise<void>;
}

/** The `agents` table: named agents and their tokens, stored as hashes. */
export interface AgentRepository {
  /** Adds an agent; false when the name is taken (names are unique, ignoring ASCII case). */
  create(agent: AgentRecord, token: string): Promise<boolean>;
  /** The agent a token belongs to. */
  findByToken(token: string): Promise<AgentRecord | undefined>;
  list(): Promise<AgentRecord[]>;
  /** Deletes an agent by name (ignoring ASCII case), which revokes their token; false when there is none. */
  remove(name: string): Promise<boolean>;
}

/** The durable per-visitor event log behind stream cursors (`visitor_events`). */
export interface VisitorEventRepository {
  /**
   * Appends an event and returns its cursor. At least the visitor's newest `retention` events are kept;
   * older ones may be dropped (a store may trim in batches, keeping a few more for a while), raising the
   * visitor's `prunedThrough`, so a stream resuming from before it gets 410. An event about a message refers
   * to the stored message (append it after the message, in the same transaction): a replay shows the
   * message as it is then.
   */
  append(visitorId: string, event: NewStoredEvent, retention: number): Promise<string>;
  /** The visitor's events after a position, in order. */
  after(visitorId: string, position: number): Promise<StoredEvent[]>;
  /** The position of the visitor's newest kept event, if any. */
  latestPosition(visitorId: string): Promise<number | undefined>;
  /** The newest position any visitor's log has reached: a fresh visitor's starting cursor. */
  headPosition(): Promise<number>;
}

/** The `campaign_deliveries` table: what reached whom, so no campaign is sent twice. */
export interface CampaignDeliveryRepository {
  /** Records a delivery; false when this key was already delivered to the visitor. */
  claim(visitorId: string, deliveryKey: string): Promise<boolean>;
}

/** Every repository, bound either to the store (each call on its own) or to one transaction. */
export interface Repositories {
  readonly visitors: VisitorRepository;
  readonly sessions: SessionRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly uploads: UploadRepository;
  readonly events: VisitorEventRepository;
  readonly campaignDeliveries: CampaignDeliveryRepository;
  readonly agents: AgentRepository;
}

/** The repositories of one open transaction. */
export interface Transaction extends Repositories {
  /**
   * Runs `callback` once the transaction has committed, before any later transaction can commit, so live
   * events leave in the order their changes were stored. Never runs when the transaction rolls back.
   */
  afterCommit(callback: () => void): void;
}

/**
 * The server's storage: the repositories for single calls, and transactions for changes that must land
 * together (a message, its conversation's change and the events that report them).
 *
 * Inside `transaction`, use only the transaction's repositories: a call on the store itself waits for the
 * transaction to end, which never comes.
 *
 * @example
 * const message = await store.transaction(async (transaction) => {
 *   const conversation = await transaction.conversations.advanceSeq(conversationId);
 *   return transaction.messages.insert(conversationId, conversation.conversation.lastSeq, conversation.conversation.updatedAt, input);
 * });
 */
export interface ChatStore extends Repositories {
  /** Absolute base URL that attachment URLs start with. */
  publicUrl: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  /** Waits for a running transaction, then closes the database. */
  close(): Promise<void>;
}
