/**
 * Where the bytes of the chat download go: builds the widget's chat app (`vite build --mode app`, the same
 * bundler, minifier and target that ship) with source maps, and attributes every minified byte of the app
 * chunk to a part through the map: each npm package (preact, i18next, …), the SDK, the protocol, the widget's
 * components, its app, its styles and its string catalogs. For each part it prints its minified bytes, the
 * brotli size (quality 11) of its bytes alone, and what the chunk would lose without them (parts share words
 * with the rest of the chunk, so that is less than the part alone).
 *
 * Usage: `node packages/widget/scripts/measure-size.mjs` from the repository root; it needs no prior build.
 * `--files` lists the largest source files too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const root = resolve(import.meta.dirname, '..', '..', '..');
const brotli = (text) =>
  brotliCompressSync(Buffer.from(text), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The part a source file belongs to. */
function partOf(source) {
  // The JSON catalogs carry no source map of their own.
  if (source === null) return 'widget: string catalogs (JSON)';
  const dependency = source.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1];
  const own = source.match(/packages\/(\w+)\/src\/(?:([\w-]+)\/)?/);
  if (!own) return source;
  if (own[1] !== 'widget') return `@sapa/${own[1]}`;
  if (/\.css$/.test(source) || own[2] === 'styles') return 'widget: styles';
  return `widget: ${own[2] ?? 'shell'}`;
}

const outDir = mkdtempSync(join(tmpdir(), 'sapa-widget-size-'));
try {
  execFileSync(
    'npx',
    ['vite', 'build', '--mode', 'app', '--logLevel', 'warn', '--outDir', outDir, '--sourcemap'],
    { cwd: join(root, 'packages', 'widget'), stdio: 'inherit' },
  );
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'));
  const chunk = manifest['src/app/start-app.tsx'].file;
  const code = readFileSync(join(outDir, chunk), 'utf8');
  const lines = code.split('\n');
  const mappings = [];
  new SourceMapConsumer(JSON.parse(readFileSync(join(outDir, `${chunk}.map`), 'utf8'))).eachMapping(
    (mapping) =>
      mappings.push({ line: mapping.generatedLine, column: mapping.generatedColumn, source: mapping.source }),
  );
  mappings.sort((a, b) => a.line - b.line || a.column - b.column);
  /** Text per part, and per part the text of everything else. */
  const parts = new Map();
  const files = new Map();
  let covered = 0;
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const text = lines[mapping.line - 1] ?? '';
    const lineEnds = !next || next.line !== mapping.line;
    const piece = text.slice(mapping.column, lineEnds ? text.length : next.column) + (lineEnds ? '\n' : '');
    covered += piece.length;
    const part = partOf(mapping.source);
    parts.set(part, [...(parts.get(part) ?? []), [index, piece]]);
    const file = (mapping.source ?? '(unmapped)').replace(/^.*?(node_modules|packages)\//, '');
    files.set(file, (files.get(file) ?? 0) + Buffer.byteLength(piece));
  });
  const whole = brotli(code);
  const ordered = mappings.map(() => '');
  for (const pieces of parts.values()) for (const [index, piece] of pieces) ordered[index] = piece;
  const rows = [...parts].map(([part, pieces]) => {
    const own = pieces.map(([, piece]) => piece).join('');
    const mine = new Set(pieces.map(([index]) => index));
    const rest = ordered.filter((_, index) => !mine.has(index)).join('');
    return { part, minified: Buffer.byteLength(own), alone: brotli(own), share: whole - brotli(rest) };
  });
  rows.sort((a, b) => b.share - a.share);
  console.info(
    `${'part'.padEnd(34)} ${'minified'.padStart(9)} ${'brotli'.padStart(7)} ${'in chunk'.padStart(9)}`,
  );
  for (const row of rows)
    console.info(
      `${row.part.padEnd(34)} ${String(row.minified).padStart(9)} ${String(row.alone).padStart(7)} ${String(row.share).padStart(9)}`,
    );
  console.info(
    `${chunk}: ${Buffer.byteLength(code)} B minified, ${whole} B brotli (${code.length - covered} B unmapped)`,
  );
  for (const [name, file] of Object.entries(manifest))
    if (file.file !== chunk && file.file.endsWith('.js'))
      console.info(`  on demand: ${name} ${brotli(readFileSync(join(outDir, file.file), 'utf8'))} B brotli`);
  if (process.argv.includes('--files'))
    for (const [file, bytes] of [...files].sort((a, b) => b[1] - a[1]).slice(0, 40))
      console.info(`${String(bytes).padStart(7)}  ${file}`);
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
