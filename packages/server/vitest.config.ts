import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vite.config.js';

export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'server',
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // Many servers on one database: PostgreSQL only, in the server-postgres project.
      exclude: ['test/cluster.test.ts'],
      // Each test takes well under a second alone; the margin is for a machine busy with browser tests.
      testTimeout: 20_000,
    },
  }),
);
