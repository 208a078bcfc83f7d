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
export interface AgentVisitor extends Visitor, AgentVisitorSummary {}

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
