import { MAX_EVENT_PROPERTIES, MAX_EVENT_PROPERTIES_BYTES } from '@sapa/protocol';
import { ValidationError } from './errors.js';

/**
 * Checks an event's `properties` against the protocol's limits (at most {@link MAX_EVENT_PROPERTIES} keys and
 * {@link MAX_EVENT_PROPERTIES_BYTES} bytes of JSON) before anything is sent: a page that sends too much learns it
 * here, in one sentence, instead of from a backend's `413`.
 *
 * @throws {ValidationError} `payload_too_large`.
 */
export function checkEventProperties(name: string, properties: object | undefined): void {
  if (
    Object.keys(Object(properties)).length > MAX_EVENT_PROPERTIES ||
    new Blob([JSON.stringify(properties ?? {})]).size > MAX_EVENT_PROPERTIES_BYTES
  )
    throw new ValidationError(
      'payload_too_large',
      `The properties of the event "${name}" are over the limit of ${MAX_EVENT_PROPERTIES} keys and ${MAX_EVENT_PROPERTIES_BYTES} bytes of JSON.`,
    );
}
