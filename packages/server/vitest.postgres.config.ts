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
      exclude: [],
      globalSetup: ['test/postgres-global-setup.ts'],
      testTimeout: 20_000,
    },
  }),
);
