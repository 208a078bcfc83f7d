/**
 * The agent API's shapes the console's components use. Their one definition, with the guards that check what the
 * server sends, is `@sapa/protocol/agent` (the server produces them from there too); this re-exports them so the
 * components keep one import.
 */
import type { StatusFilter } from '@sapa/protocol/agent';

export type {
  AgentAccount,
  AgentConversation,
  AgentRef,
  AgentReply,
  AgentStreamEvent,
  AgentVisitor,
  AgentVisitorSummary,
  CareComment,
  CareReport,
  ConversationFeedback,
  ProfileFieldSource,
  StatusFilter,
} from '@sapa/protocol/agent';

/**
 * What the inbox shows: a status, everything, or `active` (open and pending: everything still to be
 * answered, including hand-overs, which wait as pending).
 */
export type InboxFilter = StatusFilter;
