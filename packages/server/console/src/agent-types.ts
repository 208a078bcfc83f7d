/**
 * Shapes of the reference server's agent API (`/agent/v1/…`). They extend the wire types of the
 * Sapa Chat Protocol with what only agents see: who the visitor is, where they are, and what is unread.
 */
import type {
  Conversation,
  ConversationStatus,
  Message,
  PageInfo,
  Participant,
  Visitor,
} from '@sapa/protocol';

/** The visitor as agents see them: profile plus presence. */
export interface AgentVisitor extends Visitor {
  page?: PageInfo;
  locale?: string;
  online: boolean;
  lastSeenAt?: string;
}

/** One conversation in the agent API. */
export interface AgentConversation extends Conversation {
  visitor: AgentVisitor;
  lastMessage?: Message;
  /** Visitor messages no agent has read yet. */
  unreadCount: number;
  /** The visitor asked for a human. */
  handedOver: boolean;
}

/** The list filter of `GET /agent/v1/conversations?status=`. */
export type StatusFilter = ConversationStatus | 'all';

/**
 * What the inbox shows: a status, everything, or `active` (open and pending: everything still to be
 * answered, including hand-overs, which wait as pending).
 */
export type InboxFilter = StatusFilter | 'active';

/** What each event of `GET /agent/v1/stream` carries. */
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

/** Body of `POST /agent/v1/conversations/{id}/messages`. */
export type AgentReply =
  | { type: 'text'; text: string; actions?: Message['actions']; agentName?: string }
  | { type: 'card'; card: NonNullable<Message['card']>; actions?: Message['actions']; agentName?: string }
  | { type: 'file'; attachmentIds: string[]; text?: string; agentName?: string };
