/**
 * Every story as a test, in real Chromium: rendered, its play function run, then checked with axe
 * (`parameters.a11y.test = 'error'`, so a violation fails). Two projects run the whole set: English in
 * the light theme and Indonesian in the dark theme, so both languages and both themes are covered.
 */
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineProject, mergeConfig } from 'vitest/config';
import { PINNED_TIME_ZONE } from '../packages/widget/src/stories-support/clock.js';
import shared from '../vite.config.js';

const configDir = fileURLToPath(new URL('.', import.meta.url));

const browser = {
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // Times in stories are drawn in Jakarta time wherever the tests run.
    contextOptions: { timezoneId: PINNED_TIME_ZONE, locale: 'en-US' },
  }),
  instances: [{ browser: 'chromium' as const }],
};

/** A Vitest project that runs every story with the given toolbar globals. */
export function storybookProject(name: string, initialGlobals: Record<string, unknown>) {
  return mergeConfig(
    shared,
    defineProject({
      plugins: [storybookTest({ configDir, initialGlobals })],
      // Same as main.ts: decorators in .storybook/ are Preact JSX, not React.
      oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      test: { name, browser },
    }),
  );
}

// The Indonesian, dark run is .storybook/vitest.id.config.ts.
export default storybookProject('storybook-en', { locale: 'en', theme: 'light' });
