import { hashToken } from '../../ids.js';
import type { AgentRepository } from '../chat-store.js';
import type { AgentRecord } from '../records.js';
import { type AgentRow, toAgentRecord } from '../sqlite/sqlite-agents.js';
import type { PostgresRunner } from './postgres-connection.js';

/** The `agents` table on PostgreSQL; tokens are stored only as their SHA-256. */
export class PostgresAgents implements AgentRepository {
  constructor(private readonly run: PostgresRunner) {}

  async create(agent: AgentRecord, token: string): Promise<boolean> {
    // The unique index on lower(name) decides: a taken name inserts nothing.
    const inserted = await this.run.run(
      'INSERT INTO agents (id, name, token_hash, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [agent.id, agent.name, hashToken(token), agent.createdAt],
    );
    return inserted === 1;
  }

  async findByToken(token: string): Promise<AgentRecord | undefined> {
    const row = await this.run.row<AgentRow>(
      'SELECT id, name, created_at FROM agents WHERE token_hash = $1',
      [hashToken(token)],
    );
    return row && toAgentRecord(row);
  }

  async list(): Promise<AgentRecord[]> {
    const rows = await this.run.rows<AgentRow>(
      'SELECT id, name, created_at FROM agents ORDER BY created_at, id',
    );
    return rows.map(toAgentRecord);
  }

  async remove(name: string): Promise<boolean> {
    return (await this.run.run('DELETE FROM agents WHERE lower(name) = lower($1)', [name])) > 0;
  }
}
