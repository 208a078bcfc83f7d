import { hashToken } from '../../ids.js';
import type { AgentRepository } from '../chat-store.js';
import type { AgentRecord } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';

export interface AgentRow {
  id: string;
  name: string;
  created_at: string;
}

export function toAgentRecord(row: AgentRow): AgentRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

/** The `agents` table on SQLite; tokens are stored only as their SHA-256. */
export class SqliteAgents implements AgentRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
  ) {}

  create(agent: AgentRecord, token: string): Promise<boolean> {
    return this.run(() => {
      // The unique index on lower(name) decides: a taken name inserts nothing.
      const result = this.connection
        .sql(
          `INSERT INTO agents (id, name, token_hash, created_at) VALUES (?, ?, ?, ?)
             ON CONFLICT DO NOTHING`,
        )
        .run(agent.id, agent.name, hashToken(token), agent.createdAt);
      return result.changes === 1;
    });
  }

  findByToken(token: string): Promise<AgentRecord | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT id, name, created_at FROM agents WHERE token_hash = ?')
        .get(hashToken(token)) as AgentRow | undefined;
      return row && toAgentRecord(row);
    });
  }

  list(): Promise<AgentRecord[]> {
    return this.run(() => {
      const rows = this.connection
        .sql('SELECT id, name, created_at FROM agents ORDER BY created_at, id')
        .all() as AgentRow[];
      return rows.map(toAgentRecord);
    });
  }

  remove(name: string): Promise<boolean> {
    return this.run(
      () => this.connection.sql('DELETE FROM agents WHERE lower(name) = lower(?)').run(name).changes > 0,
    );
  }
}
