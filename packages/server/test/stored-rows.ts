import Database from 'better-sqlite3';
import pg from 'pg';

/** Where a test's data is: a SQLite file, or a PostgreSQL database (in the `server-postgres` project). */
export type StoredData = { sqlitePath: string } | { postgresUrl: string };

/** 64-bit integers (counts) read as numbers, as the store reads them. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20
      ? Number
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Rows read straight from a test's database, beside the server: what is stored, beyond what the API shows.
 * The SQL must read the same on SQLite and PostgreSQL (no parameters: tests write their values in).
 */
export async function readRows(data: StoredData, sql: string): Promise<Record<string, unknown>[]> {
  if ('sqlitePath' in data) {
    const database = new Database(data.sqlitePath, { readonly: true });
    try {
      return database.prepare(sql).all() as Record<string, unknown>[];
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: data.postgresUrl, types });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}
