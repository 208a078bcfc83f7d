import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { describe, expect, test } from 'vitest';

// Size is a test (DESIGN.md, rules of taste 6): these read what `npm run build` wrote, the files that ship.
const dist = join(import.meta.dirname, '..', 'dist');
const APP_ENTRY = 'src/app/start-app.tsx';
const LOADER_BUDGET = 2_000;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

function brotliSize(file: string): number {
  return brotliCompressSync(readFileSync(join(dist, file)), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
}

function requireBuild(file: string): string {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first.`);
  return path;
}

/** Every file the loader's app chunk pulls in: its static and dynamic imports and their CSS. */
function appFiles(): string[] {
  const manifest = JSON.parse(readFileSync(requireBuild('.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit(APP_ENTRY);
  return [...files];
}

describe('widget size', () => {
  test(`sapa.js is at most ${LOADER_BUDGET} B brotli`, () => {
    requireBuild('sapa.js');
    const size = brotliSize('sapa.js');
    console.info(`sapa.js: ${size} B brotli`);
    expect(size).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  test('sapa.js loads the app chunk that the build wrote, by its hashed name', () => {
    const loader = readFileSync(requireBuild('sapa.js'), 'utf8');
    const [entry] = appFiles();
    expect(entry).toMatch(/^app-[\w-]{8}\.js$/);
    expect(loader).toContain(`./${entry}`);
    requireBuild(entry as string);
  });

  test('what a visitor downloads to chat is measured from the shipped files', () => {
    const files = ['sapa.js', ...appFiles()];
    const sizes = files.map((file) => [file, brotliSize(file)] as const);
    const total = sizes.reduce((sum, [, size]) => sum + size, 0);
    console.info(
      `chat download (brotli): ${sizes.map(([file, size]) => `${file} ${size} B`).join(', ')}; total ${total} B`,
    );
    // Both locales ship inside the app chunk: the Indonesian strings are part of what is measured.
    const app = files
      .slice(1)
      .map((file) => readFileSync(join(dist, file), 'utf8'))
      .join('');
    expect(app).toContain('Buka obrolan');
    expect(app).toContain('Open chat');
    expect(total).toBeGreaterThan(brotliSize('sapa.js'));
  });
});
