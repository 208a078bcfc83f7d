import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /**
     * The `server-postgres` project's cluster: the URL of its migrated template database, which each test
     * server's database is copied from. Absent on SQLite.
     */
    postgresUrl?: string;
  }
}

/** Whether this project runs the tests on PostgreSQL (`server-postgres`) rather than SQLite. */
export function onPostgres(): boolean {
  return inject('postgresUrl') !== undefined;
}

/**
 * A fresh database for one test server, copied from the migrated template (a file copy: a few milliseconds
 * with `fsync` off), and a function that drops it.
 */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const templateUrl = inject('postgresUrl');
  if (!templateUrl) throw new Error('Not on PostgreSQL: this project has no cluster.');
  const name = `sapa_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(templateUrl);
  const template = url.pathname.slice(1);
  url.pathname = '/postgres';
  await administer(url.href, `CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY FILE_COPY`);
  url.pathname = `/${name}`;
  const databaseUrl = url.href;
  return {
    url: databaseUrl,
    drop: async () => {
      url.pathname = '/postgres';
      await administer(url.href, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function administer(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
