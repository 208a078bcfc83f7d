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
  Visitor,
} from '@sapa/protocol';

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
}

/** What a profile change may set; `undefined` fields stay as they were, attributes are merged. */
export interface VisitorProfile {
  name?: string;
  email?: string;
  phone?: string;
  attributes?: Attributes;
}

/** A conversation as the server keeps it. */
export interface ConversationRecord {
  conversation: Conversation;
  siteKey: string;
  visitorId: string;
  handedOver: boolean;
}

/** A change to a conversation; read positions only move forward (and never past `lastSeq`). */
export interface ConversationChange {
  status?: ConversationStatus;
  visitorReadSeq?: number;
  agentReadSeq?: number;
  assignee?: Participant;
  rating?: Rating;
  handedOver?: boolean;
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
