import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { build, defaultClientConditions } from 'vite';
import { expect, test } from 'vitest';

/**
 * Size is a test (DESIGN.md, rules of taste 6). The SDK's own code (with the `@sapa/protocol` guards it bundles) as a
 * browser gets it: `src/index.ts` built by Vite for the browser, minified, with the two libraries it depends on left
 * out (they are counted with the mandated libraries), compressed with brotli at quality 11. The limit was 10,700 B
 * (measured 10,407 B then; 12,887 B before the SDK was made smaller) and is 10,800 B since a start that found no
 * network tries again by itself and a hidden page saves at once (10,710 B measured). It is 11,600 B since the client
 * was split into one part per concept (issue 10: 11,511 B measured, +806 B: the parts call each other through
 * property names the minifier keeps, where one closure's locals became single letters). It is 12,000 B since the
 * stream survives fuzzing (an event over 1 MiB is cut, BOMs and colon-less fields read as the standard says, no
 * leak per reconnect) and campaigns fill `{{event.<key>}}` (11,605 B measured), with room for the customer-care
 * calls (campaign seen, the source of profile data). The budget that counts is DESIGN.md's chat download, which
 * `packages/widget/test/size.test.ts` holds.
 * `scripts/measure-size.mjs` gives the same code's share of the widget's app chunk, per file.
 */
const BUDGET_BYTES = 12_000;

test(`the SDK's own code stays within ${BUDGET_BYTES} B minified and brotli-compressed`, async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'sapa-sdk-size-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      resolve: { conditions: ['source', ...defaultClientConditions] },
      build: {
        outDir,
        target: 'es2022',
        copyPublicDir: false,
        modulePreload: false,
        // An app build, as the widget ships the SDK (a library build would keep the whitespace).
        rolldownOptions: {
          input: join(import.meta.dirname, '..', 'src', 'index.ts'),
          preserveEntrySignatures: 'exports-only',
          external: ['@microsoft/fetch-event-source', 'idb-keyval'],
          output: { entryFileNames: 'sdk.js' },
        },
      },
    });
    const code = await readFile(join(outDir, 'sdk.js'));
    expect(code.toString()).toContain('fetch-event-source');
    const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.info(`SDK own code: ${code.length} B minified, ${brotli} B brotli`);
    expect(brotli).toBeLessThanOrEqual(BUDGET_BYTES);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}, 30_000);
