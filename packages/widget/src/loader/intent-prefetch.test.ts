import { afterEach, describe, expect, test } from 'vitest';
import type { AppContext, AppHandle } from '../app/app-context.js';
import { createShell } from '../widget-shell.js';

// What the loader does with a visitor's first sign of intent: the chat app's chunk is fetched (the
// import starts) but not run, so the click that follows finds it on its way or already there, and a
// visitor who only hovers costs one request and no API call (the app, which makes them, never starts).
function setUp() {
  const started: AppContext[] = [];
  let loads = 0;
  const startApp = (context: AppContext): AppHandle => {
    started.push(context);
    return { run: () => undefined, destroy: () => undefined };
  };
  const shell = createShell({
    loadApp: async () => {
      loads++;
      return { startApp };
    },
  });
  shell('init', { apiUrl: 'http://127.0.0.1:1', siteKey: 'demo' });
  const launcher = document.querySelector('sapa-widget')?.shadowRoot?.querySelector('button');
  if (!launcher) throw new Error('No launcher drawn.');
  return { launcher, started, loads: () => loads };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('app chunk prefetch on intent', () => {
  afterEach(() => {
    for (const host of document.querySelectorAll('sapa-widget')) host.remove();
    localStorage.clear();
    sessionStorage.clear();
  });

  test.each(['pointerenter', 'focus'])(
    '%s on the launcher fetches the app once and starts nothing',
    async (type) => {
      const { launcher, started, loads } = setUp();
      launcher.dispatchEvent(new Event(type));
      launcher.dispatchEvent(new Event(type));
      await settle();
      expect(loads()).toBe(1);
      expect(started).toHaveLength(0);
    },
  );

  test('the click after it reuses the fetched chunk and starts the app open', async () => {
    const { launcher, started, loads } = setUp();
    launcher.dispatchEvent(new Event('pointerenter'));
    await settle();
    launcher.click();
    await settle();
    expect(loads()).toBe(1);
    expect(started).toHaveLength(1);
    expect(started[0]?.open).toBe(true);
  });

  test('nothing is fetched without intent', async () => {
    const { loads } = setUp();
    await settle();
    expect(loads()).toBe(0);
  });
});
