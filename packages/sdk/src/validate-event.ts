import {
  InvalidDataError,
  parseConversation,
  parseMessage,
  parseStreamEvent as parseProtocolStreamEvent,
  type StreamEvent,
} from '@sapa/protocol';
import { ProtocolError } from './errors.js';

/**
 * Checks one stream event's data before it touches the state, with the protocol package's guards. Unknown fields
 * pass (forward compatibility).
 *
 * @returns the event, `undefined` for an unknown event type (ignored), or a {@link ProtocolError} for a known type
 *   whose data is wrong (skipped and reported; the stream stays open).
 */
export function parseStreamEvent(
  type: string,
  data: string,
  id?: string,
): StreamEvent | undefined | ProtocolError {
  try {
    return parseProtocolStreamEvent(type, data, id || undefined) ?? undefined;
  } catch (error) {
    return new ProtocolError(`The stream event ${type} does not follow the protocol: ${describe(error)}.`, {
      data: data.slice(0, 500),
      path: error instanceof InvalidDataError ? error.path : undefined,
    });
  }
}

/** Whether a REST answer's message follows the protocol. */
export function isMessage(value: unknown): boolean {
  try {
    parseMessage(value);
    return true;
  } catch {
    return false;
  }
}

/** Whether a REST answer's conversation follows the protocol. */
export function isConversation(value: unknown): boolean {
  try {
    parseConversation(value);
    return true;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
