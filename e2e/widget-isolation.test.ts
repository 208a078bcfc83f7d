import type { RunningServer } from '@sapa/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, startStaffedDemo, startStaticServer } from './fixtures/widget/helpers.js';
import { launchChromium } from './support/browser.js';

// The built sapa.js on pages the widget does not control: a strict CSP with Trusted Types, and styles
// that try to reach into it. Pages come from a static server on another port (another origin).
describe('widget isolation', () => {
  let server: RunningServer;
  let pages: Awaited<ReturnType<typeof startStaticServer>>;
  let browser: Browser;
  let goOffline: () => void;

  beforeAll(async () => {
    ({ server, goOffline } = await startStaffedDemo());
    pages = await startStaticServer(
      (path, nonce): Record<string, string> =>
        path === '/csp.html'
          ? {
              'content-security-policy': `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'self'; require-trusted-types-for 'script'`,
            }
          : {},
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    goOffline?.();
    await browser?.close();
    await pages?.close();
    await server?.close();
  });

  async function openPage(name: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => problems.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { reportViolation(text: string): void }).reportViolation(
          `${event.violatedDirective} blocked ${event.blockedURI}`,
        );
      });
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${pages.url}/${name}?api=${encodeURIComponent(server.url)}`);
    return { page, problems };
  }

  test('under script-src nonce + strict-dynamic, style-src self and Trusted Types, the chat works', async () => {
    const { page, problems } = await openPage('csp.html');
    await page.getByRole('button', { name: 'Open chat' }).click();
    await page.getByRole('dialog', { name: 'Toko Sapa' }).waitFor();
    await page.getByRole('textbox', { name: 'Message' }).fill('Apakah bisa bayar di tempat?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('log').getByText('Apakah bisa bayar di tempat?').waitFor();
    // Styles arrived through adoptedStyleSheets, which style-src does not govern.
    const accent = await page
      .locator('.sapa-header')
      .evaluate((header) => getComputedStyle(header).backgroundColor);
    expect(accent).not.toBe('rgba(0, 0, 0, 0)');
    // The policy is in force: the fixture's one inline script without the nonce was refused, and that
    // refusal is the only problem on the page.
    expect(await page.evaluate(() => 'inlineWithoutNonceRan' in window)).toBe(false);
    expect(problems.sort()).toEqual([
      expect.stringMatching(/^Executing inline script violates/),
      'script-src-elem blocked inline',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('hostile page CSS changes nothing inside the widget', async () => {
    const { page, problems } = await openPage('hostile.html');
    const launcher = page.getByRole('button', { name: 'Open chat' });
    await launcher.waitFor();
    const box = await launcher.boundingBox();
    expect(box?.width).toBe(56);
    expect(box?.height).toBe(56);
    await launcher.click();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.waitFor();
    const style = await composer.evaluate((element) => {
      const computed = getComputedStyle(element);
      return { fontSize: computed.fontSize, color: computed.color, visibility: computed.visibility };
    });
    // html { font-size: 30px } and the red Comic Sans rules stay outside.
    expect(style.fontSize).toBe('16px');
    expect(style.color).not.toBe('rgb(255, 0, 0)');
    expect(style.visibility).toBe('visible');
    await expect.poll(() => page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
    expect(problems).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  test('the shop demo (strict CSP meta): Buy identifies the shopper, tracks the purchase and gets a thank-you to answer', async () => {
    const page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const succeeded: string[] = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (response.ok()) succeeded.push(`${response.request().method()} ${pathname}`);
    });
    const calls: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/v1/')) calls.push(`${request.method()} ${pathname}`);
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Buka obrolan' }).waitFor();
    expect(calls).toEqual([]);
    await page.getByRole('button', { name: 'Beli' }).first().click();
    await expect
      .poll(() => calls.includes('POST /v1/identify') && calls.includes('POST /v1/events'))
      .toBe(true);
    // Customer care: the backend thanks the shopper by name, above the launcher.
    const teaser = page.getByRole('region', { name: 'Pesan dari Toko Sapa' });
    await teaser
      .getByText('Terima kasih, Budi Santoso! Pesanan Anda sudah kami terima.', { exact: false })
      .waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // Answering it with one tap continues it as a conversation: the thank-you, then the shopper's answer.
    await teaser.getByRole('button', { name: '⭐ Feedback' }).click();
    const log = page.getByRole('dialog', { name: 'Toko Sapa' }).getByRole('log');
    await log.getByText('Terima kasih, Budi Santoso!', { exact: false }).waitFor();
    await log.getByText('⭐ Feedback').waitFor();
    expect(await teaser.count()).toBe(0);
    // Only the missing favicon may fail; every API call succeeded the first time.
    expect(problems.filter((problem) => !problem.includes('404 (Not Found)'))).toEqual([]);
    expect(succeeded.filter((call) => call.startsWith('POST /v1/identify'))).toHaveLength(1);
    await page.close();
  });
});
