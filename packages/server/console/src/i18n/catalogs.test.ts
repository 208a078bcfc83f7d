// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from './en.json' with { type: 'json' };
import id from './id.json' with { type: 'json' };

const english: Record<string, string> = en;
const indonesian: Record<string, string> = id;
const sourceDir = join(import.meta.dirname, '..');

/** The console's own code (components, containers, hooks), without tests. */
function sources(): { file: string; source: string }[] {
  return readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.includes('test-'))
    .map((file) => ({ file, source: readFileSync(join(sourceDir, file), 'utf8') }));
}

/** A plural key's base (`inbox.unread` for `inbox.unread_one`), every other key as it is. */
const base = (key: string) => key.replace(/_(one|other)$/, '');
const namespaces = new Set(Object.keys(english).map((key) => key.split('.')[0]));

/**
 * Every quoted string in the code that looks like a catalog key: `t('inbox.loadMore')`, and the keys kept in
 * tables (`label: 'inbox.filter.open'`). Keys are typed (`TranslationKey`), so they are always whole literals.
 * Action and event names (`type: 'message.sent'`, `case 'search.loaded':`) look alike and are left out.
 */
function keysIn(source: string): string[] {
  return [...source.matchAll(/(type: |type === |case |\.js'|)'([a-z][a-zA-Z0-9]*(?:\.[a-zA-Z0-9]+)+)'/g)]
    .filter((match) => match[1] === '')
    .map((match) => match[2] ?? '')
    .filter((key) => namespaces.has(key.split('.')[0]) && !/\.(js|ts|tsx|json|css)$/.test(key));
}

describe('console catalogs', () => {
  it('have the same keys in English and Indonesian', () => {
    expect(Object.keys(indonesian).sort()).toEqual(Object.keys(english).sort());
  });

  it('have no empty text, and keep every {{placeholder}} in both languages', () => {
    const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort();
    for (const [key, text] of Object.entries(english)) {
      const translated = indonesian[key] ?? '';
      expect(text.trim(), key).not.toBe('');
      expect(translated.trim(), key).not.toBe('');
      expect(placeholders(translated), key).toEqual(placeholders(text));
    }
  });

  it('use semantic keys, with both plural forms (_one, _other) where there is one', () => {
    for (const key of Object.keys(english)) {
      expect(key).toMatch(/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+(_one|_other)?$/);
      if (key.endsWith('_one')) expect(english, key).toHaveProperty([`${base(key)}_other`]);
      if (key.endsWith('_other')) expect(english, key).toHaveProperty([`${base(key)}_one`]);
    }
  });

  it('are written for Indonesian readers, not copied from English', () => {
    // Only names, codes and symbols may read the same in both languages.
    const same = Object.keys(english).filter((key) => english[key] === indonesian[key]);
    expect(same.sort()).toEqual([
      'author.bot',
      'author.botUnnamed',
      'care.campaigns.csat',
      'care.campaigns.share',
      'care.daily.none',
      'care.daily.npsScore',
      'care.heading',
      'care.nps.score',
      'composer.quickReplyLabel',
      'composer.quickReplyPayload',
      'nav.care',
      'profile.email',
      'profile.offline',
      'profile.online',
      'profile.status',
    ]);
  });
});

describe('keys the console uses', () => {
  const files = sources();
  const used = files.flatMap(({ file, source }) => keysIn(source).map((key) => ({ file, key })));

  it('finds the keys in the code', () => {
    expect(used.length).toBeGreaterThan(130);
  });

  it('are all in the catalogs', () => {
    const missing = used.filter(({ key }) => !(key in english) && !(`${key}_other` in english));
    expect(missing.map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  it('leave no key of the catalogs unused', () => {
    const seen = new Set(used.map(({ key }) => key));
    const unused = [...new Set(Object.keys(english).map(base))].filter((key) => !seen.has(key));
    expect(unused).toEqual([]);
  });
});
