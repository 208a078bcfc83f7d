/**
 * Wire types of the Sapa Chat Protocol, version 1 (`docs/protocol.md`).
 * Every type here is what travels as JSON; unknown fields may appear and are ignored.
 */

/** The protocol version every answer names in its `Sapa-Protocol` header. */
export const PROTOCOL_VERSION = '1';
/** Header that carries {@link PROTOCOL_VERSION}. */
export const PROTOCOL_HEADER = 'Sapa-Protocol';

export type Locale = 'en' | 'id';
/** A string per locale; any locale may be missing. */
export type LocalizedText = Partial<Record<Locale, string>>;
/** ISO 8601 timestamp in UTC. */
export type Timestamp = string;

// ── Errors ────────────────────────────────────────────────────────────────────────────────────────

export type ProblemCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'in_flight'
  | 'gone'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'idempotency_mismatch'
  | 'rate_limited'
  | 'server_error';

/** HTTP status each problem code is sent with. */
export const PROBLEM_STATUS: Record<ProblemCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  in_flight: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_mismatch: 422,
  rate_limited: 429,
  server_error: 500,
};

/** Every non-2xx answer: `application/problem+json` (RFC 9457). */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail?: string;
}

// ── Session and identity ──────────────────────────────────────────────────────────────────────────

export interface PageInfo {
  url: string;
  title?: string;
  referrer?: string;
}

/** `POST /v1/sessions` body. */
export interface SessionRequest {
  siteKey: string;
  token?: string;
  locale?: string;
  page?: PageInfo;
}

/** `POST /v1/sessions` answer (201). */
export interface Session {
  visitorId: string;
  token: string;
  expiresAt: Timestamp;
  /** The visitor's current stream position: the first `?after=` of a brand-new visitor. */
  cursor: string;
}

export type AttributeValue = string | number | boolean | null;
export type Attributes = Record<string, AttributeValue>;

export interface Visitor {
  id: string;
  userId?: string;
  name?: string;
  email?: string;
  phone?: string;
  attributes: Attributes;
  verified: boolean;
}

/** `POST /v1/identify` body. */
export interface IdentifyRequest {
  userId: string;
  /** Lowercase hex HMAC-SHA256(site identity secret, userId). */
  userHash?: string;
  name?: string;
  email?: string;
  phone?: string;
  attributes?: Attributes;
}

/** `POST /v1/identify` answer (200). */
export interface IdentifyResponse {
  visitor: Visitor;
  token: string;
  /**
   * `true` when a `userHash` was sent but the backend has no identity secret for the site, so it could not check
   * it: the identity was recorded unverified (`visitor.verified` is false). Absent otherwise. Additive in version 1.
   */
  userHashIgnored?: true;
}

/** Where unverified profile data came from: a form (pre-chat, leave a message) or asked in the conversation. */
export type ProfileSource = 'form' | 'chat';

/** `PATCH /v1/visitor` body: unverified profile data. */
export interface VisitorUpdate {
  name?: string;
  email?: string;
  phone?: string;
  attributes?: Attributes;
  /** Where the values came from; backends may record it for agents. */
  source?: ProfileSource;
}

/** `PATCH /v1/visitor` answer (200). */
export interface VisitorResponse {
  visitor: Visitor;
}

// ── Configuration ─────────────────────────────────────────────────────────────────────────────────

export type ReplyTime = 'minutes' | 'hours' | 'day';

export interface Availability {
  online: boolean;
  replyTime?: ReplyTime;
  nextOpenAt?: Timestamp;
  /** The site's IANA time zone, so a client can say "back at 08.00 WIB" in the site's own time. */
  timezone?: string;
  /**
   * True when the backend emails an answer to a visitor who left an email address and is not on the site when
   * the answer comes. A client promises email only when this is true.
   */
  emailReplies?: boolean;
}

/**
 * What a client shows while nobody is online: `chat` (the default) keeps the conversation open for writing (a bot
 * may answer, agents answer later); `form` shows a leave-a-message form to a visitor with no conversation yet.
 */
export type OfflineMode = 'chat' | 'form';

export type PrechatFieldType = 'text' | 'email' | 'tel';

export interface PrechatField {
  name: string;
  type: PrechatFieldType;
  required: boolean;
  label?: LocalizedText;
}

export interface Prechat {
  enabled: boolean;
  fields: PrechatField[];
}

export type ChannelType = 'whatsapp' | 'instagram' | 'messenger' | 'telegram' | 'email' | 'link';

export interface Channel {
  type: ChannelType;
  url: string;
  label?: LocalizedText;
}

export type CampaignTrigger =
  | { type: 'page'; urlPattern: string }
  | { type: 'time-on-page'; seconds: number; urlPattern?: string }
  | { type: 'returning-visitor'; minVisits: number };

export type CampaignFrequency = 'once' | 'every-visit';

/** A proactive customer-care message the client evaluates. */
export interface Campaign {
  id: string;
  trigger: CampaignTrigger;
  /** May use `{{name}}` and `{{attributes.<key>}}`. */
  message: LocalizedText;
  actions?: Action[];
  frequency: CampaignFrequency;
  expiresAt?: Timestamp;
}

export interface UploadLimits {
  maxBytes: number;
  /** MIME types or patterns such as `image/*`. */
  accept: string[];
}

/** `GET /v1/config` answer (200). */
export interface WidgetConfig {
  siteKey: string;
  name: string;
  accentColor?: string;
  logoUrl?: string;
  defaultLocale: Locale;
  greeting?: LocalizedText;
  availability: Availability;
  prechat: Prechat;
  channels: Channel[];
  campaigns: Campaign[];
  upload: UploadLimits;
  identityRequired: boolean;
  /** What to show while nobody is online; `chat` when absent. */
  offline?: OfflineMode;
}

// ── Conversations and messages ────────────────────────────────────────────────────────────────────

export type ParticipantRole = 'visitor' | 'agent' | 'bot' | 'system';

export interface Participant {
  role: ParticipantRole;
  id: string;
  name?: string;
  avatarUrl?: string;
}

export type ConversationStatus = 'open' | 'pending' | 'resolved';

export interface Rating {
  /** 1 to 5. */
  score: number;
  comment?: string;
}

export interface Conversation {
  id: string;
  clientConversationId?: string;
  status: ConversationStatus;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  lastSeq: number;
  visitorReadSeq: number;
  agentReadSeq: number;
  assignee?: Participant;
  rating?: Rating;
  /**
   * A short reference unique per site (`SP-7KQ2`), stable for the conversation's life: the visitor quotes it on
   * another channel (WhatsApp, email) and agents find the conversation by it.
   */
  reference?: string;
}

/** `GET /v1/conversations` answer (200), newest first. */
export interface ConversationList {
  conversations: Conversation[];
}

/** `POST /v1/conversations` body. */
export interface CreateConversationRequest {
  clientConversationId: string;
  campaignId?: string;
}

export type Action =
  | { type: 'reply'; label: string; payload: string }
  | { type: 'link'; label: string; url: string };

export interface Attachment {
  id: string;
  name: string;
  size: number;
  mime: string;
  url: string;
  width?: number;
  height?: number;
}

/** A price in major units of an ISO 4217 currency (`{ amount: 250000, currency: 'IDR' }`). */
export interface Price {
  amount: number;
  currency: string;
}

export interface Card {
  title: string;
  text?: string;
  imageUrl?: string;
  url?: string;
  /** Formatted by the client for the visitor's locale (`Intl.NumberFormat`, style `currency`). */
  price?: Price;
}

/**
 * Marks a message as a survey question. `nps`: "How likely are you to recommend us?", whose `actions` are the 11
 * reply actions `0`…`10` with payloads `nps:0`…`nps:10`. A client that knows it draws a 0–10 scale; one that does not
 * shows the replies, which answer the same way.
 */
export interface Survey {
  type: 'nps' | (string & {});
}

export type MessageType = 'text' | 'file' | 'card' | 'event';

export interface Message {
  id: string;
  conversationId: string;
  /** Gapless per conversation, from 1. */
  seq: number;
  clientMessageId?: string;
  author: Participant;
  type: MessageType;
  /** Plain text: never rendered as HTML. */
  text?: string;
  attachments?: Attachment[];
  actions?: Action[];
  card?: Card;
  survey?: Survey;
  createdAt: Timestamp;
}

/** `GET /v1/conversations/{id}/messages` answer (200), ordered by seq ascending. */
export interface MessagePage {
  messages: Message[];
  hasMore: boolean;
}

/** Most messages one page may hold. */
export const MAX_PAGE_LIMIT = 200;
/** Page size when `limit` is not given. */
export const DEFAULT_PAGE_LIMIT = 50;
/** Longest text a message may carry, in characters. */
export const MAX_TEXT_LENGTH = 10_000;

/** `PUT /v1/conversations/{id}/messages/{clientMessageId}` body. */
export type SendMessageRequest =
  | { type: 'text'; text: string }
  | { type: 'file'; attachmentIds: string[]; text?: string }
  | { type: 'postback'; payload: string; text: string };

/** `POST /v1/conversations/{id}/typing` body. Clients send at most one every 3 s. */
export interface TypingRequest {
  typing: boolean;
}

/** `POST /v1/conversations/{id}/read` body. */
export interface ReadRequest {
  seq: number;
}

/** `POST /v1/conversations/{id}/rating` body. */
export type RatingRequest = Rating;

/** `POST /v1/events` body. */
export interface TrackEventRequest {
  name: string;
  /** At most {@link MAX_EVENT_PROPERTIES} keys and {@link MAX_EVENT_PROPERTIES_BYTES} bytes of JSON. */
  properties?: Record<string, AttributeValue>;
}

/** Most keys an event's `properties` may have. */
export const MAX_EVENT_PROPERTIES = 50;
/** Most bytes of JSON an event's `properties` may take. */
export const MAX_EVENT_PROPERTIES_BYTES = 8192;

/** Header carrying the percent-encoded file name of `POST /v1/uploads`. */
export const FILENAME_HEADER = 'X-Sapa-Filename';

// ── Stream ────────────────────────────────────────────────────────────────────────────────────────

/** A campaign already rendered for this visitor, as `campaign.triggered` carries it. */
export interface TriggeredCampaign {
  id: string;
  message: string;
  actions?: Action[];
  /** A card (a recommendation) the teaser shows and the conversation starts with. */
  card?: Card;
}

export interface StreamEventMap {
  'message.created': { message: Message };
  'message.updated': { message: Message };
  'conversation.updated': { conversation: Conversation };
  'read.updated': { conversationId: string; role: 'agent'; seq: number };
  'campaign.triggered': { campaign: TriggeredCampaign };
  typing: { conversationId: string; participant: Participant; typing: boolean };
  'stream.reset': { cursor: string };
}

export type StreamEventType = keyof StreamEventMap;

/** One parsed stream event; `id` is the cursor of a durable event. */
export type StreamEvent = {
  [K in StreamEventType]: { type: K; id?: string; data: StreamEventMap[K] };
}[StreamEventType];

/** Events that carry an `id` (cursor) and are replayed after a cursor. */
export const DURABLE_EVENT_TYPES: readonly StreamEventType[] = [
  'message.created',
  'message.updated',
  'conversation.updated',
  'read.updated',
  'campaign.triggered',
];

/** A comment line is sent at least this often. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** A client that hears nothing for this long reconnects. */
export const SILENCE_TIMEOUT_MS = 45_000;
