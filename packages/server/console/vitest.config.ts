import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../../vite.config.js';

export default mergeConfig(
  shared,
  defineProject({
    test: { name: 'console', environment: 'happy-dom', include: ['src/**/*.test.{ts,tsx}'] },
  }),
);
