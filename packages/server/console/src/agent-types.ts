/**
 * The agent API's shapes, as the console uses them. Their one definition, with the guards that check what the server
 * sends, is `@sapa/protocol/agent` (the server produces them from there too); only the inbox filter is the console's.
 */
import type { StatusFilter } from '@sapa/protocol/agent';

export type {
  AgentConversation,
  AgentReply,
  AgentStreamEvent,
  AgentStreamEventMap,
  AgentStreamEventType,
  AgentVisitor,
  StatusFilter,
} from '@sapa/protocol/agent';

/**
 * What the inbox shows: a status, everything, or `active` (open and pending: everything still to be
 * answered, including hand-overs, which wait as pending).
 */
export type InboxFilter = StatusFilter | 'active';
