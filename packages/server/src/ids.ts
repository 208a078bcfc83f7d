import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** A new opaque id with a readable prefix (`c_…` conversations, `m_…` messages, …). */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replaceAll('-', '')}`;
}

/** A new session or agent token: 256 random bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a copied database does not hand out sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const CURSOR_DIGITS = 16;

/** Stream cursors are zero-padded integers, so they sort as ASCII strings too. */
export function formatCursor(position: number): string {
  return String(position).padStart(CURSOR_DIGITS, '0');
}

/** The position inside a cursor, or undefined when the string is not one of ours. */
export function parseCursor(cursor: string): number | undefined {
  if (!/^\d{1,20}$/.test(cursor)) return undefined;
  const position = Number(cursor);
  return Number.isSafeInteger(position) ? position : undefined;
}
