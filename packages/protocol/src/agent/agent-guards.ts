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
  AgentStreamEvent,
  AgentStreamEventMap,
  AgentStreamEventType,
  AgentVisitor,
  AgentVisitorSummary,
} from './agent-types.js';

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
const agentVisitor = object<AgentVisitor>({ ...visitorFields, ...presenceFields });

const agentConversation: Guard<AgentConversation> = (value, path) => {
  conversation(value, path);
  return object<AgentConversation>({
    visitor: agentVisitorSummary,
    lastMessage: optional(message),
    unreadCount: count,
    handedOver: boolean,
    siteKey: string,
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
