import type { RunningServer } from '@sapa/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, startStaffedDemo } from './fixtures/widget/helpers.js';
import { launchChromium } from './support/browser.js';

// The script-tag page on a phone-sized screen (390 × 740, touch): the chat takes the whole screen, the
// composer does not make the browser zoom, and the panel keeps the composer above an on-screen keyboard.
describe('widget on a phone', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let goOffline: () => void;

  beforeAll(async () => {
    ({ server, goOffline } = await startStaffedDemo());
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 390, height: 740 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${server.url}/examples/script-tag/`);
  });

  afterAll(async () => {
    goOffline?.();
    await browser?.close();
    await server?.close();
  });

  test('the chat opens full screen with the composer in sight, and typing does not zoom', async () => {
    await page.getByRole('button', { name: /^(Open chat|Buka obrolan)$/ }).tap();
    const dialog = page.getByRole('dialog', { name: 'Toko Sapa' });
    await dialog.waitFor();
    expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 740 });
    const composer = page.getByRole('textbox', { name: /^(Message|Pesan)$/ });
    // Mobile browsers zoom into inputs with text under 16 px.
    const fontSize = await composer.evaluate((element) =>
      Number.parseFloat(getComputedStyle(element).fontSize),
    );
    expect(fontSize).toBeGreaterThanOrEqual(16);
    const box = await composer.boundingBox();
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(740);
    // Nothing covers the panel where the launcher stands on larger screens (its bottom-right corner).
    const cover = await page.evaluate(() => {
      const hit = document
        .querySelector('sapa-widget')
        ?.shadowRoot?.elementFromPoint(innerWidth - 48, innerHeight - 48);
      return hit?.closest('[role="dialog"]') ? 'panel' : (hit?.getAttribute('class') ?? 'nothing');
    });
    expect(cover).toBe('panel');
    expect(await axeViolations(page)).toEqual([]);
  });

  test('when the visible area shrinks (an on-screen keyboard), the panel shrinks with it', async () => {
    // Headless Chromium has no on-screen keyboard; zooming in shrinks the visual viewport the same way.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 2 });
    try {
      const visible = () =>
        page.evaluate(() => ({
          top: window.visualViewport?.offsetTop ?? 0,
          height: window.visualViewport?.height ?? window.innerHeight,
        }));
      await expect.poll(async () => (await visible()).height).toBeLessThan(740);
      const dialog = page.getByRole('dialog', { name: 'Toko Sapa' });
      const area = await visible();
      await expect
        .poll(async () => Math.round((await dialog.boundingBox())?.height ?? 0))
        .toBe(Math.round(area.height));
      const composer = await page.getByRole('textbox', { name: /^(Message|Pesan)$/ }).boundingBox();
      expect((composer?.y ?? Infinity) + (composer?.height ?? 0)).toBeLessThanOrEqual(
        area.top + area.height + 1,
      );
    } finally {
      await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: 1 });
      await cdp.detach();
    }
  });
});
