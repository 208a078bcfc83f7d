import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vite.config.js';

/**
 * The server's integration suite again, on PostgreSQL (issue 14): one throwaway cluster for the run
 * (`test/postgres-global-setup.ts`), a fresh database per test server (`test/helpers.ts`, `test/service-fixture.ts`),
 * and the conformance kit against a server on it. Fails, never skips, when PostgreSQL cannot be found.
 */
export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'server-postgres',
      environment: 'node',
      include: ['test/**/*.test.ts', '../protocol/test/conformance-reference.test.ts'],
      // Only tests of SQLite itself, each for the reason given.
      exclude: [
        // WAL checkpoints on a worker thread: SQLite's write-ahead log (PostgreSQL checkpoints by itself).
        'test/checkpoints.test.ts',
        // The size of the SQLite file per message (the DESIGN.md budget is for the embedded database).
        'test/database-size.test.ts',
        // SQLite files: WAL mode, upgrades of old SQLite schemas, an upload folder made unwritable (PostgreSQL
        // keeps uploads in the database); test/postgres/ covers restarts and migrations on PostgreSQL.
        'test/persistence.test.ts',
        'test/upgrade.test.ts',
        // Commits shared by the transactions of one turn on SQLite's one connection, and its frozen row caches.
        'test/store-commits.test.ts',
        // Calls waiting for an open transaction on SQLite's one connection (PostgreSQL reads the last commit).
        'test/store-transaction-lock.test.ts',
      ],
      globalSetup: ['test/postgres-global-setup.ts'],
      testTimeout: 20_000,
    },
  }),
);
