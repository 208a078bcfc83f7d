import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { AppContext, AppHandle } from '../src/app/app-context.js';
import { createShell, type RunCommand } from '../src/widget-shell.js';

// The shell with a recording app in place of the real chunk: what the page's commands turn into.
function setUp() {
  const runs: [string, readonly unknown[]][] = [];
  const contexts: AppContext[] = [];
  let destroyed = 0;
  let loads = 0;
  const startApp = (context: AppContext): AppHandle => {
    contexts.push(context);
    return {
      run: (command, args) => runs.push([command, args]),
      destroy: () => {
        destroyed++;
      },
    };
  };
  const shell: RunCommand = createShell({
    loadApp: async () => {
      loads++;
      return { startApp };
    },
  });
  return {
    shell,
    runs,
    contexts,
    destroyed: () => destroyed,
    loads: () => loads,
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const hosts = () => document.querySelectorAll('sapa-widget');
const launcher = () => hosts()[0]?.shadowRoot?.querySelector('button');
const options = { apiUrl: 'http://127.0.0.1:1', siteKey: 'demo' };

describe('widget shell', () => {
  let errors: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    document.documentElement.lang = '';
    errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => {
    errors.mockRestore();
    for (const host of hosts()) host.remove();
  });

  test('init draws one launcher in a shadow root and loads nothing until the visitor interacts', async () => {
    const { shell, loads } = setUp();
    shell('init', options);
    shell('init', options);
    await settle();
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]?.shadowRoot).not.toBeNull();
    expect(launcher()?.getAttribute('aria-label')).toBe('Open chat');
    expect(loads()).toBe(0);
    expect(errors).not.toHaveBeenCalled();
  });

  test('the launcher speaks the page language', () => {
    document.documentElement.lang = 'id-ID';
    const { shell } = setUp();
    shell('init', options);
    expect(launcher()?.getAttribute('aria-label')).toBe('Buka obrolan');
    shell('setLocale', 'en');
    expect(launcher()?.getAttribute('aria-label')).toBe('Open chat');
  });

  test('a click starts the app open and replaces the placeholder launcher', async () => {
    const { shell, contexts } = setUp();
    shell('init', { ...options, locale: 'id' });
    launcher()?.click();
    await settle();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.open).toBe(true);
    expect(contexts[0]?.options.locale).toBe('id');
    expect(launcher()).toBeNull();
  });

  test('commands before init and before the app are queued and replayed in order', async () => {
    const { shell, runs, contexts } = setUp();
    shell('identify', { userId: 'u-1', name: 'Budi' });
    expect(hosts()).toHaveLength(0);
    shell('init', options);
    shell('track', 'purchase_completed', { orderId: 'A-1' });
    await settle();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.open).toBe(false);
    expect(runs).toEqual([
      ['identify', [{ userId: 'u-1', name: 'Budi' }]],
      ['track', ['purchase_completed', { orderId: 'A-1' }]],
    ]);
    shell('send', 'Halo');
    expect(runs.at(-1)).toEqual(['send', ['Halo']]);
  });

  test('languages wait for the app without starting it, and replay in the order the page gave them', async () => {
    const { shell, runs, loads } = setUp();
    const malay = { 'composer.send': 'Hantar' };
    shell('init', options);
    shell('setLocale', 'ms');
    shell('addLocale', 'ms', malay);
    await settle();
    expect(loads()).toBe(0);
    // The placeholder launcher keeps a language it has: the app brings the site's own.
    expect(launcher()?.getAttribute('aria-label')).toBe('Open chat');
    shell('open');
    await settle();
    expect(runs).toEqual([
      ['setLocale', ['ms']],
      ['addLocale', ['ms', malay]],
    ]);
    shell('addLocale', 'jv', { 'composer.send': 'Kirim' });
    expect(runs.at(-1)).toEqual(['addLocale', ['jv', { 'composer.send': 'Kirim' }]]);
  });

  test('addLocale with a missing code or strings gives one console error naming the command', () => {
    const { shell } = setUp();
    shell('init', options);
    shell('addLocale', 'ms');
    shell('addLocale', '', { 'composer.send': 'Hantar' });
    expect(errors).toHaveBeenCalledTimes(2);
    expect(String(errors.mock.calls[0]?.[0])).toBe("Sapa('addLocale'): invalid arguments.");
    expect(String(errors.mock.calls[1]?.[0])).toBe("Sapa('addLocale'): invalid arguments.");
  });

  test('open, toggle and close before the app decide whether it starts open', async () => {
    const { shell, contexts, runs } = setUp();
    shell('init', options);
    shell('toggle');
    shell('close');
    shell('open');
    await settle();
    expect(contexts[0]?.open).toBe(true);
    expect(runs).toEqual([]);
  });

  test('unknown commands and bad arguments give exactly one console error each and never throw', () => {
    const { shell } = setUp();
    expect(() => shell('explode')).not.toThrow();
    expect(() => shell('init', { siteKey: 'demo' })).not.toThrow();
    expect(() => shell('track', 42)).not.toThrow();
    expect(() => shell('on', 'nonsense', () => undefined)).not.toThrow();
    expect(() => shell('toString')).not.toThrow();
    expect(errors).toHaveBeenCalledTimes(5);
    expect(String(errors.mock.calls[0]?.[0])).toContain('explode');
    expect(String(errors.mock.calls[1]?.[0])).toContain("Sapa('init')");
    expect(String(errors.mock.calls[2]?.[0])).toContain("Sapa('track')");
    expect(hosts()).toHaveLength(0);
  });

  test('listeners receive what the app emits; a throwing listener does not stop the others', async () => {
    const { shell, contexts } = setUp();
    const counts: number[] = [];
    shell('on', 'unread', () => {
      throw new Error('listener bug');
    });
    shell('on', 'unread', (count: unknown) => counts.push(count as number));
    shell('init', options);
    shell('open');
    await settle();
    contexts[0]?.emit('unread', 3);
    expect(counts).toEqual([3]);
    expect(errors).toHaveBeenCalledTimes(1);
  });

  test('hide and show hide the host without unmounting', () => {
    const { shell } = setUp();
    shell('init', options);
    shell('hide');
    expect((hosts()[0] as HTMLElement).hidden).toBe(true);
    shell('show');
    expect((hosts()[0] as HTMLElement).hidden).toBe(false);
  });

  test('a returning visitor with a conversation gets the app at once', async () => {
    localStorage.setItem('sapa:demo:resume', '1');
    const { shell, contexts } = setUp();
    shell('init', options);
    await settle();
    expect(contexts).toHaveLength(1);
    expect(contexts[0]?.open).toBe(false);
  });

  test('shutdown removes the host, destroys the app and forgets listeners; init works again after', async () => {
    const { shell, contexts, destroyed } = setUp();
    const opened: unknown[] = [];
    shell('on', 'open', () => opened.push(1));
    shell('init', options);
    shell('open');
    await settle();
    shell('shutdown');
    expect(destroyed()).toBe(1);
    expect(hosts()).toHaveLength(0);
    contexts[0]?.emit('open', undefined);
    await settle();
    expect(opened).toEqual([]);
    shell('init', options);
    expect(hosts()).toHaveLength(1);
  });

  test('reset before the app forgets the stored flags without loading it', async () => {
    localStorage.setItem('sapa:demo:resume', '1');
    const { shell, loads } = setUp();
    localStorage.removeItem('sapa:demo:resume');
    shell('init', options);
    localStorage.setItem('sapa:demo:resume', '1');
    shell('reset');
    await settle();
    expect(loads()).toBe(0);
    expect(localStorage.getItem('sapa:demo:resume')).toBeNull();
  });
});
