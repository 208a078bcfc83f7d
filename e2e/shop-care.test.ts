import { DEMO_SITE, type RunningServer, startServer } from '@sapa/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/browser.js';

// The demo shop (examples/shop) under its strict CSP, on the demo site as `npm start` serves it, at 00:40 in
// Jakarta (outside its business hours) with no agent connected: what the shop tells the backend brings the
// customer-care rules' messages above the launcher.
const NIGHT_IN_JAKARTA = new Date('2026-03-01T17:40:00Z');

describe('the demo shop and its customer-care rules', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    server = await startServer({
      port: 0,
      dbPath: ':memory:',
      sites: [DEMO_SITE],
      quiet: true,
      rateLimit: false,
      now: () => NIGHT_IN_JAKARTA,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openShop(): Promise<Page> {
    page = await browser.newPage();
    page.setDefaultTimeout(10_000);
    // The page and the server agree on the day: the shop computes Budi's birthday from the browser's clock.
    await page.clock.setFixedTime(NIGHT_IN_JAKARTA);
    problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    // Every event the shop sends is accepted (a refused one would silently miss its rule).
    page.on('response', (response) => {
      if (response.url().includes('/v1/events') && !response.ok()) {
        problems.push(`POST /v1/events answered ${response.status()}`);
      }
    });
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: 'Buka obrolan' }).waitFor();
    return page;
  }

  const teaser = () => page.getByRole('region', { name: 'Pesan dari Toko Sapa' });

  afterEach(async () => {
    expect(problems).toEqual([]);
    await page?.close();
  });

  test('two looks at the same product bring a recommendation built from it', async () => {
    await openShop();
    const coffee = page.getByRole('listitem').filter({ hasText: 'Kopi Arabika Gayo' });
    await coffee.getByRole('button', { name: 'Lihat detail' }).click();
    const detail = page.getByRole('region', { name: 'Kopi Arabika Gayo, 250 g' });
    await detail.getByText('Rp 85.000', { exact: false }).or(detail.getByText('Rp85.000')).waitFor();
    await detail.getByRole('button', { name: 'Tutup' }).click();
    await coffee.getByRole('button', { name: 'Lihat detail' }).click();
    await teaser()
      .getByText('Halo Kak, sepertinya Kopi Arabika Gayo, 250 g menarik perhatian Kakak.', { exact: false })
      .waitFor();
  });

  test('Budi signs in on his birthday, and his fifth order brings the loyalty thank-you', async () => {
    await openShop();
    await page.getByRole('button', { name: 'Masuk sebagai Budi' }).click();
    await teaser().getByText('Selamat ulang tahun, Budi Santoso! 🎂', { exact: false }).waitFor();
    const buy = page.getByRole('button', { name: 'Beli', exact: true });
    await buy.first().click();
    await teaser()
      .getByText('Terima kasih, Budi Santoso! Pesanan Anda sudah kami terima.', { exact: false })
      .waitFor();
    await buy.nth(1).click();
    await teaser()
      .getByText('Terima kasih, Budi Santoso, sudah 5 kali berbelanja di Toko Sapa!', { exact: false })
      .waitFor();
    await page
      .getByRole('status')
      .getByText('Pesanan 2: Teh Hitam Kayu Aro, 100 g sudah kami terima.')
      .waitFor();
  });
});
