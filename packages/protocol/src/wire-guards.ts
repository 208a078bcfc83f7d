/**
 * Guards of the wire types that more than one API carries: the visitor protocol's parsers (`guards.ts`) and the
 * agent API's (`agent/agent-guards.ts`) both build on them. Internal: the public entry points are the `parseX`
 * functions.
 */
import {
  array,
  boolean,
  count,
  fail,
  type Guard,
  number,
  object,
  oneOf,
  optional,
  optionalString,
  record,
  string,
  variant,
} from './guard-combinators.js';
import type { Action, Attachment, Card, Conversation, Message, Participant, Visitor } from './types.js';

export const action = variant<Action>({
  reply: { label: string, payload: string },
  link: { label: string, url: string },
});
export const participant = object<Participant>({
  role: oneOf('visitor', 'agent', 'bot', 'system'),
  id: string,
  name: optionalString,
  avatarUrl: optionalString,
});
export const attachment = object<Attachment>({
  id: string,
  name: string,
  size: count,
  mime: string,
  url: string,
  width: optional(count),
  height: optional(count),
});
export const card = object<Card>({
  title: string,
  text: optionalString,
  imageUrl: optionalString,
  url: optionalString,
  price: optional(object({ amount: number, currency: string })),
});
export const message = object<Message>({
  id: string,
  conversationId: string,
  seq: count,
  clientMessageId: optionalString,
  author: participant,
  type: oneOf('text', 'file', 'card', 'event'),
  text: optionalString,
  attachments: optional(array(attachment)),
  actions: optional(array(action)),
  card: optional(card),
  survey: optional(object({ type: string })),
  createdAt: string,
});
export const conversation = object<Conversation>({
  id: string,
  clientConversationId: optionalString,
  status: oneOf('open', 'pending', 'resolved'),
  createdAt: string,
  updatedAt: string,
  lastSeq: count,
  visitorReadSeq: count,
  agentReadSeq: count,
  assignee: optional(participant),
  rating: optional(object({ score: number, comment: optionalString })),
  reference: optionalString,
});
const attributeValue: Guard<unknown> = (value, path) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)
    ? value
    : fail(path, 'a string, number, boolean or null', value);
/** The fields of a visitor, for objects that extend it (the agent API's visitor). */
export const visitorFields = {
  id: string,
  userId: optionalString,
  name: optionalString,
  email: optionalString,
  phone: optionalString,
  attributes: record(attributeValue),
  verified: boolean,
};
export const visitor = object<Visitor>(visitorFields);
