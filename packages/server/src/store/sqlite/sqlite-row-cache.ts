import { RecentMap } from './sqlite-recent-map.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Records of recently used rows (sessions, visitors, conversations), so that what every request reads (its
 * session and visitor, the conversation it writes to) costs no statement (issue 14). It is correct because
 * this process owns the database: every write goes through the repositories, which update or drop the record
 * they change, and the store clears every cache when changes roll back. Records are frozen: callers share them.
 * A store with several servers on one database (PostgreSQL) must not keep such caches.
 */
export class RowCache<V> {
  private readonly records: RecentMap<string, V>;

  constructor(limit: number) {
    this.records = new RecentMap(limit);
  }

  get(key: string): V | undefined {
    return this.records.get(key);
  }

  /** Remembers a record (frozen) and returns it. */
  set(key: string, record: V): V {
    this.records.set(key, deepFreeze(record));
    return record;
  }

  delete(key: string): void {
    this.records.delete(key);
  }

  /** Forgets every record that matches. */
  deleteWhere(matches: (record: V) => boolean): void {
    this.records.deleteWhere(matches);
  }

  clear(): void {
    this.records.clear();
  }
}
