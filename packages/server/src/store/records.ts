import type {
  Action,
  Attachment,
  Attributes,
  Card,
  Conversation,
  ConversationStatus,
  Message,
  MessageType,
  PageInfo,
  Participant,
  Rating,
  StreamEventMap,
  Survey,
  TriggeredCampaign,
  Visitor,
} from '@sapa/protocol';
import type { AgentRef, FeedbackKind, ProfileSources } from '@sapa/protocol/agent';

/** A stored upload: an attachment without its URL, plus who may use it. */
export interface StoredUpload {
  id: string;
  siteKey: string;
  /** The visitor id that uploaded it, or `agent`. */
  owner: string;
  name: string;
  size: number;
  mime: string;
}

/** What an owner uploaded within a window. */
export interface UploadUsage {
  files: number;
  bytes: number;
  /** When the oldest of them was made: the window frees up from then on. */
  oldestAt?: string;
}

/** A named agent (the token is kept only as a hash). */
export interface AgentRecord {
  /** The author id of their replies (`a_…`). */
  id: string;
  name: string;
  createdAt: string;
}

/** A visitor as the server keeps it: the wire visitor plus what the agents see. */
export interface VisitorRecord {
  visitor: Visitor;
  siteKey: string;
  locale?: string;
  page?: PageInfo;
  lastSeenAt: string;
  /** Events at or below this position were dropped from the visitor's event log (retention). */
  prunedThrough: number;
  /** Where each of name, email and phone came from. */
  sources: ProfileSources;
}

/**
 * What a profile change may set; `undefined` fields stay as they were, attributes are merged, `sources` (when
 * given) replaces the recorded sources.
 */
export interface VisitorProfile {
  name?: string;
  email?: string;
  phone?: string;
  attributes?: Attributes;
  sources?: ProfileSources;
}

/** A conversation as the server keeps it. */
export interface ConversationRecord {
  conversation: Conversation;
  siteKey: string;
  visitorId: string;
  handedOver: boolean;
  /** When it was last resolved (kept when it is reopened). */
  resolvedAt?: string;
  /** The campaign send the conversation was started from (`POST /v1/conversations { campaignId }`). */
  campaignSendId?: string;
  /** A campaign send in this conversation that the visitor's next message answers. */
  awaitingSendId?: string;
  /** An NPS answer whose comment the visitor's next text message is. */
  awaitingCommentId?: string;
}

/** A conversation to create; undefined from `create` when the reference is already taken on the site. */
export interface NewConversation {
  siteKey: string;
  visitorId: string;
  clientConversationId?: string;
  reference: string;
  /** The campaign send it starts from; the visitor's first message answers it. */
  campaignSendId?: string;
}

/**
 * A change to a conversation; read positions only move forward (and never past `lastSeq`). Resolving records
 * `resolvedAt`. `null` clears an awaited send or comment.
 */
export interface ConversationChange {
  status?: ConversationStatus;
  visitorReadSeq?: number;
  agentReadSeq?: number;
  assignee?: Participant;
  rating?: Rating;
  handedOver?: boolean;
  awaitingSendId?: string | null;
  awaitingCommentId?: string | null;
}

/** A stored message and the canonical body it was sent with (idempotency). */
export interface MessageRecord {
  message: Message;
  requestKey?: string;
}

/** What a new message carries. */
export interface NewMessage {
  author: Participant;
  type: MessageType;
  text?: string;
  attachments?: StoredUpload[];
  actions?: Action[];
  card?: Card;
  survey?: Survey;
  clientMessageId?: string;
  requestKey?: string;
}

/** One page of messages, seq ascending. */
export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
}

/** Which messages a page holds: after a seq, before one, or (neither) the latest `limit`. */
export interface PageRequest {
  after?: number;
  before?: number;
  limit: number;
}

/** The durable events about a message; the event log refers to the stored message instead of copying it. */
export type MessageEventType = 'message.created' | 'message.updated';

/** A durable event to append: its JSON, or, for an event about a message, the message (as stored). */
export type NewStoredEvent =
  | { type: MessageEventType; message: Message }
  | { type: Exclude<keyof StreamEventMap, MessageEventType>; data: string };

/** Which conversations an inbox page holds: of some statuses (all when absent), older than a position. */
export interface InboxPageRequest {
  statuses?: ConversationStatus[];
  /** Only the conversation with this reference (`SP-7KQ2`, as stored)… */
  reference?: string;
  /** …or those whose visitor's name or email contains this text (any case). */
  text?: string;
  /** The last row of the previous page: this page starts just after it. */
  after?: { updatedAt: string; id: string };
  limit: number;
}

/** One page of the inbox, newest activity first. */
export interface InboxPage {
  records: ConversationRecord[];
  hasMore: boolean;
}

/** One durable stream event as stored. */
export interface StoredEvent {
  cursor: string;
  type: keyof StreamEventMap;
  /** The event's JSON text, written to the stream as it is (an event about a message: the message as it is now). */
  data: string;
}

/**
 * What a campaign send is: a backend rule's `campaign.triggered` (`event`), a client-side campaign the visitor saw
 * (`client`, known only from `POST /v1/campaigns/{id}/seen`), or a feedback request posted in a conversation.
 */
export type CampaignSendKind = 'event' | 'client' | 'feedback';

/** What a send said: the rendered campaign, or the feedback request's message. */
export type SendPayload =
  | { campaign: TriggeredCampaign }
  | { message: { text: string; actions?: Action[]; survey?: Survey } };

/** One row of the campaign send log (`campaign_sends`). */
export interface CampaignSendRecord {
  id: string;
  siteKey: string;
  campaignId: string;
  kind: CampaignSendKind;
  visitorId: string;
  /** Absent for client-side campaigns (the client rendered them) and for sends older than the log. */
  payload?: SendPayload;
  sentAt: string;
  seenAt?: string;
  answeredAt?: string;
  /** The conversation the send was answered in (a feedback request: the conversation it was posted in). */
  conversationId?: string;
}

/** A send's times, as the care report counts them. */
export interface SendTimes {
  campaignId: string;
  sentAt: string;
  seenAt?: string;
  answeredAt?: string;
}

/** One rating or NPS answer (`feedback`). */
export interface FeedbackRecord {
  id: string;
  siteKey: string;
  conversationId: string;
  kind: FeedbackKind;
  score: number;
  comment?: string;
  /** The campaign it answers. */
  campaignId?: string;
  /** The send it answers (an NPS answer's feedback request). */
  sendId?: string;
  /** The assignee when it came. */
  agent?: AgentRef;
  createdAt: string;
  updatedAt: string;
}

/** An event a counting rule may need later (`tracked_events`). */
export interface TrackedEvent {
  name: string;
  properties: Attributes;
  trackedAt: string;
}

/** A delayed rule's send waiting for its time (`scheduled_sends`): one per visitor and campaign. */
export interface ScheduledSend {
  visitorId: string;
  campaignId: string;
  siteKey: string;
  /** The properties of the event that scheduled it, for `{{event.<key>}}`. */
  properties: Attributes;
  dueAt: string;
}

/** A conversation's email notifications (`conversation_emails`). */
export interface ConversationEmailState {
  conversationId: string;
  /** When the next email is due; absent when none is waiting. */
  dueAt?: string;
  sentAt?: string;
  /** The newest message seq an email already carried. */
  sentThroughSeq: number;
}

/** The wire attachment of an upload: its URL under `publicUrl`. */
export function toAttachment(upload: StoredUpload, publicUrl: string): Attachment {
  return {
    id: upload.id,
    name: upload.name,
    size: upload.size,
    mime: upload.mime,
    url: `${publicUrl}/v1/uploads/${upload.id}/${encodeURIComponent(upload.name)}`,
  };
}
