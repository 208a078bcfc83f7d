import { hashToken } from '../../ids.js';
import type { SessionRepository } from '../chat-store.js';
import type { PostgresConnection, PostgresRunner } from './postgres-connection.js';

/** The `sessions` table on PostgreSQL; tokens are stored only as their SHA-256. */
export class PostgresSessions implements SessionRepository {
  constructor(
    private readonly connection: PostgresConnection,
    private readonly run: PostgresRunner,
  ) {}

  async create(visitorId: string, token: string, expiresAt: string): Promise<void> {
    await this.run.run(
      'INSERT INTO sessions (token_hash, visitor_id, expires_at, created_at) VALUES ($1, $2, $3, $4)',
      [hashToken(token), visitorId, expiresAt, this.connection.now()],
    );
  }

  async find(token: string): Promise<{ visitorId: string; expiresAt: string } | undefined> {
    const row = await this.run.row<{ visitor_id: string; expires_at: string }>(
      'SELECT visitor_id, expires_at FROM sessions WHERE token_hash = $1 AND expires_at > $2',
      [hashToken(token), this.connection.now()],
    );
    return row && { visitorId: row.visitor_id, expiresAt: row.expires_at };
  }

  async delete(token: string): Promise<void> {
    await this.run.run('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
  }

  async deleteForVisitor(visitorId: string): Promise<void> {
    await this.run.run('DELETE FROM sessions WHERE visitor_id = $1', [visitorId]);
  }

  deleteExpired(): Promise<number> {
    return this.run.run('DELETE FROM sessions WHERE expires_at <= $1', [this.connection.now()]);
  }
}
