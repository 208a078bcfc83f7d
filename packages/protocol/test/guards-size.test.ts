import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { build } from 'vite';
import { expect, it } from 'vitest';

/** The guards ship in the visitor's browser: their minified, brotli-compressed size has a budget. */
const BUDGET_BYTES = 1_850;

it(`the guards stay within ${BUDGET_BYTES} B minified and brotli-compressed`, async () => {
  const outDir = await mkdtemp(join(tmpdir(), 'sapa-guards-size-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir,
        minify: true,
        lib: {
          entry: fileURLToPath(new URL('../src/guards.ts', import.meta.url)),
          formats: ['es'],
          fileName: 'guards',
        },
      },
    });
    const code = await readFile(join(outDir, 'guards.js'));
    expect(code.toString()).toContain('parseStreamEvent');
    const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    console.info(`guards: ${code.length} B minified, ${brotli} B brotli`);
    expect(brotli).toBeLessThanOrEqual(BUDGET_BYTES);
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}, 30_000);
