/**
 * Runtime guards for what the agent API sends, for the agent console: the same rules as the visitor protocol's
 * guards (unknown fields kept, `null` refused where a field is optional, `InvalidDataError` naming the first
 * wrong field).
 */
import {
  array,
  boolean,
  count,
  type Guard,
  number,
  object,
  oneOf,
  optional,
  optionalString,
  parseJson,
  parser,
  string,
} from '../guard-combinators.js';
import { conversation, message, participant, visitorFields } from '../wire-guards.js';
import type {
  AgentAccount,
  AgentConversation,
  AgentConversationList,
  AgentRef,
  AgentStreamEvent,
  AgentStreamEventMap,
  AgentStreamEventType,
  AgentVisitor,
  AgentVisitorSummary,
  CareReport,
  ConversationFeedback,
  ScoreAverage,
} from './agent-types.js';

const source = optional(oneOf('identity-verified', 'identity', 'form', 'chat'));
/** Where name, email and phone came from (the whole profile shows it). */
const sources = optional(object({ name: source, email: source, phone: source }));

const presenceFields = {
  page: optional(object({ url: string, title: optionalString, referrer: optionalString })),
  locale: optionalString,
  online: boolean,
  lastSeenAt: optionalString,
};
const agentVisitorSummary = object<AgentVisitorSummary>({
  id: string,
  name: optionalString,
  email: optionalString,
  verified: boolean,
  ...presenceFields,
});
const agentVisitor = object<AgentVisitor>({ ...visitorFields, sources, ...presenceFields });

const agentRef = object<AgentRef>({ id: string, name: optionalString });
const feedbackKind = oneOf('rating', 'nps');

const feedback = object<ConversationFeedback>({
  kind: feedbackKind,
  score: count,
  comment: optionalString,
  campaignId: optionalString,
  agent: optional(agentRef),
  createdAt: string,
  updatedAt: string,
});

const scoreAverage = object<ScoreAverage>({ count, average: optional(number) });
const npsScore = { count, score: optional(number) };

const careReport = object<CareReport>({
  siteKey: string,
  timezone: string,
  from: string,
  to: string,
  agent: optionalString,
  campaigns: array(object({ id: string, sent: count, seen: count, answered: count, csat: scoreAverage })),
  ratings: object({ count, average: optional(number), distribution: array(count) }),
  nps: object({ ...npsScore, promoters: count, passives: count, detractors: count }),
  series: array(
    object({
      date: string,
      sent: count,
      seen: count,
      answered: count,
      ratings: scoreAverage,
      nps: object(npsScore),
    }),
  ),
  comments: array(
    object({
      kind: feedbackKind,
      score: count,
      text: string,
      conversationId: string,
      reference: optionalString,
      agent: optional(agentRef),
      createdAt: string,
    }),
  ),
  agents: array(agentRef),
});

const agentConversation: Guard<AgentConversation> = (value, path) => {
  conversation(value, path);
  return object<AgentConversation>({
    visitor: agentVisitorSummary,
    lastMessage: optional(message),
    unreadCount: count,
    handedOver: boolean,
    siteKey: string,
    feedback: optional(array(feedback)),
  })(value, path);
};

const agentStreamData: { [K in keyof AgentStreamEventMap]: Guard<AgentStreamEventMap[K]> } = {
  'message.created': object({ conversationId: string, message }),
  'conversation.updated': object({ conversation: agentConversation }),
  typing: object({ conversationId: string, participant, typing: boolean }),
  'read.updated': object({ conversationId: string, role: oneOf('visitor'), seq: count }),
  'visitor.updated': object({ visitor: agentVisitorSummary }),
};

/** `GET /agent/v1/conversations/{id}` answer. @throws {InvalidDataError} */
export const parseAgentConversation = parser(agentConversation, 'conversation');

/** `GET /agent/v1/conversations` answer. @throws {InvalidDataError} */
export const parseAgentConversationList = parser(
  object<AgentConversationList>({ conversations: array(agentConversation), nextCursor: optionalString }),
  'response',
);

/**
 * `GET /agent/v1/care` answer: campaigns, ratings, NPS, the days and the latest comments of a period.
 * @throws {InvalidDataError}
 *
 * @example
 * const report = parseCareReport(await (await fetch('/agent/v1/care?from=2026-03-01&to=2026-03-31', init)).json());
 * report.nps.score; // 42
 */
export const parseCareReport = parser(careReport, 'report');

/** A visitor's whole profile, `GET /agent/v1/visitors/{id}`. @throws {InvalidDataError} */
export const parseAgentVisitor = parser(agentVisitor, 'visitor');

/** The signed-in account, `GET /agent/v1/me`. @throws {InvalidDataError} */
export const parseAgentAccount = parser(
  object<AgentAccount>({ id: string, name: optionalString, operator: boolean }),
  'account',
);

/**
 * Parses one event of the agent stream: `null` for a type this version does not know (ignore it), the typed
 * {@link AgentStreamEvent} otherwise. Throws `InvalidDataError` when the data is not JSON or not the
 * event's shape; the console skips such an event and keeps the stream open.
 *
 * @example
 * const event = parseAgentStreamEvent(frame.event, frame.data);
 * if (event?.type === 'conversation.updated') show(event.data.conversation);
 */
export function parseAgentStreamEvent(type: string, dataText: string): AgentStreamEvent | null {
  if (!Object.hasOwn(agentStreamData, type)) return null;
  const data = parseJson(dataText);
  agentStreamData[type as AgentStreamEventType](data, 'data');
  return { type, data } as AgentStreamEvent;
}
