/**
 * The headless example (a chat UI on @sapa/sdk alone) built with Vite and driven in Chromium against the reference
 * server: the visitor types, sends, sees the message delivered and the bot's answer.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningServer, startServer } from '@sapa/server';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';

const exampleConfig = fileURLToPath(new URL('../examples/headless/vite.config.ts', import.meta.url));

let server: RunningServer;
let browser: Browser;
let staticServer: Server;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'sapa-headless-e2e-'));
  await build({ configFile: exampleConfig, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  staticServer = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    try {
      const body = readFileSync(join(outDir, path === '/' ? 'index.html' : path));
      response.writeHead(200, { 'Content-Type': extname(path) === '.js' ? 'text/javascript' : 'text/html' });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
  server = await startServer({ port: 0, dbPath: ':memory:', quiet: true, rateLimit: false });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => staticServer?.close(resolve));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

it('sends a message and shows it delivered, then the answer, as text', async () => {
  const page = await browser.newPage();
  const address = staticServer.address() as AddressInfo;
  await page.goto(`http://127.0.0.1:${address.port}/?api=${encodeURIComponent(server.url)}`);
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Terhubung');
  await expect.poll(() => page.getByRole('heading').textContent()).toBe('Toko Sapa');
  await page.getByRole('textbox', { name: 'Tulis pesan' }).fill('<b>Halo</b>, pesanan saya di mana?');
  await page.getByRole('button', { name: 'Kirim' }).click();
  const log = page.getByRole('log');
  const own = log.locator('li.visitor').filter({ hasText: '<b>Halo</b>, pesanan saya di mana?' });
  await expect.poll(() => own.count(), { timeout: 10_000 }).toBe(1);
  // Delivered: the own message no longer shows "Mengirim…".
  await expect.poll(() => own.locator('.meta').textContent(), { timeout: 10_000 }).not.toBe('Mengirim…');
  // The text stayed text: no <b> element came from it.
  expect(await log.locator('b').count()).toBe(0);
  await expect.poll(() => log.locator('li.bot').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.close();
});
