/**
 * Shared Vite/Vitest configuration. Packages resolve each other to source (the `source` export
 * condition) in development and tests, and to `dist` when published.
 *
 * Test projects live beside their package (`packages/<name>/vitest.config.ts`) and extend this file;
 * `vitest run` at the top level runs all of them.
 */
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      // The server's suite on PostgreSQL (a throwaway cluster; the default project runs it on SQLite).
      'packages/server/vitest.postgres.config.ts',
      'packages/server/console/vitest.config.ts',
      'e2e/vitest.config.ts',
      // Every story in Chromium with axe: English/light, then Indonesian/dark.
      '.storybook/vitest.config.ts',
      '.storybook/vitest.id.config.ts',
    ],
    // Two cores here and in CI: keep the pool small so servers under test are not starved.
    maxWorkers: 2,
  },
});
