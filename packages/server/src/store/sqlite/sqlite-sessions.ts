import { hashToken } from '../../ids.js';
import type { SessionRepository } from '../chat-store.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

/** The `sessions` table on SQLite; tokens are stored only as their SHA-256. */
export class SqliteSessions implements SessionRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  create(visitorId: string, token: string, expiresAt: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('INSERT INTO sessions (token_hash, visitor_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
        .run(hashToken(token), visitorId, expiresAt, this.connection.now());
    });
  }

  find(token: string): Promise<{ visitorId: string; expiresAt: string } | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT visitor_id, expires_at FROM sessions WHERE token_hash = ? AND expires_at > ?')
        .get(hashToken(token), this.connection.now()) as
        | { visitor_id: string; expires_at: string }
        | undefined;
      return row && { visitorId: row.visitor_id, expiresAt: row.expires_at };
    });
  }

  delete(token: string): Promise<void> {
    return this.run(() => {
      this.connection.sql('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
    });
  }

  deleteForVisitor(visitorId: string): Promise<void> {
    return this.run(() => {
      this.connection.sql('DELETE FROM sessions WHERE visitor_id = ?').run(visitorId);
    });
  }

  deleteExpired(): Promise<number> {
    return this.run(
      () =>
        this.connection.sql('DELETE FROM sessions WHERE expires_at <= ?').run(this.connection.now()).changes,
    );
  }
}
