import { MAX_EVENT_PROPERTIES, MAX_EVENT_PROPERTIES_BYTES } from '@sapa/protocol';
import { ProblemError } from './problem.js';
import { hasLoneSurrogate } from './unicode-text.js';

/** Largest JSON body accepted: room for a 10,000-character text even when every character is escaped. */
export const MAX_JSON_BYTES = 256 * 1024;

/**
 * Reads a request body up to `limit` bytes, refusing more with 413 (checked on `Content-Length` first,
 * then while reading, so a lying or missing length cannot exhaust memory).
 */
export async function readBody(request: Request, limit: number): Promise<Buffer> {
  const length = request.headers.get('content-length');
  const declared = Number(length ?? Number.NaN);
  if (declared > limit)
    throw new ProblemError('payload_too_large', `The body may be at most ${limit} bytes.`);
  // With a length, Node's parser delivers exactly that many bytes: read them at once. On @hono/node-server this
  // reads the Node request directly instead of building a web Request and its stream (issue 14).
  if (length !== null) return Buffer.from(await request.arrayBuffer());
  if (!request.body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new ProblemError('payload_too_large', `The body may be at most ${limit} bytes.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

// Fatal: bytes that are not UTF-8 are refused instead of silently becoming U+FFFD.
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON text that may hold an escaped surrogate (`\ud800`); only such bodies need the slower check. */
const ESCAPED_SURROGATE = /\\u[dD][89a-fA-F]/;

/**
 * Reads a JSON object body. Text must be Unicode: bytes that are not UTF-8 and lone surrogates (`"\ud800"`,
 * which no database stores as UTF-8) are refused with 400, the same way wherever they come (issue 13).
 * @throws {ProblemError} 400 when it is not a JSON object of Unicode text, 413 when too big.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const body = await readBody(request, MAX_JSON_BYTES);
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new ProblemError('invalid_request', 'The body must be UTF-8 text.');
  }
  let parsed: unknown;
  try {
    parsed = ESCAPED_SURROGATE.test(text) ? JSON.parse(text, refuseLoneSurrogates) : JSON.parse(text);
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw new ProblemError('invalid_request', 'The body must be JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ProblemError('invalid_request', 'The body must be a JSON object.');
  }
  return parsed as Record<string, unknown>;
}

/** A `JSON.parse` reviver that refuses keys and strings holding a lone surrogate. */
function refuseLoneSurrogates(key: string, value: unknown): unknown {
  if (hasLoneSurrogate(key) || (typeof value === 'string' && hasLoneSurrogate(value))) {
    throw new ProblemError(
      'invalid_request',
      `The field ${JSON.stringify(key)} holds a lone surrogate, which is not Unicode text.`,
    );
  }
  return value;
}

function invalid(field: string, expected: string): never {
  throw new ProblemError('invalid_request', `The field ${field} must be ${expected}.`);
}

/** Field readers that throw a 400 problem naming the field. */
export const field = {
  string(body: Record<string, unknown>, name: string, maxLength = 1000): string {
    const value = body[name];
    if (typeof value !== 'string' || value.length === 0) invalid(name, 'a non-empty string');
    if (value.length > maxLength) invalid(name, `at most ${maxLength} characters`);
    return value;
  },
  optionalString(body: Record<string, unknown>, name: string, maxLength = 1000): string | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') invalid(name, 'a string');
    if (value.length > maxLength) invalid(name, `at most ${maxLength} characters`);
    return value;
  },
  boolean(body: Record<string, unknown>, name: string): boolean {
    const value = body[name];
    if (typeof value !== 'boolean') invalid(name, 'true or false');
    return value;
  },
  integer(body: Record<string, unknown>, name: string, min: number, max: number): number {
    const value = body[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      invalid(name, `an integer from ${min} to ${max}`);
    }
    return value;
  },
  optionalObject(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) invalid(name, 'an object');
    return value as Record<string, unknown>;
  },
  stringList(body: Record<string, unknown>, name: string, maxItems: number): string[] {
    const value = body[name];
    if (!Array.isArray(value) || value.length === 0 || value.length > maxItems) {
      invalid(name, `a list of 1 to ${maxItems} ids`);
    }
    if (value.some((item) => typeof item !== 'string')) invalid(name, 'a list of strings');
    return value as string[];
  },
};

/** Attribute maps hold only strings, numbers, booleans and null. */
export function readAttributes(
  body: Record<string, unknown>,
  name = 'attributes',
): Record<string, string | number | boolean | null> | undefined {
  const value = field.optionalObject(body, name);
  if (!value) return undefined;
  const entries = Object.entries(value);
  if (entries.length > 100) invalid(name, 'at most 100 entries');
  for (const [key, entry] of entries) {
    const ok =
      entry === null ||
      typeof entry === 'boolean' ||
      (typeof entry === 'number' && Number.isFinite(entry)) ||
      (typeof entry === 'string' && entry.length <= 1000);
    if (!ok || key.length > 100) invalid(`${name}.${key}`, 'a string, number, boolean or null');
  }
  return value as Record<string, string | number | boolean | null>;
}

/**
 * An event's `properties` (docs/protocol.md): strings, numbers, booleans or null; at most
 * {@link MAX_EVENT_PROPERTIES} keys and {@link MAX_EVENT_PROPERTIES_BYTES} bytes of JSON, over which the answer is
 * `413 payload_too_large` naming the limit. Missing properties are an empty object.
 */
export function readEventProperties(
  body: Record<string, unknown>,
): Record<string, string | number | boolean | null> {
  const value = field.optionalObject(body, 'properties');
  if (!value) return {};
  const entries = Object.entries(value);
  if (entries.length > MAX_EVENT_PROPERTIES) {
    throw new ProblemError(
      'payload_too_large',
      `An event may have at most ${MAX_EVENT_PROPERTIES} properties.`,
    );
  }
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_EVENT_PROPERTIES_BYTES) {
    throw new ProblemError(
      'payload_too_large',
      `An event's properties may take at most ${MAX_EVENT_PROPERTIES_BYTES} bytes of JSON.`,
    );
  }
  for (const [key, entry] of entries) {
    const ok =
      entry === null ||
      typeof entry === 'boolean' ||
      typeof entry === 'string' ||
      (typeof entry === 'number' && Number.isFinite(entry));
    if (!ok) invalid(`properties.${key}`, 'a string, number, boolean or null');
  }
  return value as Record<string, string | number | boolean | null>;
}
