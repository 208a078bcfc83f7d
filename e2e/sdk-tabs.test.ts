/**
 * The SDK in Chromium against the reference server: IndexedDB persistence across reloads, one stream shared by
 * three tabs (Web Locks leader, BroadcastChannel mirror), and the hand-over when the leader's tab closes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Message } from '@sapa/protocol';
import { type RunningServer, startServer } from '@sapa/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build, defaultClientConditions } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';

const fixtureRoot = fileURLToPath(new URL('./fixtures/sdk/', import.meta.url));

let server: RunningServer;
let browser: Browser;
let staticServer: Server;
let pageUrl: string;
let outDir: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'sapa-sdk-e2e-'));
  await build({
    configFile: false,
    root: fixtureRoot,
    base: './',
    logLevel: 'warn',
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: { outDir, emptyOutDir: true, minify: false },
  });
  staticServer = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    try {
      const body = readFileSync(join(outDir, path === '/' ? 'index.html' : path));
      const type = extname(path) === '.js' ? 'text/javascript' : 'text/html';
      response.writeHead(200, { 'Content-Type': type });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => staticServer.listen(0, '127.0.0.1', resolve));
  server = await startServer({ port: 0, dbPath: ':memory:', quiet: true, rateLimit: false });
  pageUrl = `http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/?api=${encodeURIComponent(server.url)}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await new Promise((resolve) => staticServer?.close(resolve));
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function openTab(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pageUrl);
  expect(await page.evaluate(() => window.sapaReady)).toBe('connected');
  return page;
}

async function agentSend(conversationId: string, text: string): Promise<Message> {
  const response = await fetch(`${server.url}/agent/v1/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.agentToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'text', text }),
  });
  return (await response.json()) as Message;
}

function textsIn(page: Page, conversationId: string): Promise<string[]> {
  return page.evaluate(
    (id) => (window.sapa.getSnapshot().messages[id] ?? []).map((message) => message.text ?? ''),
    conversationId,
  );
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the SDK in Chromium', () => {
  it('keeps the conversation in IndexedDB across reloads and shows it before the network answers', async () => {
    const context = await browser.newContext();
    const page = await openTab(context);
    expect(await page.evaluate(() => window.sapa.getSnapshot().storage)).toBe('indexeddb');
    const sent = await page.evaluate(() => window.sapa.sendText('Halo, ongkirnya berapa?'));
    await agentSend(sent.conversationId, 'Gratis ongkir untuk Jabodetabek, Kak.');
    await waitFor(
      async () =>
        (await textsIn(page, sent.conversationId)).includes('Gratis ongkir untuk Jabodetabek, Kak.'),
      5_000,
      'the agent reply',
    );
    await page.waitForTimeout(400);

    // Reload with the chat server unreachable: only storage can fill the snapshot.
    await page.route(`${server.url}/**`, (route) => route.abort());
    await page.reload();
    await page.evaluate(() => window.sapaReady);
    const stored = await textsIn(page, sent.conversationId);
    expect(stored[0]).toBe('Halo, ongkirnya berapa?');
    expect(stored).toContain('Gratis ongkir untuk Jabodetabek, Kak.');
    expect(stored.filter((text) => text === 'Halo, ongkirnya berapa?')).toHaveLength(1);

    await page.unroute(`${server.url}/**`);
    await page.reload();
    expect(await page.evaluate(() => window.sapaReady)).toBe('connected');
    expect(
      (await textsIn(page, sent.conversationId)).filter((text) => text === 'Halo, ongkirnya berapa?'),
    ).toHaveLength(1);
    await context.close();
  });

  it('three tabs share one stream; closing the leader hands over within 3 s, nothing lost or duplicated', async () => {
    const context = await browser.newContext();
    const first = await openTab(context);
    const sent = await first.evaluate(() => window.sapa.sendText('Saya mau tanya soal retur.'));
    const conversationId = sent.conversationId;
    const second = await openTab(context);
    const third = await openTab(context);
    await waitFor(async () => server.stats().visitorStreams === 1, 5_000, 'one stream');
    // Give the followers a moment: the leader's stream must stay the only one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(server.stats().visitorStreams).toBe(1);

    await agentSend(conversationId, 'Boleh, Kak. Nomor pesanannya berapa?');
    for (const page of [first, second, third]) {
      await waitFor(
        async () => (await textsIn(page, conversationId)).includes('Boleh, Kak. Nomor pesanannya berapa?'),
        5_000,
        'the reply in every tab',
      );
    }
    // A follower's send reaches the backend once and shows in every tab once.
    await third.evaluate(
      (id) => window.sapa.sendText('INV-2026-001', { conversationId: id }),
      conversationId,
    );
    for (const page of [first, second, third]) {
      await waitFor(
        async () =>
          (await textsIn(page, conversationId)).filter((text) => text === 'INV-2026-001').length === 1,
        5_000,
        'the follower send in every tab',
      );
    }

    await first.close();
    const closedAt = Date.now();
    await agentSend(conversationId, 'Terima kasih, retur sedang kami proses.');
    for (const page of [second, third]) {
      await waitFor(
        async () => (await textsIn(page, conversationId)).includes('Terima kasih, retur sedang kami proses.'),
        3_000,
        'the reply after the hand-over',
      );
    }
    const handOver = Date.now() - closedAt;
    await waitFor(async () => server.stats().visitorStreams === 1, 3_000, 'the new leader stream');
    console.info(`sdk e2e: leader hand-over delivered the next message in ${handOver} ms`);
    expect(handOver).toBeLessThan(3_000);
    for (const page of [second, third]) {
      const texts = await textsIn(page, conversationId);
      expect(new Set(texts).size).toBe(texts.length);
      const seqs = await page.evaluate(
        (id) => (window.sapa.getSnapshot().messages[id] ?? []).map((message) => message.seq),
        conversationId,
      );
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    await context.close();
  });
});
