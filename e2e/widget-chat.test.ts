import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '@sapa/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type agentApi, axeViolations, startStaffedDemo } from './fixtures/widget/helpers.js';
import { launchChromium } from './support/browser.js';

// The script-tag example against the reference server, in Chromium, as a visitor and an agent use it.
// The tests run in order and share one visitor: each step starts where the previous one left off.
describe('widget: the script-tag page', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  let agent: ReturnType<typeof agentApi>;
  let goOffline: () => void;
  let conversationId: string;
  const apiCalls: string[] = [];
  const consoleErrors: string[] = [];

  const widget = () => page.locator('sapa-widget');
  const launcher = () => page.getByRole('button', { name: /^(Open chat|Buka obrolan)$/ });
  const dialog = () => page.getByRole('dialog', { name: 'Toko Sapa' });
  const log = () => page.getByRole('log');
  const composer = () => page.getByRole('textbox', { name: /^(Message|Pesan)$/ });
  const expectAccessible = async () => expect(await axeViolations(page)).toEqual([]);
  /** Chooses a file through the attach button, as a visitor does. */
  const attach = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: /^(Attach a file|Lampirkan berkas)$/ }).click();
    await (await chooser).setFiles(file);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sapa-widget-e2e-'));
    // An agent has the console open: the site is staffed, so the visitor chats (no leave-a-message form).
    ({ server, agent, goOffline } = await startStaffedDemo(join(dataDir, 'sapa.db')));
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/v1/')) apiCalls.push(request.url());
    });
    page.on('console', (message) => {
      // Failed requests are logged by Chromium itself (the favicon, requests while offline); what counts
      // here are errors from scripts.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        consoleErrors.push(message.text());
      }
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });

  afterAll(async () => {
    goOffline?.();
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a first-time visitor who does not open the chat costs sapa.js and no API call', async () => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${server.url}/examples/script-tag/`);
    await launcher().waitFor();
    await page.waitForLoadState('networkidle');
    expect(apiCalls).toEqual([]);
    expect(requests.filter((path) => path !== '/favicon.ico')).toEqual([
      '/examples/script-tag/',
      '/widget/sapa.js',
    ]);
    expect(await widget().evaluate((host) => host.shadowRoot?.mode)).toBe('open');
    await expectAccessible();
  });

  test('the launcher opens the dialog named by the site, with the composer focused', async () => {
    await launcher().click();
    await dialog().waitFor();
    await expect
      .poll(() =>
        composer().evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement),
      )
      .toBe(true);
    await expectAccessible();
  });

  test('Esc closes the dialog and returns focus to the launcher', async () => {
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        launcher().evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement),
      )
      .toBe(true);
    await launcher().click();
    await dialog().waitFor();
  });

  test('the visitor writes, the agent answers through the agent API, and the answer appears', async () => {
    await composer().fill('Halo, pesanan saya TS-1001 belum sampai.');
    await page.keyboard.press('Enter');
    await log().getByText('Halo, pesanan saya TS-1001 belum sampai.').waitFor();
    await expect.poll(async () => (await agent.conversations()).length).toBe(1);
    const [conversation] = await agent.conversations();
    conversationId = conversation?.id as string;
    await agent.send(conversationId, {
      type: 'text',
      text: 'Mohon maaf atas keterlambatannya, Kak. Apakah alamatnya sudah benar?',
      actions: [
        { type: 'reply', label: 'Sudah benar', payload: 'address_ok' },
        { type: 'reply', label: 'Perlu diubah', payload: 'address_change' },
      ],
    });
    await log().getByText('Mohon maaf atas keterlambatannya, Kak.').waitFor();
    await expectAccessible();
  });

  test('a quick reply sends its label as the visitor', async () => {
    await page.getByRole('button', { name: 'Sudah benar' }).click();
    await expect
      .poll(async () =>
        (await agent.messages(conversationId)).some(
          (message) => message.author.role === 'visitor' && message.text === 'Sudah benar',
        ),
      )
      .toBe(true);
  });

  test('a file upload reaches the agent and shows in the conversation', async () => {
    await attach({
      name: 'bukti-transfer.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Transfer Rp85.000 ke Toko Sapa\n'.repeat(2000)),
    });
    await log().getByText('bukti-transfer.txt').first().waitFor();
    await expect
      .poll(async () =>
        (await agent.messages(conversationId)).some((message) =>
          message.attachments?.some((attachment) => attachment.name === 'bukti-transfer.txt'),
        ),
      )
      .toBe(true);
    await expectAccessible();
  });

  test('a file over the site limit is refused with the reason, and nothing reaches the agent', async () => {
    const before = (await agent.messages(conversationId)).length;
    await attach({
      name: 'video-unboxing.txt',
      mimeType: 'text/plain',
      buffer: Buffer.alloc(11 * 1024 * 1024, 'a'),
    });
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('“video-unboxing.txt” is too large to send. Files can be up to 10.5 MB.');
    expect(await log().getByText('video-unboxing.txt').count()).toBe(0);
    expect(await agent.messages(conversationId)).toHaveLength(before);
    await expectAccessible();
  });

  test('a slow upload shows its progress and can be cancelled: nothing reaches the agent', async () => {
    // Chromium's own network emulation makes the upload slow enough to watch (32 KB/s up).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 32 * 1024,
    });
    try {
      await attach({
        name: 'foto-paket.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Paket diterima dalam keadaan penyok.\n'.repeat(8000)),
      });
      const progress = page.getByRole('progressbar', { name: /foto-paket\.txt/ });
      await progress.waitFor();
      // The bar moves while the bytes go out, before the upload is done.
      await expect
        .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 8_000 })
        .toBeGreaterThan(0);
      expect(Number(await progress.getAttribute('aria-valuenow'))).toBeLessThan(100);
      await expectAccessible();
      await page.getByRole('button', { name: /^(Cancel upload|Batalkan unggahan)$/ }).click();
      await progress.waitFor({ state: 'detached' });
    } finally {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      await cdp.detach();
    }
    await page.waitForTimeout(500);
    const messages = await agent.messages(conversationId);
    expect(
      messages.some((message) => message.attachments?.some((file) => file.name === 'foto-paket.txt')),
    ).toBe(false);
    expect(await log().getByText('foto-paket.txt').count()).toBe(0);
  });

  test('a reload keeps the conversation, and the open panel opens again', async () => {
    apiCalls.length = 0;
    await page.reload();
    await dialog().waitFor();
    await log().getByText('Halo, pesanan saya TS-1001 belum sampai.').waitFor();
    await log().getByText('Mohon maaf atas keterlambatannya, Kak.').waitFor();
  });

  test('a reply that came just before a reload shows after it from storage, before the network answers', async () => {
    await agent.send(conversationId, { type: 'text', text: 'Paketnya sudah kami kirim ulang, Kak.' });
    await log().getByText('Paketnya sudah kami kirim ulang, Kak.').waitFor();
    // Reloaded at once, within the SDK's write delay: only the write made as the page goes away can keep it.
    let answer: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      answer = resolve;
    });
    await page.route('**/v1/**', async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    try {
      await page.reload();
      await log().getByText('Paketnya sudah kami kirim ulang, Kak.').waitFor({ timeout: 3_000 });
    } finally {
      answer();
      await page.unroute('**/v1/**');
    }
  });

  test('switching to Indonesian relabels the widget', async () => {
    await page.getByRole('combobox', { name: 'Language' }).selectOption('id');
    await page.getByRole('textbox', { name: 'Pesan' }).waitFor();
    await page.getByRole('button', { name: 'Kirim' }).waitFor();
    await expectAccessible();
  });

  test('offline, a message waits; back online, it is delivered exactly once', async () => {
    await context.setOffline(true);
    await composer().fill('Saya kirim ini saat sinyal hilang.');
    await page.keyboard.press('Enter');
    await log().getByText('Saya kirim ini saat sinyal hilang.').waitFor();
    await context.setOffline(false);
    await expect
      .poll(
        async () =>
          (await agent.messages(conversationId)).filter(
            (message) => message.text === 'Saya kirim ini saat sinyal hilang.',
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
    await page.waitForTimeout(1_000);
    const copies = (await agent.messages(conversationId)).filter(
      (message) => message.text === 'Saya kirim ini saat sinyal hilang.',
    );
    expect(copies).toHaveLength(1);
    await expect.poll(() => log().getByText('Saya kirim ini saat sinyal hilang.').count()).toBe(1);
  });

  test('after the agent resolves the conversation, the visitor rates it', async () => {
    await agent.resolve(conversationId);
    await page.getByRole('radio', { name: '5, sangat baik' }).check();
    await page.getByRole('button', { name: 'Kirim penilaian' }).click();
    await page.getByText('Terima kasih atas masukan Anda!').waitFor();
    await expectAccessible();
    expect(consoleErrors).toEqual([]);
  });

  test('a new visitor offline at the first open gets the chat by itself once the network is back', async () => {
    const offline = await browser.newContext();
    try {
      const visitor = await offline.newPage();
      visitor.setDefaultTimeout(10_000);
      await visitor.goto(`${server.url}/examples/script-tag/`);
      const open = visitor.getByRole('button', { name: /^(Open chat|Buka obrolan)$/ });
      // The chat's code comes on hover, before the network goes.
      const appChunk = visitor.waitForResponse((response) => /\/app-[\w-]+\.js$/.test(response.url()));
      await open.hover();
      await appChunk;
      await offline.setOffline(true);
      await open.click();
      // The session cannot be made: after its retries the panel says so, with a button to try again.
      await visitor.getByRole('button', { name: /^(Try again|Coba lagi)$/ }).waitFor({ timeout: 30_000 });
      await offline.setOffline(false);
      // Nobody presses it: the widget starts when the browser is back online.
      const writeHere = visitor.getByRole('textbox', { name: /^(Message|Pesan)$/ });
      // A try already under way when the network returns finishes its own backoff first (at most a few seconds).
      await writeHere.waitFor({ timeout: 15_000 });
      await writeHere.fill('Halo, sinyal saya sudah kembali.');
      await visitor.keyboard.press('Enter');
      await expect
        .poll(
          async () => {
            const texts = await Promise.all(
              (await agent.conversations()).map(async ({ id }) =>
                (await agent.messages(id)).map((message) => message.text),
              ),
            );
            return texts.flat().filter((text) => text === 'Halo, sinyal saya sudah kembali.').length;
          },
          { timeout: 10_000 },
        )
        .toBe(1);
      expect(await axeViolations(visitor)).toEqual([]);
    } finally {
      await offline.close();
    }
  }, 60_000);
});
