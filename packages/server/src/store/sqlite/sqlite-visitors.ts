import type { PageInfo, Visitor } from '@sapa/protocol';
import { newId } from '../../ids.js';
import type { VisitorRepository } from '../chat-store.js';
import type { VisitorProfile, VisitorRecord } from '../records.js';
import type { Runner, SqliteConnection } from './sqlite-connection.js';
import type { SqliteStoreMemory } from './sqlite-store-memory.js';

export interface VisitorRow {
  id: string;
  site_key: string;
  user_id: string | null;
  verified: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  attributes: string;
  locale: string | null;
  page: string | null;
  created_at: string;
  last_seen_at: string;
  merged_into: string | null;
  pruned_through: number;
  sources: string;
}

export function toVisitorRecord(row: VisitorRow): VisitorRecord {
  const visitor: Visitor = {
    id: row.id,
    attributes: JSON.parse(row.attributes),
    verified: row.verified === 1,
  };
  if (row.user_id !== null) visitor.userId = row.user_id;
  if (row.name !== null) visitor.name = row.name;
  if (row.email !== null) visitor.email = row.email;
  if (row.phone !== null) visitor.phone = row.phone;
  const record: VisitorRecord = {
    visitor,
    siteKey: row.site_key,
    lastSeenAt: row.last_seen_at,
    prunedThrough: row.pruned_through,
    sources: JSON.parse(row.sources),
  };
  if (row.locale !== null) record.locale = row.locale;
  if (row.page !== null) record.page = JSON.parse(row.page) as PageInfo;
  return record;
}

/** The `visitors` table on SQLite; records of recently used visitors are kept (see {@link SqliteStoreMemory}). */
export class SqliteVisitors implements VisitorRepository {
  constructor(
    private readonly connection: SqliteConnection,
    private readonly run: Runner,
    private readonly memory: SqliteStoreMemory,
  ) {}

  create(siteKey: string, locale: string | undefined, page: PageInfo | undefined): Promise<VisitorRecord> {
    return this.run(() => {
      const at = this.connection.now();
      const row = this.connection
        .sql(
          `INSERT INTO visitors (id, site_key, locale, page, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)
           RETURNING *`,
        )
        .get(newId('v'), siteKey, locale ?? null, page ? JSON.stringify(page) : null, at, at) as VisitorRow;
      return this.remember(row);
    });
  }

  get(id: string): Promise<VisitorRecord | undefined> {
    return this.run(() => this.read(id));
  }

  findVerified(siteKey: string, userId: string): Promise<VisitorRecord | undefined> {
    return this.run(() => {
      const row = this.connection
        .sql('SELECT * FROM visitors WHERE site_key = ? AND user_id = ? AND verified = 1')
        .get(siteKey, userId) as VisitorRow | undefined;
      return row && this.remember(row);
    });
  }

  touch(id: string, locale?: string, page?: PageInfo): Promise<void> {
    return this.run(() => {
      this.connection
        .sql(
          'UPDATE visitors SET last_seen_at = ?, locale = COALESCE(?, locale), page = COALESCE(?, page) WHERE id = ?',
        )
        .run(this.connection.now(), locale ?? null, page ? JSON.stringify(page) : null, id);
      this.memory.visitors.delete(id);
    });
  }

  updateProfile(id: string, profile: VisitorProfile): Promise<VisitorRecord> {
    return this.run(() => {
      const current = this.read(id);
      if (!current) throw new Error(`Visitor ${id} does not exist.`);
      const attributes = { ...current.visitor.attributes, ...(profile.attributes ?? {}) };
      const row = this.connection
        .sql(
          `UPDATE visitors SET name = COALESCE(?, name), email = COALESCE(?, email), phone = COALESCE(?, phone),
             attributes = ?, sources = ? WHERE id = ? RETURNING *`,
        )
        .get(
          profile.name ?? null,
          profile.email ?? null,
          profile.phone ?? null,
          JSON.stringify(attributes),
          JSON.stringify(profile.sources ?? current.sources),
          id,
        ) as VisitorRow;
      return this.remember(row);
    });
  }

  setUser(id: string, userId: string, verified: boolean): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('UPDATE visitors SET user_id = ?, verified = ? WHERE id = ?')
        .run(userId, verified ? 1 : 0, id);
      this.memory.visitors.delete(id);
    });
  }

  markMerged(fromVisitorId: string, intoVisitorId: string): Promise<void> {
    return this.run(() => {
      this.connection
        .sql('UPDATE visitors SET merged_into = ? WHERE id = ?')
        .run(intoVisitorId, fromVisitorId);
      this.memory.visitors.delete(fromVisitorId);
    });
  }

  private read(id: string): VisitorRecord | undefined {
    const known = this.memory.visitors.get(id);
    if (known) return known;
    const row = this.connection.sql('SELECT * FROM visitors WHERE id = ?').get(id) as VisitorRow | undefined;
    return row && this.remember(row);
  }

  private remember(row: VisitorRow): VisitorRecord {
    return this.memory.visitors.set(row.id, toVisitorRecord(row));
  }
}
