import { MAX_EVENT_PROPERTIES, MAX_EVENT_PROPERTIES_BYTES } from '@sapa/protocol';
import { describe, expect, test } from 'vitest';
import { ValidationError } from './errors.js';
import { checkEventProperties } from './event-properties.js';

/** `count` properties named p0, p1, … */
const properties = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, index) => [`p${index}`, index]));

/** Properties whose JSON is exactly `bytes` long: one string value of the right length. */
const ofBytes = (bytes: number, character = 'a') => {
  const overhead = JSON.stringify({ text: '' }).length;
  return { text: character.repeat(bytes - overhead) };
};

describe('an event’s properties against the protocol’s limits', () => {
  test('none, or up to 50 keys and 8 KiB of JSON, pass', () => {
    expect(() => checkEventProperties('page_opened', undefined)).not.toThrow();
    expect(() => checkEventProperties('cart_updated', properties(MAX_EVENT_PROPERTIES))).not.toThrow();
    expect(JSON.stringify(ofBytes(MAX_EVENT_PROPERTIES_BYTES)).length).toBe(MAX_EVENT_PROPERTIES_BYTES);
    expect(() => checkEventProperties('product_viewed', ofBytes(MAX_EVENT_PROPERTIES_BYTES))).not.toThrow();
  });

  test('a 51st key is refused with a ValidationError that names the event and the limits', () => {
    const error = (() => {
      try {
        checkEventProperties('product_viewed', properties(MAX_EVENT_PROPERTIES + 1));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ code: 'payload_too_large' });
    expect((error as Error).message).toBe(
      'The properties of the event "product_viewed" are over the limit of 50 keys and 8192 bytes of JSON.',
    );
  });

  test('one byte of JSON over 8 KiB is refused, counted in UTF-8 bytes, not characters', () => {
    expect(() => checkEventProperties('product_viewed', ofBytes(MAX_EVENT_PROPERTIES_BYTES + 1))).toThrow(
      ValidationError,
    );
    // "é" is one character and two bytes: 5,000 of them are within 8,192 characters and over 8,192 bytes.
    expect(() => checkEventProperties('review_written', { text: 'é'.repeat(5_000) })).toThrow(
      /"review_written" are over the limit/,
    );
  });
});
