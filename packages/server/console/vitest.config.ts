import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../../vite.config.js';

export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'console',
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}'],
      setupFiles: ['./src/test-setup.ts'],
      // Vite resolves preact with browser conditions; Testing Library must get that same copy, or
      // hooks run against a second preact instance.
      server: { deps: { inline: ['@testing-library/preact'] } },
    },
  }),
);
