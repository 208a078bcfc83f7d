// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sourceDir = join(import.meta.dirname, '..');

/** Every `.tsx` file of the console but tests: the components and the containers that render text. */
function renderingSources(): { file: string; source: string }[] {
  return readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx') && !/\.test\.tsx$/.test(file))
    .map((file) => ({ file, source: readFileSync(join(sourceDir, file), 'utf8') }));
}

/**
 * Text between JSX tags that contains a letter and is not an expression, and literal user-facing attributes:
 * a sentence someone forgot to translate.
 */
export function hardCodedText(source: string): string[] {
  const found: string[] = [];
  const withoutComments = source.replace(/\{\/\*[\s\S]*?\*\/\}/g, '').replace(/^\s*\/\/.*$/gm, '');
  // After an arrow's `>` comes a type or code (`() => Promise<void>`), not JSX text.
  for (const match of withoutComments.matchAll(/(?<!=)>([^<>{}]*\p{L}[^<>{}]*)</gu)) {
    const text = (match[1] ?? '').trim();
    // TypeScript generics (`Record<string, string>`) and regular expressions are not JSX text either.
    if (text && !/[=;()&|\\[]/.test(text)) found.push(text);
  }
  for (const match of withoutComments.matchAll(/\b(aria-label|title|placeholder|alt|label)="([^"]*)"/g)) {
    if ((match[2] ?? '').trim()) found.push(`${match[1]}="${match[2]}"`);
  }
  // A sentence handed to the screen as a string: `? 'Loading…' :`, `setError('Write a reply first.')`.
  for (const match of withoutComments.matchAll(/(?:[?:(]|return)\s*'([A-Z][a-z]+ [^']*)'/g)) {
    found.push(`'${match[1]}'`);
  }
  return found;
}

describe('console strings', () => {
  it('finds the components to scan', () => {
    expect(renderingSources().length).toBeGreaterThanOrEqual(15);
  });

  it('catches a hard-coded sentence, a literal aria-label and a sentence in an expression', () => {
    expect(
      hardCodedText(
        `<p>Hello there</p><button aria-label="Close">{t('x')}</button>{busy ? 'Loading more…' : t('y')}`,
      ),
    ).toEqual(['Hello there', 'aria-label="Close"', "'Loading more…'"]);
  });

  it('has no user-facing text outside the catalogs in any component', () => {
    const offenders = renderingSources().flatMap(({ file, source }) =>
      hardCodedText(source).map((text) => `${file}: ${text}`),
    );
    expect(offenders).toEqual([]);
  });
});
