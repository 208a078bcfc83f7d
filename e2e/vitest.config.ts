import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../vite.config.js';

// End-to-end tests: real sapa-server processes and Debian's Chromium, one file at a time.
export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'e2e',
      environment: 'node',
      include: ['**/*.test.ts'],
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  }),
);
