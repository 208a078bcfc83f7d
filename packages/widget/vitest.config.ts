import { defineProject, mergeConfig } from 'vitest/config';
import shared from '../../vite.config.js';

export default mergeConfig(
  shared,
  defineProject({
    test: {
      name: 'widget',
      environment: 'happy-dom',
      include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      // The style tests read the widget's one stylesheet as the app builds it (`?inline`, @imports resolved).
      css: { include: [/\.css/] },
    },
  }),
);
