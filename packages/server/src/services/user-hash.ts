import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IdentifyRequest } from '@sapa/protocol';

/** Checks `userHash` = lowercase hex HMAC-SHA256(secret, userId) in constant time. */
export function verifyUserHash(secret: string, request: IdentifyRequest): boolean {
  if (typeof request.userHash !== 'string') return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(request.userId).digest('hex'));
  const given = Buffer.from(request.userHash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
