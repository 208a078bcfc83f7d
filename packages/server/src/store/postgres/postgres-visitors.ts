import type { PageInfo } from '@sapa/protocol';
import { newId } from '../../ids.js';
import type { VisitorRepository } from '../chat-store.js';
import type { VisitorProfile, VisitorRecord } from '../records.js';
import { toVisitorRecord, type VisitorRow } from '../sqlite/sqlite-visitors.js';
import { LOCKS, type PostgresConnection, type PostgresRunner } from './postgres-connection.js';

/** The `visitors` table on PostgreSQL (no records kept in memory: other servers write the same rows). */
export class PostgresVisitors implements VisitorRepository {
  constructor(
    private readonly connection: PostgresConnection,
    private readonly run: PostgresRunner,
  ) {}

  async create(
    siteKey: string,
    locale: string | undefined,
    page: PageInfo | undefined,
  ): Promise<VisitorRecord> {
    const at = this.connection.now();
    const row = await this.run.row<VisitorRow>(
      `INSERT INTO visitors (id, site_key, locale, page, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING *`,
      [newId('v'), siteKey, locale ?? null, page ? JSON.stringify(page) : null, at, at],
    );
    return toVisitorRecord(row as VisitorRow);
  }

  async get(id: string): Promise<VisitorRecord | undefined> {
    const row = await this.run.row<VisitorRow>('SELECT * FROM visitors WHERE id = $1', [id]);
    return row && toVisitorRecord(row);
  }

  async findVerified(siteKey: string, userId: string): Promise<VisitorRecord | undefined> {
    // In a transaction (identify finding or making the user's visitor), two at once for one user take turns.
    await this.run.lockInTransaction(LOCKS.verifiedUser, `${siteKey} ${userId}`);
    const row = await this.run.row<VisitorRow>(
      'SELECT * FROM visitors WHERE site_key = $1 AND user_id = $2 AND verified = 1',
      [siteKey, userId],
    );
    return row && toVisitorRecord(row);
  }

  async touch(id: string, locale?: string, page?: PageInfo): Promise<void> {
    await this.run.run(
      'UPDATE visitors SET last_seen_at = $1, locale = COALESCE($2, locale), page = COALESCE($3, page) WHERE id = $4',
      [this.connection.now(), locale ?? null, page ? JSON.stringify(page) : null, id],
    );
  }

  updateProfile(id: string, profile: VisitorProfile): Promise<VisitorRecord> {
    // The row is locked while the attributes are merged, so two changes at once both land.
    return this.run.atomic(async (run) => {
      const currentRow = await run.row<VisitorRow>('SELECT * FROM visitors WHERE id = $1 FOR UPDATE', [id]);
      if (!currentRow) throw new Error(`Visitor ${id} does not exist.`);
      const current = toVisitorRecord(currentRow);
      const attributes = { ...current.visitor.attributes, ...(profile.attributes ?? {}) };
      const row = await run.row<VisitorRow>(
        `UPDATE visitors SET name = COALESCE($1, name), email = COALESCE($2, email), phone = COALESCE($3, phone),
           attributes = $4, sources = $5 WHERE id = $6 RETURNING *`,
        [
          profile.name ?? null,
          profile.email ?? null,
          profile.phone ?? null,
          JSON.stringify(attributes),
          JSON.stringify(profile.sources ?? current.sources),
          id,
        ],
      );
      return toVisitorRecord(row as VisitorRow);
    });
  }

  async setUser(id: string, userId: string, verified: boolean): Promise<void> {
    await this.run.run('UPDATE visitors SET user_id = $1, verified = $2 WHERE id = $3', [
      userId,
      verified ? 1 : 0,
      id,
    ]);
  }

  async markMerged(fromVisitorId: string, intoVisitorId: string): Promise<void> {
    await this.run.run('UPDATE visitors SET merged_into = $1 WHERE id = $2', [intoVisitorId, fromVisitorId]);
  }
}
