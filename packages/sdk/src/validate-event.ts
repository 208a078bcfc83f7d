import type { StreamEvent, StreamEventType } from '@sapa/protocol';
import { ProtocolError } from './errors.js';

/**
 * Checks one stream event's data before it touches the state. This is the one module to swap for the protocol
 * package's guards; it checks what the client relies on (ids, seq numbers, shapes) and lets unknown fields through.
 *
 * @returns the event, `undefined` for an unknown event type (ignored, forward compatibility), or a
 *   {@link ProtocolError} for a known type whose data is wrong (skipped and reported).
 */
export function parseStreamEvent(
  type: string,
  data: string,
  id?: string,
): StreamEvent | undefined | ProtocolError {
  if (!KNOWN.has(type)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return new ProtocolError(`The stream event ${type} carries data that is not JSON.`, data.slice(0, 200));
  }
  if (!isObject(parsed))
    return new ProtocolError(`The stream event ${type} carries data that is not an object.`, parsed);
  const ok = CHECKS[type as StreamEventType](parsed);
  if (!ok)
    return new ProtocolError(
      `The stream event ${type} carries data that does not follow the protocol.`,
      parsed,
    );
  return { type, id: id || undefined, data: parsed } as StreamEvent;
}

const KNOWN = new Set<string>([
  'message.created',
  'message.updated',
  'conversation.updated',
  'read.updated',
  'campaign.triggered',
  'typing',
  'stream.reset',
]);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isSeq(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

export function isParticipant(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.id) &&
    ['visitor', 'agent', 'bot', 'system'].includes(value.role as string)
  );
}

export function isMessage(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.id) &&
    isString(value.conversationId) &&
    isSeq(value.seq) &&
    (value.seq as number) >= 1 &&
    isParticipant(value.author) &&
    typeof value.type === 'string' &&
    (value.text === undefined || typeof value.text === 'string') &&
    (value.attachments === undefined || Array.isArray(value.attachments)) &&
    (value.actions === undefined || Array.isArray(value.actions))
  );
}

export function isConversation(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.id) &&
    ['open', 'pending', 'resolved'].includes(value.status as string) &&
    isSeq(value.lastSeq) &&
    isSeq(value.visitorReadSeq) &&
    isSeq(value.agentReadSeq) &&
    typeof value.updatedAt === 'string'
  );
}

const CHECKS: Record<StreamEventType, (data: Record<string, unknown>) => boolean> = {
  'message.created': (data) => isMessage(data.message),
  'message.updated': (data) => isMessage(data.message),
  'conversation.updated': (data) => isConversation(data.conversation),
  'read.updated': (data) => isString(data.conversationId) && isSeq(data.seq),
  'campaign.triggered': (data) =>
    isObject(data.campaign) && isString(data.campaign.id) && typeof data.campaign.message === 'string',
  typing: (data) =>
    isString(data.conversationId) && isParticipant(data.participant) && typeof data.typing === 'boolean',
  'stream.reset': (data) => typeof data.cursor === 'string',
};
