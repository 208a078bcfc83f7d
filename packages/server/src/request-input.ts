import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from '@sapa/protocol';
import type { Context } from 'hono';
import type { AppEnvironment } from './app-context.js';
import { ProblemError } from './problem.js';

/** The bearer token of a request, if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/**
 * The client's address, for limits that apply before anyone is known (new sessions, failed agent sign-ins).
 * The socket's peer address, unless the server runs behind `trustProxyHops` proxies of its own: then the
 * address the first of them saw, read from the right of `X-Forwarded-For` (each proxy appends the address it
 * got the request from; whatever a client wrote itself stays to the left and is never used).
 */
export function clientAddress(context: Context<AppEnvironment>, trustProxyHops = 0): string {
  const socketAddress = context.env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (trustProxyHops <= 0) return socketAddress;
  const forwarded = (context.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((address) => address.trim())
    .filter((address) => address !== '');
  return forwarded[forwarded.length - trustProxyHops] ?? socketAddress;
}

function optionalInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw new ProblemError('invalid_request', `The query parameter ${name} must be a non-negative integer.`);
  }
  return Number(value);
}

/** Reads `after`, `before` and `limit` (≤ 200, default 50) of a message page request. */
export function readPageQuery(query: (name: string) => string | undefined): {
  after?: number;
  before?: number;
  limit: number;
} {
  const after = optionalInteger(query('after'), 'after');
  const before = optionalInteger(query('before'), 'before');
  if (after !== undefined && before !== undefined) {
    throw new ProblemError('invalid_request', 'Give either after or before, not both.');
  }
  const limit = Math.min(optionalInteger(query('limit'), 'limit') ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT);
  if (limit < 1) throw new ProblemError('invalid_request', 'The query parameter limit must be at least 1.');
  const page: { after?: number; before?: number; limit: number } = { limit };
  if (after !== undefined) page.after = after;
  if (before !== undefined) page.before = before;
  return page;
}
