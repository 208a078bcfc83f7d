import type { Attributes } from '@sapa/protocol';
import { ProblemError } from '../problem.js';

/** Attributes one visitor may have in all (each request may also carry at most 100). */
export const MAX_VISITOR_ATTRIBUTES = 100;
/** Bytes the attributes of one visitor may take in all, as stored (JSON, UTF-8). */
export const MAX_VISITOR_ATTRIBUTE_BYTES = 32 * 1024;

/**
 * The visitor's attributes after a change (merged key by key), refused when they would go over the caps
 * (issue 13: without them, 60 requests stored 6 MB on one visitor and broke the agent inbox).
 * @throws {ProblemError} 413 naming the limit
 */
export function mergeAttributes(current: Attributes, change: Attributes): Attributes {
  const merged = { ...current, ...change };
  const count = Object.keys(merged).length;
  if (count > MAX_VISITOR_ATTRIBUTES) {
    throw new ProblemError(
      'payload_too_large',
      `A visitor may have at most ${MAX_VISITOR_ATTRIBUTES} attributes; this change would make ${count}.`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(merged));
  if (bytes > MAX_VISITOR_ATTRIBUTE_BYTES) {
    throw new ProblemError(
      'payload_too_large',
      `A visitor's attributes may take at most ${MAX_VISITOR_ATTRIBUTE_BYTES} bytes as JSON; this change would make ${bytes}.`,
    );
  }
  return merged;
}
