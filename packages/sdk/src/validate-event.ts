import {
  type InvalidDataError,
  parseStreamEvent as parseProtocolStreamEvent,
  type StreamEvent,
} from '@sapa/protocol';
import { ProtocolError } from './errors.js';

/**
 * Checks one stream event's data before it touches the state, with the protocol package's guards. Unknown fields
 * pass (forward compatibility).
 *
 * @returns the event, or `null` for an unknown event type (ignored).
 * @throws {ProtocolError} for a known type whose data is wrong (skipped and reported; the stream stays open).
 */
export function parseStreamEvent(type: string, data: string, id?: string): StreamEvent | null {
  return validate(
    (text) => parseProtocolStreamEvent(type, text as string, id),
    data,
    `The stream event ${type}`,
  );
}

/** Returns `value` when `parse` accepts it; throws a {@link ProtocolError} naming `what` otherwise. */
export function validate<T>(parse: (value: unknown) => T, value: unknown, what: string): T {
  try {
    return parse(value);
  } catch (error) {
    throw invalid(what, error, value);
  }
}

function invalid(what: string, error: unknown, data: unknown): ProtocolError {
  return new ProtocolError(`${what} does not follow the protocol: ${(error as Error).message}.`, {
    data,
    path: (error as InvalidDataError).path,
  });
}
