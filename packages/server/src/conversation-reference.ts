import { randomInt } from 'node:crypto';

/** Characters of a reference: no 0/O, 1/I/L, so it reads back the same over the phone or on WhatsApp. */
export const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** Every reference starts with it. */
export const REFERENCE_PREFIX = 'SP-';

/** Tries at one length before the next is one character longer (31⁴ ≈ 920,000 references of 4). */
const TRIES_PER_LENGTH = 3;

/**
 * A short human reference for a conversation (`SP-7KQ2`), drawn at random; the caller keeps it unique per site
 * and asks again with the next `attempt` when it was taken. After a few collisions the references grow by one
 * character, so a site with many conversations never loops.
 *
 * @example
 * newConversationReference(); // 'SP-7KQ2'
 */
export function newConversationReference(attempt = 0): string {
  const length = 4 + Math.floor(attempt / TRIES_PER_LENGTH);
  let reference = REFERENCE_PREFIX;
  for (let index = 0; index < length; index++) {
    reference += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  }
  return reference;
}

/**
 * The reference an agent typed, as stored: upper case, with the prefix, from `sp-7kq2`, `SP 7KQ2`, `7kq2` or
 * `Ref SP-7KQ2`; undefined when it cannot be one.
 */
export function normalizeReference(query: string): string | undefined {
  const match = /^(?:ref\.?\s*)?(?:sp[-\s]?)?([a-z0-9]{4,12})$/i.exec(query.trim());
  if (!match) return undefined;
  const code = (match[1] as string).toUpperCase();
  return [...code].every((character) => REFERENCE_ALPHABET.includes(character))
    ? `${REFERENCE_PREFIX}${code}`
    : undefined;
}
