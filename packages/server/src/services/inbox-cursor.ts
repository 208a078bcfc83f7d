import { ProblemError } from '../problem.js';

/** Where an inbox page ended: the newest-first order is by `updatedAt`, then `id`. */
export interface InboxPosition {
  updatedAt: string;
  id: string;
}

/** The opaque `nextCursor` of an inbox page. */
export function formatInboxCursor(position: InboxPosition): string {
  return Buffer.from(`${position.updatedAt} ${position.id}`).toString('base64url');
}

/** The position inside a `?cursor=`. @throws {ProblemError} 400 for a cursor this server did not make */
export function parseInboxCursor(cursor: string): InboxPosition {
  const [updatedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split(' ');
  if (
    rest.length > 0 ||
    !updatedAt ||
    !id ||
    Number.isNaN(Date.parse(updatedAt)) ||
    !/^[A-Za-z0-9_-]{1,100}$/.test(id)
  ) {
    throw new ProblemError('invalid_request', 'The cursor is not one this server made.');
  }
  return { updatedAt, id };
}
