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

/** The visitor as agents see them: profile plus presence. */
export interface AgentVisitor extends Visitor {
  /** The page the visitor was last on. */
  page?: PageInfo;
  /** The language their browser asked for, as it came (`id-ID`). */
  locale?: string;
  /** At least one of their streams is open. */
  online: boolean;
  /** When the visitor was last heard from (the reference server always sends it). */
  lastSeenAt?: Timestamp;
}

/** One conversation in the agent API. */
export interface AgentConversation extends Conversation {
  visitor: AgentVisitor;
  /** The newest message, for the inbox preview. */
  lastMessage?: Message;
  /** Visitor messages after `agentReadSeq`: what no agent has read yet. */
  unreadCount: number;
  /** The visitor asked for a human (the bot handed over). */
  handedOver: boolean;
  /** The site the conversation belongs to. */
  siteKey: string;
}

/** `GET /agent/v1/conversations` answer. */
export interface AgentConversationList {
  conversations: AgentConversation[];
}

/** The list filter of `GET /agent/v1/conversations?status=`. */
export type StatusFilter = ConversationStatus | 'all';

/** What each event of `GET /agent/v1/stream` carries (live only: no ids, no replay). */
export interface AgentStreamEventMap {
  'message.created': { conversationId: string; message: Message };
  'conversation.updated': { conversation: AgentConversation };
  typing: { conversationId: string; participant: Participant; typing: boolean };
  'read.updated': { conversationId: string; role: 'visitor'; seq: number };
  'visitor.updated': { visitor: AgentVisitor };
}

export type AgentStreamEventType = keyof AgentStreamEventMap;

/** One event of the agent stream, already parsed. */
export type AgentStreamEvent = {
  [K in AgentStreamEventType]: { type: K; data: AgentStreamEventMap[K] };
}[AgentStreamEventType];

/** Body of `POST /agent/v1/conversations/{id}/messages`; `agentName` defaults to the site's name. */
export type AgentReply =
  | { type: 'text'; text: string; actions?: Message['actions']; agentName?: string }
  | { type: 'card'; card: NonNullable<Message['card']>; actions?: Message['actions']; agentName?: string }
  | { type: 'file'; attachmentIds: string[]; text?: string; agentName?: string };
