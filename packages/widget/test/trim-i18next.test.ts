import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { quietI18nextSource } from '../build/quiet-i18next.js';
import { I18NEXT_UNUSED_METHODS, trimClassMethods, trimI18nextSource } from '../build/trim-i18next.js';

const require = createRequire(import.meta.url);
const i18nextSource = readFileSync(
  require.resolve('i18next').replace(/dist[\\/]cjs[\\/]i18next\.js$/, 'dist/esm/i18next.js'),
  'utf8',
);
const removed = [...new Set(Object.values(I18NEXT_UNUSED_METHODS).flat())];

describe('trim-i18next (the build leaves out the i18next API the widget never calls)', () => {
  test('removes the listed methods of the listed classes only, and names those it did not find', () => {
    const { code, missing } = trimClassMethods(
      [
        'class A { keep() { return 1; } drop(x) { return x; } static drop() { return 2; } }',
        'class B { drop() {} }',
      ].join('\n'),
      { A: ['drop', 'gone'] },
    );
    expect(code).toBe(
      ['class A { keep() { return 1; }  static drop() { return 2; } }', 'class B { drop() {} }'].join('\n'),
    );
    expect(missing).toEqual(['A.gone']);
  });

  test('fails on a release that calls one of them inside, or lacks one', () => {
    const calling = i18nextSource.replace('changeLanguage(lng, callback) {', '$& this.getFixedT(lng);');
    expect(calling).not.toBe(i18nextSource);
    expect(() => trimI18nextSource(calling)).toThrow(/getFixedT \(2 references, not 1\)/);
    const without = i18nextSource.replace('  hydrate(resources, lng) {', '  rehydrate(resources, lng) {');
    expect(() => trimI18nextSource(without)).toThrow(/I18n\.hydrate not found/);
  });

  test('the pinned i18next, trimmed after its debug messages, still does all the widget asks of it', async () => {
    const code = trimI18nextSource(quietI18nextSource(i18nextSource).code);
    expect(code.length).toBeLessThan(i18nextSource.length - 10_000);
    const { default: i18next } = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    )) as typeof import('i18next');
    const instance = i18next.createInstance();
    for (const method of removed) expect(method in instance, method).toBe(false);
    instance.init({
      resources: {
        en: {
          translation: {
            hi: 'Hi {{name}}',
            n_one: 'one item',
            n_other: '{{count}} items',
            nested: 'Say: $t(hi)',
            only: 'English only',
          },
        },
        id: { translation: { hi: 'Halo {{name}}', n_other: '{{count}} barang' } },
      },
      lng: 'en',
      fallbackLng: 'en',
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
    });
    expect(instance.t('hi', { name: 'Tom & Sari' })).toBe('Hi Tom & Sari');
    expect(instance.t('n', { count: 1 })).toBe('one item');
    expect(instance.t('n', { count: 3 })).toBe('3 items');
    expect(instance.t('nested', { name: 'Sari' })).toBe('Say: Hi Sari');
    const changes: string[] = [];
    instance.on('languageChanged', (language: string) => changes.push(language));
    await instance.changeLanguage('id');
    expect(changes).toEqual(['id']);
    expect(instance.language).toBe('id');
    expect(instance.t('n', { count: 1 })).toBe('1 barang');
    expect(instance.t('only')).toBe('English only');
    expect(instance.t('missing.key')).toBe('missing.key');
    instance.addResourceBundle('id', 'translation', { hi: 'not this', later: 'Nanti' }, true, false);
    instance.addResources('id', 'translation', { hi: 'Hai {{name}}' });
    expect(instance.t('hi', { name: 'Sari' })).toBe('Hai Sari');
    expect(instance.t('later')).toBe('Nanti');
    instance.addResourceBundle('ms', 'translation', { hi: 'Hai {{name}}!' }, true, true);
    await instance.changeLanguage('ms');
    expect(instance.t('hi', { name: 'Sari' })).toBe('Hai Sari!');
    expect(Object.keys(instance.store.data).sort()).toEqual(['en', 'id', 'ms']);
  });

  test("the widget's own code calls none of the methods left out", () => {
    const src = join(import.meta.dirname, '..', 'src');
    const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file) && !/\.(test|stories)\.tsx?$/.test(file))
      .map((file) => ({ file, source: readFileSync(join(src, file), 'utf8') }));
    expect(sources.length).toBeGreaterThan(50);
    const calls = sources.flatMap(({ file, source }) =>
      removed
        .filter((method) => new RegExp(`\\.${method}\\b`).test(source))
        .map((method) => `${file}: ${method}`),
    );
    expect(calls).toEqual([]);
  });
});
