/**
 * Measures the SDK's own code as a visitor's browser gets it: builds the widget's chat app (`vite build --mode app`,
 * the same bundler, minifier and target that ship), finds the chunk that carries the SDK, and attributes every
 * minified byte of it to its source file through the source map. Prints bytes per SDK file (with the
 * `@sapa/protocol` code it bundles: guards, backoff, MIME matching, templates), the brotli size (quality 11) of
 * those bytes together, and how many brotli bytes the chunk would lose without them (the SDK shares some words and
 * names with the rest of the chunk).
 *
 * Usage: `node packages/sdk/scripts/measure-size.mjs` from the repository root; it needs no prior build.
 * With `SAPA_SIZE_DUMP=<file>` it also writes the SDK's minified code there (and per file to `<file>.json`).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const root = resolve(import.meta.dirname, '..', '..', '..');
// The protocol's shared code (guards, backoff, MIME matching, templates) ships inside the SDK: it counts as the SDK's.
const isOwn = (source) => source !== null && /packages\/(sdk\/src\/|protocol\/src\/)/.test(source);
const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const outDir = mkdtempSync(join(tmpdir(), 'sapa-sdk-size-'));
try {
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', 'app', '--logLevel', 'warn', '--outDir', outDir, '--sourcemap'],
    { cwd: join(root, 'packages', 'widget'), stdio: 'inherit' },
  );
  const chunk = readdirSync(outDir).find(
    (file) =>
      file.endsWith('.js') && readFileSync(join(outDir, `${file}.map`), 'utf8').includes('create-client.ts'),
  );
  if (!chunk) throw new Error(`No chunk in ${outDir} carries the SDK.`);
  const code = readFileSync(join(outDir, chunk), 'utf8');
  const lines = code.split('\n');
  /** @type {{ line: number, column: number, source: string | null }[]} */
  const mappings = [];
  new SourceMapConsumer(JSON.parse(readFileSync(join(outDir, `${chunk}.map`), 'utf8'))).eachMapping(
    (mapping) =>
      mappings.push({ line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source }),
  );
  mappings.sort((a, b) => a.line - b.line || a.column - b.column);
  /** @type {Map<string, string>} */
  const perFile = new Map();
  let own = '';
  let others = '';
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const text = lines[mapping.line - 1] ?? '';
    const lineEnds = !next || next.line !== mapping.line;
    const piece = text.slice(mapping.column, lineEnds ? text.length : next.column) + (lineEnds ? '\n' : '');
    if (!isOwn(mapping.source)) {
      others += piece;
      return;
    }
    const name = /** @type {string} */ (mapping.source).replace(/^.*packages\//, '');
    perFile.set(name, (perFile.get(name) ?? '') + piece);
    own += piece;
  });
  if (process.env.SAPA_SIZE_DUMP) {
    writeFileSync(process.env.SAPA_SIZE_DUMP, own);
    writeFileSync(`${process.env.SAPA_SIZE_DUMP}.json`, JSON.stringify(Object.fromEntries(perFile)));
  }
  for (const [name, text] of [...perFile].sort((a, b) => b[1].length - a[1].length))
    console.info(`${String(Buffer.byteLength(text)).padStart(7)}  ${name}`);
  const whole = brotli(code);
  console.info(`SDK own code in ${chunk}: ${Buffer.byteLength(own)} B minified, ${brotli(own)} B brotli`);
  console.info(`the whole chunk: ${Buffer.byteLength(code)} B minified, ${whole} B brotli`);
  console.info(`the chunk without the SDK: ${whole - brotli(others)} B brotli less`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
