import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '@sapa/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type agentApi, axeViolations, startStaffedDemo } from './fixtures/widget/helpers.js';
import { launchChromium } from './support/browser.js';

/** A site's Malay strings: some keys only, the rest falls back to English. */
const MALAY = {
  'launcher.close': 'Tutup sembang',
  'header.language': 'Bahasa',
  'composer.label': 'Mesej',
  'composer.placeholder': 'Taip mesej…',
  'language.ms': 'Bahasa Melayu',
};

// A third language through the public API (`Sapa('addLocale', …)`, then `setLocale`), in Chromium against the
// reference server: queued before the app loads, switched after, with English for the keys the site left out.
describe('widget: a language the site adds', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let agent: ReturnType<typeof agentApi>;
  let goOffline: () => void;
  const consoleErrors: string[] = [];
  const requests: string[] = [];

  const composer = (name: string) => page.getByRole('textbox', { name, exact: true });
  const sapa = (...args: unknown[]) =>
    page.evaluate((args) => (window as unknown as { Sapa(...args: unknown[]): void }).Sapa(...args), args);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sapa-widget-language-'));
    ({ server, agent, goOffline } = await startStaffedDemo(join(dataDir, 'sapa.db')));
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    page.on('console', (message) => {
      // Chromium logs failed requests itself (the favicon); what counts are errors from scripts.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    goOffline?.();
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('added and chosen before the chat loads, it neither loads the chat nor calls the backend', async () => {
    await page.goto(`${server.url}/examples/script-tag/`);
    await page.getByRole('button', { name: 'Open chat' }).waitFor();
    await sapa('addLocale', 'ms', MALAY);
    await sapa('setLocale', 'ms');
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => path.startsWith('/v1/') || /\/widget\/app-/.test(path))).toEqual([]);
  });

  test('the chat opens in it; keys it lacks are English', async () => {
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => composer('Mesej').isVisible()).toBe(true);
    await expect.poll(() => composer('Mesej').getAttribute('placeholder')).toBe('Taip mesej…');
    expect(await page.getByRole('button', { name: 'Send', exact: true }).isVisible()).toBe(true);
    const menu = page.getByRole('combobox', { name: 'Bahasa' });
    expect(await menu.inputValue()).toBe('ms');
    expect(await menu.locator('option').allTextContents()).toEqual([
      'English',
      'Bahasa Indonesia',
      'Bahasa Melayu',
    ]);
    expect(await axeViolations(page)).toEqual([]);
  });

  test("the backend hears the visitor's language", async () => {
    await composer('Mesej').fill('Selamat pagi');
    await composer('Mesej').press('Enter');
    await page.getByRole('log').getByText('Selamat pagi').waitFor();
    const [conversation] = (await agent.conversations()) as unknown as { visitor: { locale?: string } }[];
    expect(conversation?.visitor.locale).toBe('ms');
  });

  test('the visitor and the page switch between the three', async () => {
    await page.getByRole('combobox', { name: 'Bahasa' }).selectOption('id');
    await composer('Pesan').waitFor();
    await sapa('setLocale', 'ms-MY');
    await composer('Mesej').waitFor();
    await sapa('setLocale', 'en');
    await composer('Message').waitFor();
  });

  test('a language added while the chat runs is offered at once, and a bad call is named once', async () => {
    await sapa('addLocale', 'jv', { 'composer.label': 'Pesen', 'language.jv': 'Basa Jawa' });
    expect(
      await page.getByRole('combobox', { name: 'Language' }).locator('option').allTextContents(),
    ).toEqual(['English', 'Bahasa Indonesia', 'Bahasa Melayu', 'Basa Jawa']);
    await sapa('setLocale', 'jv');
    await composer('Pesen').waitFor();
    expect(consoleErrors).toEqual([]);
    await sapa('addLocale', 'su');
    expect(consoleErrors).toEqual(["Sapa('addLocale'): invalid arguments."]);
  });
});
