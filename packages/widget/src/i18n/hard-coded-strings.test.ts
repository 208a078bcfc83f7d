import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const componentsDir = join(dirname(fileURLToPath(import.meta.url)), '../components/');

function componentSources(): { file: string; source: string }[] {
  const files: { file: string; source: string }[] = [];
  for (const entry of readdirSync(componentsDir, { withFileTypes: true, recursive: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !file.endsWith('.tsx')) continue;
    if (/\.(test|stories)\.tsx$/.test(file) || file.endsWith('test-support.tsx')) continue;
    files.push({ file: file.slice(componentsDir.length), source: readFileSync(file, 'utf8') });
  }
  return files;
}

/** Text between JSX tags that contains a letter and is not an expression: a sentence someone forgot to translate. */
export function hardCodedText(source: string): string[] {
  const found: string[] = [];
  const withoutComments = source.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const match of withoutComments.matchAll(/>([^<>{}]*\p{L}[^<>{}]*)</gu)) {
    const text = (match[1] ?? '').trim();
    // TypeScript generics and arrows (`Record<string, string>`, `=> a > b`) are not JSX text.
    if (text && !/[=;()&|]/.test(text)) found.push(text);
  }
  for (const match of withoutComments.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*)"/g)) {
    if ((match[2] ?? '').trim()) found.push(`${match[1]}="${match[2]}"`);
  }
  return found;
}

describe('component strings', () => {
  it('finds the components to scan', () => {
    expect(componentSources().length).toBeGreaterThanOrEqual(20);
  });

  it('catches a hard-coded sentence and a literal aria-label', () => {
    expect(hardCodedText('<p>Hello there</p><button aria-label="Close">{t("x")}</button>')).toEqual([
      'Hello there',
      'aria-label="Close"',
    ]);
  });

  it('has no user-facing text outside t() in any component', () => {
    const offenders = componentSources().flatMap(({ file, source }) =>
      hardCodedText(source).map((text) => `${file}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });
});
