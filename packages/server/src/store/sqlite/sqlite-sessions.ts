import { hashToken } from '../../ids.js';
import type { SessionRepository } from '../chat-store.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';
import type { SessionRecord, SqliteStoreMemory } from './sqlite-store-memory.js';

/** The `sessions` table on SQLite; tokens are stored only as their SHA-256. */
export class SqliteSessions implements SessionRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
    private readonly memory: SqliteStoreMemory,
  ) {}

  create(visitorId: string, token: string, expiresAt: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('INSERT INTO sessions (token_hash, visitor_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
        .run(hashToken(token), visitorId, expiresAt, this.connection.now());
      this.memory.sessions.set(token, { visitorId, expiresAt });
    });
  }

  find(token: string): Promise<SessionRecord | undefined> {
    return this.run(() => {
      const at = this.connection.now();
      // Remembered by the token itself (in memory only), so a request's session costs no hashing either.
      const known = this.memory.sessions.get(token);
      if (known) return known.expiresAt > at ? known : undefined;
      const row = this.connection
        .sql('SELECT visitor_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?')
        .get(hashToken(token), at) as { visitor_id: string; expires_at: string } | undefined;
      return row && this.memory.sessions.set(token, { visitorId: row.visitor_id, expiresAt: row.expires_at });
    });
  }

  delete(token: string): Promise<void> {
    return this.run(() => {
      this.connection.sql('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
      this.memory.sessions.delete(token);
    });
  }

  deleteForVisitor(visitorId: string): Promise<void> {
    return this.run(() => {
      this.connection.sql('DELETE FROM sessions WHERE visitor_id = ?').run(visitorId);
      this.memory.sessions.deleteWhere((session) => session.visitorId === visitorId);
    });
  }

  deleteExpired(): Promise<number> {
    // Expired sessions in memory already answer as unknown (find checks the time).
    return this.run(
      () =>
        this.connection.sql('DELETE FROM sessions WHERE expires_at <= ?').run(this.connection.now()).changes,
    );
  }
}
