import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

// `npx vite build -c examples/headless/vite.config.ts` → examples/headless/dist, which the reference server serves
// at /examples/headless/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true },
});
