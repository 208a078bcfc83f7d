import type { Attributes, Message, PageInfo } from '@sapa/protocol';
import type { AgentRef, FeedbackKind } from '@sapa/protocol/agent';
import type {
  AgentRecord,
  CampaignSendRecord,
  ConversationChange,
  ConversationEmailState,
  ConversationRecord,
  FeedbackRecord,
  InboxPage,
  InboxPageRequest,
  MessagePage,
  MessageRecord,
  NewConversation,
  NewMessage,
  NewStoredEvent,
  PageRequest,
  ScheduledSend,
  SendTimes,
  StoredEvent,
  StoredUpload,
  TrackedEvent,
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
  /** Creates a conversation; undefined when its reference is already taken on the site (draw another). */
  create(conversation: NewConversation): Promise<ConversationRecord | undefined>;
  get(id: string): Promise<ConversationRecord | undefined>;
  findByClientId(visitorId: string, clientConversationId: string): Promise<ConversationRecord | undefined>;
  /** A visitor's conversations, newest first. */
  listForVisitor(visitorId: string): Promise<ConversationRecord[]>;
  /**
   * One page of every visitor's conversations, newest activity first (`updatedAt`, then `id`, descending);
   * with `reference` or `text`, only those with that reference or whose visitor's name or email contains the text.
   */
  page(request: InboxPageRequest): Promise<InboxPage>;
  /** How many of a visitor's conversations are not resolved. */
  countOpen(visitorId: string): Promise<number>;
  /**
   * A site's resolved conversations whose resolution is in `(after, atOrBefore]` and that have no send of the
   * campaign yet: who a feedback request is due for. Oldest resolution first.
   */
  awaitingFeedbackRequest(
    siteKey: string,
    campaignId: string,
    after: string,
    atOrBefore: string,
    limit: number,
  ): Promise<ConversationRecord[]>;
  /** Every assignee a site's conversations had. */
  assignees(siteKey: string): Promise<AgentRef[]>;
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

/** The `campaign_sends` table: every campaign send, what it said, and whether it was seen and answered. */
export interface CampaignSendRepository {
  insert(send: Omit<CampaignSendRecord, 'id'>): Promise<CampaignSendRecord>;
  get(id: string): Promise<CampaignSendRecord | undefined>;
  /** The visitor's latest send of a campaign. */
  latest(visitorId: string, campaignId: string): Promise<CampaignSendRecord | undefined>;
  /** How many sends of a campaign the visitor had, and when the latest was. */
  visitorHistory(visitorId: string, campaignId: string): Promise<{ count: number; lastSentAt?: string }>;
  /** Sends of a campaign on a site since a time (the per-day cap). */
  countSince(siteKey: string, campaignId: string, since: string): Promise<number>;
  /** Records that the visitor saw their latest send of a campaign, once; false when there was none to mark. */
  markSeen(visitorId: string, campaignId: string, at: string): Promise<boolean>;
  /** Records the answer of a send, once; false when it was answered already. */
  markAnswered(id: string, conversationId: string, at: string): Promise<boolean>;
  /** The latest send of a kind posted in a conversation (a feedback request). */
  latestInConversation(
    conversationId: string,
    kind: CampaignSendRecord['kind'],
  ): Promise<CampaignSendRecord | undefined>;
  /** Times of a site's sends that were sent, seen or answered in `[from, to)`. */
  timesBetween(siteKey: string, from: string, to: string): Promise<SendTimes[]>;
  /** Moves sends to another visitor (identify merged them). */
  moveAll(fromVisitorId: string, toVisitorId: string): Promise<void>;
}

/** The `feedback` table: ratings and NPS answers. */
export interface FeedbackRepository {
  insert(feedback: Omit<FeedbackRecord, 'id' | 'updatedAt'>): Promise<FeedbackRecord>;
  get(id: string): Promise<FeedbackRecord | undefined>;
  /** Changes the score and, when given, the comment; touches `updatedAt`. */
  update(id: string, change: { score?: number; comment?: string }): Promise<FeedbackRecord>;
  /** The latest answer of a kind in a conversation (or to one send). */
  latest(conversationId: string, kind: FeedbackKind, sendId?: string): Promise<FeedbackRecord | undefined>;
  /** Every answer of a conversation, oldest first. */
  listForConversation(conversationId: string): Promise<FeedbackRecord[]>;
  /** A site's answers created in `[from, to)`, optionally only those with an agent, oldest first. */
  between(siteKey: string, from: string, to: string, agentId?: string): Promise<FeedbackRecord[]>;
}

/** The `tracked_events` table: custom events a counting rule may need. */
export interface TrackedEventRepository {
  insert(visitorId: string, name: string, properties: Attributes): Promise<void>;
  /** The visitor's events of a name tracked at or after `since`, oldest first. */
  since(visitorId: string, name: string, since: string): Promise<TrackedEvent[]>;
  /** Forgets events tracked before a time; returns how many. */
  deleteBefore(before: string): Promise<number>;
  moveAll(fromVisitorId: string, toVisitorId: string): Promise<void>;
}

/** The `scheduled_sends` table: delayed rules waiting for their time. */
export interface ScheduledSendRepository {
  /** Schedules a send; a send already waiting for the visitor and campaign is replaced (its time moves). */
  put(send: ScheduledSend): Promise<void>;
  /** Cancels what waits for the visitor of these campaigns; returns how many. */
  cancel(visitorId: string, campaignIds: string[]): Promise<number>;
  /** Sends due at or before a time, earliest first. */
  due(at: string, limit: number): Promise<ScheduledSend[]>;
  delete(visitorId: string, campaignId: string): Promise<void>;
  /** Moves what waits to another visitor (identify merged them); theirs wins where both wait for a campaign. */
  moveAll(fromVisitorId: string, toVisitorId: string): Promise<void>;
}

/** The `conversation_emails` table: emailed replies, batched per conversation. */
export interface ConversationEmailRepository {
  get(conversationId: string): Promise<ConversationEmailState | undefined>;
  /** Sets when the next email is due, unless one is already waiting. */
  schedule(conversationId: string, dueAt: string): Promise<void>;
  /** Conversations whose email is due at or before a time. */
  due(at: string, limit: number): Promise<ConversationEmailState[]>;
  /** An email went out (or was not needed) carrying messages through `throughSeq`; nothing waits any more. */
  markSent(conversationId: string, sentAt: string | undefined, throughSeq: number): Promise<void>;
  /** Moves the due time (an email that failed is tried again later). */
  postpone(conversationId: string, dueAt: string): Promise<void>;
}

/** Every repository, bound either to the store (each call on its own) or to one transaction. */
export interface Repositories {
  readonly visitors: VisitorRepository;
  readonly sessions: SessionRepository;
  readonly conversations: ConversationRepository;
  readonly messages: MessageRepository;
  readonly uploads: UploadRepository;
  readonly events: VisitorEventRepository;
  readonly campaignSends: CampaignSendRepository;
  readonly feedback: FeedbackRepository;
  readonly trackedEvents: TrackedEventRepository;
  readonly scheduledSends: ScheduledSendRepository;
  readonly conversationEmails: ConversationEmailRepository;
  readonly agents: AgentRepository;
}

/** The repositories of one open transaction. */
export interface Transaction extends Repositories {
  /**
   * Runs `callback` once the transaction has committed, so live events leave in the order their changes were
   * stored: on SQLite before any later transaction can commit; on PostgreSQL right after its `COMMIT` (a
   * visitor's events are ordered by the visitor's lock, so the next one commits only after this one did).
   * Never runs when the transaction rolls back.
   */
  afterCommit(callback: () => void): void;
  /**
   * Sends `payload` to every server listening on `channel` once the transaction commits, in commit order, never
   * after a rollback: PostgreSQL's NOTIFY, sent in the transaction just before it commits (many servers on one
   * database, issue 14). The embedded store serves one process and has nobody to tell: it ignores it.
   */
  notify(channel: string, payload: string): void;
}

/**
 * The server's storage: the repositories for single calls, and transactions for changes that must land
 * together (a message, its conversation's change and the events that report them).
 *
 * Inside `transaction`, use only the transaction's repositories: a call on the store itself waits for the
 * transaction to end, which never comes (SQLite), or runs beside it without seeing its changes (PostgreSQL).
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
  /** The current time as the store writes it (the server's clock). */
  now(): string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T>;
  /** Waits for a running transaction, then closes the database. */
  close(): Promise<void>;
}
