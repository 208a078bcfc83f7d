import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test, vi } from 'vitest';
import { I18NEXT_DEBUG_CALLS, quietI18nextSource } from '../build/quiet-i18next.js';

const require = createRequire(import.meta.url);
const i18nextSource = readFileSync(
  require.resolve('i18next').replace(/dist[\\/]cjs[\\/]i18next\.js$/, 'dist/esm/i18next.js'),
  'utf8',
);

describe('quiet-i18next (the build leaves out i18next messages printed only in debug mode)', () => {
  test('removes the messages of log, warn, deprecate and once calls, and keeps the calls', () => {
    const { code, calls } = quietI18nextSource(
      [
        'class L { f(a, b) {',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source as text
        '  this.logger.warn(`missed ${a}`, b);',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: JavaScript source as text
        "  this.logger.once(a, 'deprecate', `long ${a} sentence`);",
        "  this.services.logger.log('initialized', this.options);",
        "  baseLogger.deprecate('old');",
        "  this.logger.error('No Intl support');",
        "  console.warn('not a logger');",
        "  other.warn('not a logger either');",
        '} }',
      ].join('\n'),
    );
    expect(calls).toBe(4);
    expect(code).toBe(
      [
        'class L { f(a, b) {',
        '  this.logger.warn();',
        "  this.logger.once(a, 'deprecate');",
        '  this.services.logger.log();',
        '  baseLogger.deprecate();',
        "  this.logger.error('No Intl support');",
        "  console.warn('not a logger');",
        "  other.warn('not a logger either');",
        '} }',
      ].join('\n'),
    );
  });

  test('finds every debug-only call of the pinned i18next, and what is left still translates', async () => {
    const { code, calls } = quietI18nextSource(i18nextSource);
    expect(calls).toBe(I18NEXT_DEBUG_CALLS);
    expect(code.length).toBeLessThan(i18nextSource.length - 4_000);
    expect(code).not.toContain('You should call init just once');
    expect(code).toContain('No Intl support, please use an Intl polyfill!');
    const { default: i18next } = (await import(
      `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`
    )) as typeof import('i18next');
    // With debug on, the logger is still called, now without the sentence.
    const logger = { type: 'logger' as const, log: vi.fn(), warn: vi.fn(), error: vi.fn() };
    const instance = i18next.createInstance().use(logger);
    instance.init({
      debug: true,
      lng: 'id',
      fallbackLng: 'en',
      initAsync: false,
      resources: { en: { translation: { hi: 'Hi {{name}}', n_one: 'one', n_other: '{{count}} items' } } },
    });
    expect(instance.t('hi', { name: 'Sari' })).toBe('Hi Sari');
    expect(instance.t('n', { count: 3 })).toBe('3 items');
    expect(logger.log).toHaveBeenCalledWith([]);
  });
});
