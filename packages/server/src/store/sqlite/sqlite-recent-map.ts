/**
 * A Map of at most `limit` entries that forgets the least recently set one first: what the SQLite store keeps
 * in memory between calls stays the size of what is in use now, whatever the size of the database. Reading
 * does not reorder (that would cost a delete and an insert on every hit); an entry in use is set again
 * whenever its row changes or it is read back after being forgotten.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  /** Sets the entry of `key` as the most recent; the least recently set goes when the map is full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets every entry whose value matches. */
  deleteWhere(matches: (value: V) => boolean): void {
    for (const [key, value] of this.entries) if (matches(value)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
