/**
 * Storybook for the widget: every screen and component of `@sapa/widget`, in English and Indonesian,
 * light and dark, with a pinned clock and a fake client (no backend needed).
 * `npm run storybook` to browse, `npm run build-storybook` for the static site the reference server
 * serves at `/storybook/`, and the `storybook-en`/`storybook-id` Vitest projects run every story as a test.
 */
import type { StorybookConfig } from '@storybook/preact-vite';

const config: StorybookConfig = {
  framework: { name: '@storybook/preact-vite', options: {} },
  stories: ['../packages/widget/src/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-docs', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // The reference server serves the static build under /storybook/, so every asset URL must be relative.
  viteFinal: async (viteConfig) => {
    viteConfig.base = './';
    // Without this, .storybook/preview.tsx (outside any package) is compiled for React, whose frozen
    // elements Preact cannot render.
    viteConfig.oxc = { ...(viteConfig.oxc || {}), jsx: { runtime: 'automatic', importSource: 'preact' } };
    return viteConfig;
  },
};

export default config;
