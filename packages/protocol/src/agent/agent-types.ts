/**
 * Shapes of the reference server's agent API (`/agent/v1/…`, `docs/server.md`): the server produces them, the agent
 * console consumes them. They extend the wire types of the Sapa Chat Protocol with what only agents see: who the
 * visitor is, where they are, and what is unread.
 */
import type {
  Conversation,
  ConversationStatus,
  Message,
  PageInfo,
  Participant,
  Timestamp,
  Visitor,
} from '../types.js';

/**
 * Where a profile value came from: `identity-verified` (identify with a valid `userHash`), `identity` (identify
 * without one, or the page's own `update`), `form` (pre-chat or leave-a-message form), `chat` (asked inside the
 * conversation).
 */
export type ProfileFieldSource = 'identity-verified' | 'identity' | 'form' | 'chat';

/** The source of each profile value the visitor has; a field without a value has no source. */
export interface ProfileSources {
  name?: ProfileFieldSource;
  email?: ProfileFieldSource;
  phone?: ProfileFieldSource;
}

/**
 * Who a conversation is with, as the inbox shows it: small and bounded (no attributes), so a list of conversations
 * stays small whatever a visitor stored in their profile (issue 13).
 */
export interface AgentVisitorSummary {
  id: string;
  name?: string;
  email?: string;
  /** The identity was verified with a `userHash`. */
  verified: boolean;
  /** The page the visitor was last on. */
  page?: PageInfo;
  /** The language their browser asked for, as it came (`id-ID`). */
  locale?: string;
  /** At least one of their streams is open. */
  online: boolean;
  /** When the visitor was last heard from (the reference server always sends it). */
  lastSeenAt?: Timestamp;
}

/** The visitor's whole profile, attributes included: `GET /agent/v1/visitors/{id}`, loaded on demand. */
export interface AgentVisitor extends Visitor, AgentVisitorSummary {
  /** Where each of name, email and phone came from. */
  sources?: ProfileSources;
}

/** One conversation in the agent API. */
export interface AgentConversation extends Conversation {
  visitor: AgentVisitorSummary;
  /** The newest message, for the inbox preview. */
  lastMessage?: Message;
  /** Visitor messages after `agentReadSeq`: what no agent has read yet. */
  unreadCount: number;
  /** The visitor asked for a human (the bot handed over). */
  handedOver: boolean;
  /** The site the conversation belongs to. */
  siteKey: string;
  /** Ratings and NPS answers of this conversation, oldest first (in `GET /agent/v1/conversations/{id}`). */
  feedback?: ConversationFeedback[];
}

/** An agent as the reports name them: the assignee's participant id and name. */
export interface AgentRef {
  id: string;
  name?: string;
}

/** What a feedback answer rates: the conversation (1–5 stars) or the shop (0–10, "would you recommend us"). */
export type FeedbackKind = 'rating' | 'nps';

/** One rating or NPS answer of a conversation. */
export interface ConversationFeedback {
  kind: FeedbackKind;
  /** 1–5 for a rating, 0–10 for an NPS answer. */
  score: number;
  comment?: string;
  /** The campaign it answers: the one the conversation started from (a rating), the feedback rule (an NPS answer). */
  campaignId?: string;
  /** The agent assigned to the conversation when the answer came. */
  agent?: AgentRef;
  createdAt: Timestamp;
  /** Later than `createdAt` when a comment or a new score came afterwards. */
  updatedAt: Timestamp;
}

/** A count of scores and their mean (absent when there are none). */
export interface ScoreAverage {
  count: number;
  average?: number;
}

/** A campaign's reach and answers in a report's period. */
export interface CareCampaignStats {
  id: string;
  /** Sends in the period (client-side campaigns: the times a visitor first saw them). */
  sent: number;
  /** Sends a visitor saw (the teaser was shown), by when they were seen. */
  seen: number;
  /** Sends the visitor answered by writing in the conversation they started, by when they were answered. */
  answered: number;
  /** Ratings of conversations started from the campaign. */
  csat: ScoreAverage;
}

/** Ratings (1–5 stars) in a period. */
export interface RatingSummary extends ScoreAverage {
  /** How many of each score: index 0 is 1 star, index 4 is 5 stars. */
  distribution: number[];
}

/** NPS answers in a period: promoters 9–10, passives 7–8, detractors 0–6. */
export interface NpsSummary {
  count: number;
  /** % promoters − % detractors, rounded (−100 to 100); absent when there are no answers. */
  score?: number;
  promoters: number;
  passives: number;
  detractors: number;
}

/** One day of a report, in the site's time zone. */
export interface CareDay {
  /** `YYYY-MM-DD`. */
  date: string;
  sent: number;
  seen: number;
  answered: number;
  ratings: ScoreAverage;
  nps: { count: number; score?: number };
}

/** A feedback comment, for the report's list of the latest ones. */
export interface CareComment {
  kind: FeedbackKind;
  score: number;
  text: string;
  conversationId: string;
  reference?: string;
  agent?: AgentRef;
  createdAt: Timestamp;
}

/**
 * `GET /agent/v1/care?from=YYYY-MM-DD&to=YYYY-MM-DD&agent=<id>&siteKey=<key>` answer: how customer care did in a
 * period (both dates included, in the site's time zone).
 */
export interface CareReport {
  siteKey: string;
  /** The IANA time zone the days are counted in. */
  timezone: string;
  from: string;
  to: string;
  /** The agent the feedback was narrowed to, when asked. */
  agent?: string;
  campaigns: CareCampaignStats[];
  ratings: RatingSummary;
  nps: NpsSummary;
  /** Every day of the period, oldest first. */
  series: CareDay[];
  /** The latest comments (at most 20), newest first. */
  comments: CareComment[];
  /** Every agent seen as an assignee, for the filter. */
  agents: AgentRef[];
}

/** `GET /agent/v1/conversations` answer: one page, newest activity first. */
export interface AgentConversationList {
  conversations: AgentConversation[];
  /** Pass as `?cursor=` for the next (older) page; absent on the last page. */
  nextCursor?: string;
}

/** The list filter of `GET /agent/v1/conversations?status=`: a status, `active` (open and pending) or `all`. */
export type StatusFilter = ConversationStatus | 'active' | 'all';

/** `GET /agent/v1/me`: the account a token signs in as. */
export interface AgentAccount {
  /** The author id of this account's replies. */
  id: string;
  /** The name visitors see on this account's replies; absent for the operator token (replies carry the site's name). */
  name?: string;
  /** Signed in with the operator token (`SAPA_AGENT_TOKEN`), not a named agent's. */
  operator: boolean;
}

/** What each event of `GET /agent/v1/stream` carries (live only: no ids, no replay). */
export interface AgentStreamEventMap {
  'message.created': { conversationId: string; message: Message };
  'conversation.updated': { conversation: AgentConversation };
  typing: { conversationId: string; participant: Participant; typing: boolean };
  'read.updated': { conversationId: string; role: 'visitor'; seq: number };
  'visitor.updated': { visitor: AgentVisitorSummary };
}

export type AgentStreamEventType = keyof AgentStreamEventMap;

/** One event of the agent stream, already parsed. */
export type AgentStreamEvent = {
  [K in AgentStreamEventType]: { type: K; data: AgentStreamEventMap[K] };
}[AgentStreamEventType];

/**
 * Body of `POST /agent/v1/conversations/{id}/messages`. The author's name comes from the signed-in account, never
 * from the body.
 */
export type AgentReply =
  | { type: 'text'; text: string; actions?: Message['actions'] }
  | { type: 'card'; card: NonNullable<Message['card']>; actions?: Message['actions'] }
  | { type: 'file'; attachmentIds: string[]; text?: string };
