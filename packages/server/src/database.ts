import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations.js';

/** The better-sqlite3 connection type. */
export type SqliteDatabase = Database.Database;

/** The database file is newer than this server: it has more migrations than the server knows. */
export class SchemaVersionError extends Error {
  override readonly name = 'SchemaVersionError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`The database has schema version ${found}, but this server knows only up to ${known}.`);
  }
}

/**
 * Opens (and creates) the SQLite database in WAL mode and runs the migrations it has not had yet.
 * `':memory:'` opens a private in-memory database.
 */
export function openDatabase(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma('journal_mode = WAL');
  // WAL with synchronous NORMAL is durable across process crashes and much faster than FULL.
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // Savepoints (one per transaction inside a shared commit) keep their undo pages in memory, not a temp file.
  database.pragma('temp_store = MEMORY');
  // After a checkpoint, a WAL file that grew past 64 MiB under load is cut back.
  database.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  migrate(database);
  return database;
}

function migrate(database: SqliteDatabase): void {
  database.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = database.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > MIGRATIONS.length) throw new SchemaVersionError(current, MIGRATIONS.length);
  if (current === MIGRATIONS.length) return;
  database.transaction(() => {
    for (let version = current; version < MIGRATIONS.length; version++) {
      const migration = MIGRATIONS[version] as Migration;
      if (typeof migration === 'string') database.exec(migration);
      else {
        database.exec(migration.sql);
        migration.backfill(database);
      }
    }
    if (row === undefined)
      database.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
    else database.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length);
  })();
}
