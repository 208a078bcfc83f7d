import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vite.config.js';

export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'server',
      environment: 'node',
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // Each test takes well under a second alone; the margin is for a machine busy with browser tests.
      testTimeout: 20_000,
    },
  }),
);
