import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vite.config.js';

export default mergeConfig(
  shared,
  defineProject({
    test: { name: 'server', environment: 'node', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
  }),
);
