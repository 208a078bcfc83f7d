/**
 * Builds of `@sapa/widget`, one per mode (the `build` script runs them in this order):
 *
 * - `app`: the chat app (Preact, SDK, strings, styles) as one hashed ES module, dist/app-*.js, plus a chunk
 *   per screen loaded on demand; dist/.vite/manifest.json names the entry. The loader imports it relative
 *   to its own URL. i18next comes without its debug-only messages and the API the app never calls (build/).
 * - `loader`: dist/sapa.js, a tiny IIFE; the app chunk's file name is injected from the manifest.
 * - `lib`: dist/index.js, the npm entry (`mount`) with Preact, i18next and the SDK left as imports.
 *
 * Declarations come from `tsc -p tsconfig.build.json` afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultClientConditions, defineConfig, type UserConfig } from 'vite';
import { quietI18next } from './build/quiet-i18next.js';
import { terserPass } from './build/terser-pass.js';
import { trimI18next } from './build/trim-i18next.js';

const dist = join(import.meta.dirname, 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
const APP_ENTRY = 'src/app/start-app.tsx';

// Workspace packages resolve to their source (the `source` export condition), so one build needs no prebuilt SDK.
const resolve = { conditions: ['source', ...defaultClientConditions] };

function appChunkName(): string {
  if (!existsSync(manifestPath))
    throw new Error(`${manifestPath} is missing: build the app first (--mode app).`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string }>;
  const entry = manifest[APP_ENTRY];
  if (!entry) throw new Error(`${manifestPath} has no entry for ${APP_ENTRY}.`);
  return entry.file;
}

export default defineConfig(({ mode }): UserConfig => {
  if (mode === 'loader') {
    return {
      resolve,
      plugins: [terserPass({ script: true })],
      define: { __SAPA_APP_CHUNK__: JSON.stringify(`./${appChunkName()}`) },
      build: {
        outDir: dist,
        emptyOutDir: false,
        copyPublicDir: false,
        minify: true,
        target: 'es2022',
        lib: {
          entry: 'src/loader/sapa.ts',
          formats: ['iife'],
          name: 'SapaLoader',
          fileName: () => 'sapa.js',
        },
        // The launcher's constants (styles/launcher-tokens.ts) written into its styles, not kept as variables.
        rolldownOptions: { optimization: { inlineConst: true } },
      },
    };
  }
  if (mode === 'lib') {
    return {
      resolve,
      build: {
        outDir: dist,
        emptyOutDir: false,
        copyPublicDir: false,
        minify: false,
        target: 'es2022',
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
        rolldownOptions: {
          external: [/^preact(\/.*)?$/, /^i18next$/, /^@sapa\//, /^@microsoft\//, /^idb-keyval$/],
        },
      },
    };
  }
  return {
    resolve,
    base: './',
    // What ships to visitors is compiled with Preact's `h(type, props, ...children)` rather than the automatic
    // runtime's `jsx(type, { ...props, children })`: the same elements, about 200 B less brotli in the chat's
    // download. Only .tsx files need it; rolldown compiles the .ts files itself (the injected import would
    // otherwise also land in them, and the chime's chunk would import the app for nothing).
    oxc: {
      jsx: { runtime: 'classic', pragma: '__h', pragmaFrag: '__Fragment' },
      jsxInject: "import { h as __h, Fragment as __Fragment } from 'preact'",
      include: /\.tsx$/,
    },
    plugins: [
      quietI18next(),
      trimI18next(),
      terserPass(),
      {
        // Vite wraps every dynamic import in a helper that preloads dependencies by adding <link> elements
        // to the host page's <head>. The lazy screens have none to preload (modulePreload is off, styles
        // are adopted by the app), and the embed must not touch the page: the wrapper just imports.
        name: 'sapa:plain-dynamic-import',
        enforce: 'pre',
        load(id) {
          if (id === '\0vite/preload-helper.js') return 'export const __vitePreload = (load) => load();';
        },
      },
    ],
    build: {
      outDir: dist,
      emptyOutDir: true,
      copyPublicDir: false,
      manifest: true,
      modulePreload: false,
      // The browsers the widget supports (docs/embedding.md): what ES2022, Web Locks and :focus-visible need.
      target: 'es2022',
      cssTarget: ['chrome94', 'edge94', 'firefox93', 'safari15.4'],
      rolldownOptions: {
        input: APP_ENTRY,
        // The loader calls the entry's `startApp` export: keep it. The entry may export more, for the
        // lazy screens to import what they share with it (Preact, strings) instead of a chunk of their own.
        preserveEntrySignatures: 'allow-extension',
        // Imported constants written where they are used, not kept as variables: fewer bytes to download.
        optimization: { inlineConst: true },
        // The Terser pass takes its seconds on purpose; no warning about it in every build's log.
        checks: { bundlerTimings: false },
        output: {
          entryFileNames: 'app-[hash].js',
          chunkFileNames: 'chunk-[hash].js',
          assetFileNames: 'asset-[hash][extname]',
          // Everything the entry imports statically is one file, the one the loader fetches: opening the
          // chat costs one request after sapa.js. Screens behind a dynamic import stay chunks of their own.
          codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
        },
      },
    },
  };
});
