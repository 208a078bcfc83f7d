import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vite.config.js';

export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'server',
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // What holds only on PostgreSQL runs in the server-postgres project (vitest.postgres.config.ts).
      exclude: ['test/postgres/**'],
      // Each test takes well under a second alone; the margin is for a machine busy with browser tests.
      testTimeout: 20_000,
    },
  }),
);
