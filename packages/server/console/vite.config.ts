import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The agent console: a small Preact app the reference server serves at /console.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  build: { outDir: fileURLToPath(new URL('../dist/console', import.meta.url)), emptyOutDir: true },
});
