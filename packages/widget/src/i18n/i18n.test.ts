import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import channelLinksEn from '../components/ChannelLinks/ChannelLinks.en.json' with { type: 'json' };
import channelLinksId from '../components/ChannelLinks/ChannelLinks.id.json' with { type: 'json' };
import {
  addStrings,
  createI18n,
  normalizeLocale,
  resolveLocale,
  type StringOverrides,
} from './create-i18n.js';
import en from './en.json' with { type: 'json' };
import { formatBytes, formatDay, formatTime } from './format.js';
import id from './id.json' with { type: 'json' };
import { addScreenStrings } from './screen-strings.js';
import screensEn from './screens.en.json' with { type: 'json' };
import screensId from './screens.id.json' with { type: 'json' };

// The chat's own catalog and those the chunks loaded on demand bring (the screens', the channel links' alone, which a
// site with channels shows at once): each checked alike. `adds` is what a module's source says when it adds that
// catalog as it loads.
const catalogs = [
  { name: 'chat', en, id: id as Record<string, string>, adds: undefined },
  { name: 'screens', en: screensEn, id: screensId as Record<string, string>, adds: 'addScreenStrings();' },
  {
    name: 'channel links',
    en: channelLinksEn,
    id: channelLinksId as Record<string, string>,
    adds: "from './ChannelLinks.en.json'",
  },
];
const onDemand = catalogs.slice(1);

describe('string catalogs', () => {
  it.each(catalogs)('$name: the same keys in English and Indonesian', (catalog) => {
    expect(Object.keys(catalog.id).sort()).toEqual(Object.keys(catalog.en).sort());
  });

  it.each(catalogs)('$name: no empty strings, every {{placeholder}} kept in both languages', (catalog) => {
    for (const [key, english] of Object.entries(catalog.en)) {
      const indonesian = catalog.id[key] ?? '';
      expect(english.trim(), key).not.toBe('');
      expect(indonesian.trim(), key).not.toBe('');
      const placeholders = (text: string) => (text.match(/{{\w+}}/g) ?? []).sort();
      expect(placeholders(indonesian), key).toEqual(placeholders(english));
    }
  });

  it.each(catalogs)('$name: semantic keys, never sentences', (catalog) => {
    for (const key of Object.keys(catalog.en)) expect(key).toMatch(/^[a-z]+(\.[a-zA-Z0-9]+)+(_one|_other)?$/);
  });

  it('has each key in one catalog only', () => {
    const keys = catalogs.flatMap((catalog) => Object.keys(catalog.en));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});

describe('keys the components use', () => {
  const componentsDir = join(import.meta.dirname, '..', 'components');
  const sources = readdirSync(componentsDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.tsx') && !/\.(test|stories)\.tsx$/.test(file))
    .map((file) => ({ file, source: readFileSync(join(componentsDir, file), 'utf8') }));
  const used = (source: string) =>
    [...source.matchAll(/\bt\(\s*'([a-z][\w.]+)'/g), ...source.matchAll(/return '([a-z]+\.[\w.]+)'/g)].map(
      (match) => match[1] ?? '',
    );
  const inCatalog = (catalog: Record<string, string>, key: string) =>
    key in catalog || `${key}_other` in catalog;

  it('finds keys to check', () => {
    expect(sources.flatMap(({ source }) => used(source)).length).toBeGreaterThan(60);
  });

  it('are all in a catalog', () => {
    const missing = sources.flatMap(({ file, source }) =>
      used(source)
        .filter((key) => !catalogs.some((catalog) => inCatalog(catalog.en, key)))
        .map((key) => `${file}: ${key}`),
    );
    expect(missing).toEqual([]);
  });

  it('from a catalog loaded on demand only where the module adds it when it loads (or its caller translates)', () => {
    const unreachable = sources.flatMap(({ file, source }) =>
      used(source)
        .filter((key) => {
          const catalog = onDemand.find((candidate) => inCatalog(candidate.en, key));
          return catalog?.adds && !source.includes(catalog.adds) && !file.includes('FormField');
        })
        .map((key) => `${file}: ${key}`),
    );
    expect(unreachable).toEqual([]);
  });
});

describe('createI18n', () => {
  it('translates in the chosen locale and switches at runtime', async () => {
    const i18n = createI18n({ locale: 'id' });
    expect(i18n.t('composer.send')).toBe('Kirim');
    expect(i18n.t('composer.placeholder')).toBe('Ketik pesan…');
    expect(i18n.t('message.seen')).toBe('Dilihat');
    const changes: string[] = [];
    i18n.onChange((locale) => changes.push(locale));
    await i18n.changeLanguage('en');
    expect(i18n.t('composer.send')).toBe('Send');
    expect(i18n.locale()).toBe('en');
    expect(changes).toEqual(['en']);
  });

  it('defaults to English', () => {
    expect(createI18n().t('launcher.open')).toBe('Open chat');
  });

  it('applies per-locale overrides only to their locale', async () => {
    const i18n = createI18n({
      locale: 'id',
      strings: { id: { 'composer.placeholder': 'Tulis pertanyaan Anda…' }, en: { 'composer.send': 'Go' } },
    });
    expect(i18n.t('composer.placeholder')).toBe('Tulis pertanyaan Anda…');
    expect(i18n.t('composer.send')).toBe('Kirim');
    await i18n.changeLanguage('en');
    expect(i18n.t('composer.placeholder')).toBe('Type a message…');
    expect(i18n.t('composer.send')).toBe('Go');
  });

  it('pluralizes per language', async () => {
    const i18n = createI18n({ locale: 'en' });
    expect(i18n.t('launcher.unread', { count: 1 })).toBe('1 unread message');
    expect(i18n.t('launcher.unread', { count: 5 })).toBe('5 unread messages');
    await i18n.changeLanguage('id');
    expect(i18n.t('launcher.unread', { count: 1 })).toBe('1 pesan belum dibaca');
    expect(i18n.t('launcher.unread', { count: 5 })).toBe('5 pesan belum dibaca');
  });

  it('names each override that is not text for a bundled locale once, and keeps the rest', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const i18n = createI18n({
      locale: 'id',
      strings: {
        id: { 'composer.send': 'Kirimkan', 'composer.placeholder': 42 },
        fr: { 'composer.send': 'Envoyer' },
        en: 'Send',
      } as unknown as StringOverrides,
    });
    expect(i18n.t('composer.send')).toBe('Kirimkan');
    expect(i18n.t('composer.placeholder')).toBe('Ketik pesan…');
    expect(errors.mock.calls.map(([message]) => message)).toEqual([
      "Sapa: strings.id['composer.placeholder'] is left out (text for 'en' or 'id' only).",
      "Sapa: strings.fr['composer.send'] is left out (text for 'en' or 'id' only).",
      'Sapa: strings.en is left out (texts by key).',
    ]);
    errors.mockRestore();
  });

  it('falls back to English for a key only English has, and shows an unknown key as itself', () => {
    const i18n = createI18n({ locale: 'id', strings: { en: { 'shop.promo': 'Free shipping today' } } });
    expect(i18n.t('shop.promo')).toBe('Free shipping today');
    expect(i18n.t('shop.unknown')).toBe('shop.unknown');
    expect(createI18n().t('launcher.unread', { count: 0 })).toBe('0 unread messages');
  });

  it("shows a screen's strings once its chunk has added them, under the widget's own overrides", () => {
    const i18n = createI18n({ locale: 'id', strings: { id: { 'prechat.submit': 'Ayo mulai' } } });
    addScreenStrings();
    expect(i18n.t('prechat.title')).toBe(screensId['prechat.title']);
    expect(i18n.t('prechat.submit')).toBe('Ayo mulai');
    addStrings({ en: { 'shop.later': 'Added later' } });
    expect(i18n.t('shop.later')).toBe('Added later');
  });

  it('does not HTML-escape interpolated values (the DOM renders them as text)', () => {
    expect(createI18n().t('typing.one', { name: 'Tom & Jerry' })).toBe('Tom & Jerry is typing…');
  });

  it('keeps two instances independent', async () => {
    const first = createI18n({ locale: 'en' });
    const second = createI18n({ locale: 'en' });
    await second.changeLanguage('id');
    expect(first.t('composer.send')).toBe('Send');
  });
});

describe('createI18n on i18next', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('is ready in the same task it is created in (no flash of keys on the first render)', () => {
    const i18n = createI18n({ locale: 'id' });
    expect(i18n.instance.isInitialized).toBe(true);
    expect(i18n.instance.options.initAsync).toBe(false);
    expect(i18n.t('launcher.open')).toBe('Buka obrolan');
  });

  it("is the widget's own instance, never the page's global i18next", () => {
    const i18n = createI18n({ locale: 'id' });
    expect(i18n.instance).not.toBe(i18next);
    expect(i18next.isInitialized).toBeFalsy();
  });

  it('interpolates with i18next: {{name}} and $t() nesting in an override', () => {
    const i18n = createI18n({
      locale: 'en',
      strings: { en: { 'composer.placeholder': 'Write to $t(header.agents)…' } },
    });
    expect(i18n.t('typing.one', { name: 'Sari' })).toBe('Sari is typing…');
    expect(i18n.t('composer.placeholder')).toBe('Write to Our team…');
  });

  it('adds a third language at runtime, switches to it and falls back to English for keys it lacks', async () => {
    const i18n = createI18n({ locale: 'id' });
    const changes: string[] = [];
    i18n.onChange((locale) => changes.push(locale));
    i18n.addLocale('ms', {
      'composer.send': 'Hantar',
      'typing.one': '{{name}} sedang menaip…',
      'launcher.unread_other': '{{count}} mesej belum dibaca',
      'language.ms': 'Bahasa Melayu',
    });
    expect(i18n.locale()).toBe('id');
    expect(i18n.locales()).toEqual(['en', 'id', 'ms']);
    await i18n.changeLanguage('ms-MY');
    expect(i18n.locale()).toBe('ms');
    // Once for the language added (still Indonesian), once for the switch.
    expect(changes).toEqual(['id', 'ms']);
    expect(i18n.t('composer.send')).toBe('Hantar');
    expect(i18n.t('typing.one', { name: 'Aminah' })).toBe('Aminah sedang menaip…');
    // Malay has one plural form: Intl.PluralRules('ms') says "other" for every count.
    expect(i18n.t('launcher.unread', { count: 1 })).toBe('1 mesej belum dibaca');
    expect(i18n.t('composer.placeholder')).toBe('Type a message…');
    expect(i18n.t('launcher.open')).toBe('Open chat');
  });

  it('switches to a language asked for before a site added it, once added', () => {
    const i18n = createI18n({ locale: 'ms' });
    expect(i18n.locale()).toBe('en');
    i18n.addLocale('ms', { 'composer.send': 'Hantar' });
    expect(i18n.locale()).toBe('ms');
    expect(i18n.t('composer.send')).toBe('Hantar');
  });

  it('tells listeners when a language was added, also one that is not shown', () => {
    const i18n = createI18n({ locale: 'en' });
    const changes: string[] = [];
    i18n.onChange((locale) => changes.push(locale));
    i18n.addLocale('ms', { 'composer.send': 'Hantar' });
    expect(changes).toEqual(['en']);
  });

  it('tells listeners when strings of the current language were added', () => {
    const i18n = createI18n({ locale: 'en' });
    i18n.addLocale('ms', { 'composer.send': 'Hantar' });
    void i18n.changeLanguage('ms');
    const changes: string[] = [];
    i18n.onChange((locale) => changes.push(locale));
    i18n.addLocale('ms', { 'composer.placeholder': 'Taip mesej…' });
    expect(changes).toEqual(['ms']);
    expect(i18n.t('composer.placeholder')).toBe('Taip mesej…');
    expect(i18n.t('composer.send')).toBe('Hantar');
  });

  it('a tag it has no strings for falls back to <html lang>, the browser, then English', async () => {
    const i18n = createI18n({ locale: 'id' });
    document.documentElement.lang = 'id-ID';
    await i18n.changeLanguage('fr');
    expect(i18n.locale()).toBe('id');
    document.documentElement.lang = '';
    await i18n.changeLanguage('fr');
    // happy-dom's navigator.languages is English.
    expect(i18n.locale()).toBe('en');
  });

  it('refuses what is not a language code or not text, naming it once, and keeps the rest', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const i18n = createI18n({ locale: 'en' });
    i18n.addLocale('../ms', { 'composer.send': 'Hantar' });
    i18n.addLocale('ms', { 'composer.send': 'Hantar', 'composer.placeholder': 7 } as unknown as Record<
      string,
      string
    >);
    i18n.addLocale('jv', 'Kirim' as unknown as Record<string, string>);
    expect(i18n.locales()).toEqual(['en', 'id', 'ms']);
    expect(errors.mock.calls.map(([message]) => message)).toEqual([
      "Sapa('addLocale'): '../ms' is not a language code such as 'ms' or 'pt-BR'.",
      "Sapa: addLocale('ms')['composer.placeholder'] is left out (text only).",
      "Sapa: addLocale('jv') is left out (texts by key).",
    ]);
  });

  it("adds the screens' strings to widgets alive and to widgets created later, with addResourceBundle", () => {
    const before = createI18n({ locale: 'en' });
    const added = vi.spyOn(before.instance, 'addResourceBundle');
    addStrings({ en: { 'shop.banner': 'Sale' }, id: { 'shop.banner': 'Diskon' } });
    expect(added).toHaveBeenCalledWith('en', 'translation', { 'shop.banner': 'Sale' }, true, false);
    expect(before.t('shop.banner')).toBe('Sale');
    expect(createI18n({ locale: 'id' }).t('shop.banner')).toBe('Diskon');
  });
});

describe('normalizeLocale', () => {
  it('matches a tag to a language the widget has, by the whole tag first, then by its language', () => {
    expect(normalizeLocale('pt-BR', ['en', 'pt-BR', 'pt'])).toBe('pt-BR');
    expect(normalizeLocale('pt_pt', ['en', 'pt-BR', 'pt'])).toBe('pt');
    expect(normalizeLocale('MS-my', ['en', 'id', 'ms'])).toBe('ms');
    expect(normalizeLocale('in-ID')).toBe('id');
    expect(normalizeLocale('ms')).toBeUndefined();
    expect(normalizeLocale(' ')).toBeUndefined();
  });
});

describe('resolveLocale', () => {
  it('prefers the option, then <html lang>, then navigator.languages, then English', () => {
    expect(resolveLocale('id', 'en', ['en-US'])).toBe('id');
    expect(resolveLocale(undefined, 'id-ID', ['en-US'])).toBe('id');
    expect(resolveLocale(undefined, '', ['fr-FR', 'id-ID', 'en'])).toBe('id');
    expect(resolveLocale(undefined, 'fr', ['de'])).toBe('en');
    expect(resolveLocale(null, null, null)).toBe('en');
  });

  it('picks among the languages given, also one a site added', () => {
    expect(resolveLocale(undefined, 'ms', ['id'], ['en', 'id', 'ms'])).toBe('ms');
    expect(resolveLocale(undefined, 'ms', ['id'])).toBe('id');
  });

  it('skips unsupported values and normalizes tags', () => {
    expect(resolveLocale('fr', 'ID', [])).toBe('id');
    expect(resolveLocale('en-GB', 'id', [])).toBe('en');
    expect(resolveLocale(undefined, 'in', [])).toBe('id');
  });
});

describe('formatting through Intl', () => {
  const now = new Date(2026, 10, 25, 15, 0);

  it('formats times per locale', () => {
    const at = new Date(2026, 10, 25, 14, 5);
    expect(formatTime(at, 'id')).toBe('14.05');
    expect(formatTime(at, 'en')).toMatch(/^2:05\sPM$/);
  });

  it('names nearby days and dates further away', () => {
    expect(formatDay(new Date(2026, 10, 25, 9), 'en', now)).toBe('Today');
    expect(formatDay(new Date(2026, 10, 24, 23), 'en', now)).toBe('Yesterday');
    expect(formatDay(new Date(2026, 10, 24, 23), 'id', now)).toBe('Kemarin');
    expect(formatDay(new Date(2026, 10, 26, 8), 'id', now)).toBe('Besok');
    expect(formatDay(new Date(2026, 10, 22), 'id', now)).toBe('Minggu');
    expect(formatDay(new Date(2026, 9, 1), 'id', now)).toBe('1 Oktober');
    expect(formatDay(new Date(2025, 9, 1), 'en', now)).toBe('October 1, 2025');
  });

  it('formats file sizes per locale', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1_500_000, 'id')).toBe('1,5 MB');
    expect(formatBytes(2_048, 'en')).toBe('2 kB');
  });
});
