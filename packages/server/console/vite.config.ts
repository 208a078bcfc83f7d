import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

// The agent console: a small Preact app the reference server serves at /console.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  // Workspace packages resolve to their source, so the console builds before they do.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { outDir: fileURLToPath(new URL('../dist/console', import.meta.url)), emptyOutDir: true },
});
