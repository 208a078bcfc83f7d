/**
 * The reference server's agent API: its types and the guards the agent console checks what it receives with.
 * A subpath of its own (`@sapa/protocol/agent`), so nothing of it reaches the visitor's browser.
 */
export {
  parseAgentAccount,
  parseAgentConversation,
  parseAgentConversationList,
  parseAgentStreamEvent,
  parseAgentVisitor,
  parseCareReport,
} from './agent-guards.js';
export type {
  AgentAccount,
  AgentConversation,
  AgentConversationList,
  AgentRef,
  AgentReply,
  AgentStreamEvent,
  AgentStreamEventMap,
  AgentStreamEventType,
  AgentVisitor,
  AgentVisitorSummary,
  CareCampaignStats,
  CareComment,
  CareDay,
  CareReport,
  ConversationFeedback,
  FeedbackKind,
  NpsSummary,
  ProfileFieldSource,
  ProfileSources,
  RatingSummary,
  ScoreAverage,
  StatusFilter,
} from './agent-types.js';
