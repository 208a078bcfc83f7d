/**
 * The agent console end to end: a real reference server (temp SQLite), the built console in Chromium,
 * and a visitor speaking the protocol with plain fetch calls.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Conversation, Message, Session } from '@sapa/protocol';
import { type SseFrame, SseParser } from '@sapa/protocol/sse';
import { DEMO_SITE, type RunningServer, startServer } from '@sapa/server';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { axeViolations } from './support/console-axe.js';

const consoleConfig = fileURLToPath(new URL('../packages/server/console/vite.config.ts', import.meta.url));
const builtConsole = fileURLToPath(new URL('../packages/server/dist/console/index.html', import.meta.url));

const { businessHours: _businessHours, ...withoutBusinessHours } = DEMO_SITE;

type ServerSentEvent = Extract<SseFrame, { kind: 'event' }>;

let server: RunningServer;
let browser: Browser;
let dataDir: string;
/** Named agents: a reply's author is the account that signed in, never a name typed in the console. */
let rina: string;
let dewi: string;

beforeAll(async () => {
  // `npm test` builds everything first; a lone run of this file builds the console itself.
  if (!existsSync(builtConsole)) await build({ configFile: consoleConfig, logLevel: 'warn' });
  dataDir = mkdtempSync(join(tmpdir(), 'sapa-console-e2e-'));
  server = await startServer({
    port: 0,
    dbPath: join(dataDir, 'sapa.db'),
    dataDir,
    quiet: true,
    rateLimit: false,
    agentToken: 'console-e2e-token',
    // Without business hours an agent with the console open is online at any hour, so the bot stays
    // quiet and the test does not depend on the time of day.
    sites: [withoutBusinessHours],
  });
  rina = (await server.agents.add('Rina')).token;
  dewi = (await server.agents.add('Dewi')).token;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** A visitor on the demo shop, speaking the protocol directly. */
class Visitor {
  private constructor(
    readonly session: Session,
    private readonly events: ServerSentEvent[],
    private readonly abort: AbortController,
  ) {}

  static async start(): Promise<Visitor> {
    const response = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        siteKey: 'demo',
        locale: 'id',
        page: { url: 'http://127.0.0.1/keranjang', title: 'Keranjang belanja' },
      }),
    });
    expect(response.status).toBe(201);
    const session = (await response.json()) as Session;
    // The visitor's live stream, read as the SDK would.
    const abort = new AbortController();
    const events: ServerSentEvent[] = [];
    const stream = await fetch(`${server.url}/v1/stream?after=${encodeURIComponent(session.cursor)}`, {
      headers: { Authorization: `Bearer ${session.token}` },
      signal: abort.signal,
    });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const parser = new SseParser((frame) => {
      if (frame.kind === 'event') events.push(frame);
    });
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          parser.push(decoder.decode(value, { stream: true }));
        }
      } catch {
        // aborted at the end of the test
      }
    })();
    return new Visitor(session, events, abort);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.session.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, `${method} ${path} answered ${response.status}`).toBe(true);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** Waits for a stream event that matches, and returns its data. */
  async nextEvent<T>(type: string, matches: (data: T) => boolean): Promise<T> {
    for (let waited = 0; waited < 10_000; waited += 20) {
      for (const event of this.events) {
        if (event.event !== type) continue;
        const data = JSON.parse(event.data) as T;
        if (matches(data)) return data;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`The visitor's stream carried no matching ${type} event within 10 s.`);
  }

  close(): void {
    this.abort.abort();
  }
}

async function openConsole(fragment: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${server.url}/console/${fragment}`);
  return page;
}

describe('agent console', () => {
  it('answers a visitor live: unread marker, reply with a quick reply, typing, resolve, rating, no axe violations', async () => {
    const page = await openConsole(`#token=${rina}`);
    // The token leaves the address bar at once.
    expect(page.url()).toBe(`${server.url}/console/`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    const visitor = await Visitor.start();
    const conversation = await visitor.call<Conversation>('POST', '/conversations', {
      clientConversationId: randomUUID(),
    });
    await visitor.call<Message>('PUT', `/conversations/${conversation.id}/messages/${randomUUID()}`, {
      type: 'text',
      text: 'Halo kak, pesanan INV-2026 saya belum sampai.',
    });

    // The conversation arrives in the inbox by itself, unread.
    const inbox = page.getByRole('navigation', { name: 'Conversations' });
    const row = inbox.getByRole('button', { name: /Visitor .*Halo kak, pesanan INV-2026/ });
    await row.waitFor();
    await expect.poll(() => row.textContent()).toContain('1 unread');
    // Screen readers hear about it too.
    await page
      .getByText(/^New message from (Visitor [0-9a-z]{4}|a new visitor)$/)
      .waitFor({ state: 'attached' });

    // Opening it shows the message, gives the reply box focus and marks it read.
    await row.click();
    const log = page.getByRole('log');
    await log.getByText('Halo kak, pesanan INV-2026 saya belum sampai.').waitFor();
    const textbox = page.getByRole('textbox', { name: 'Reply to the visitor' });
    await expect.poll(() => textbox.evaluate((element) => element === document.activeElement)).toBe(true);
    await expect.poll(() => row.textContent()).not.toContain('unread');
    await visitor.nextEvent<{ conversationId: string; seq: number }>(
      'read.updated',
      (data) => data.conversationId === conversation.id && data.seq >= 1,
    );

    // The visitor types; the agent sees it.
    await visitor.call('POST', `/conversations/${conversation.id}/typing`, { typing: true });
    await page.getByText(/is typing…/).waitFor();

    // The agent answers with text and a quick reply; Enter sends. Visitors see the name of the account.
    await page.getByRole('banner').getByText('Signed in as Rina').waitFor();
    await page.getByRole('button', { name: 'Add quick reply' }).click();
    await page.getByRole('textbox', { name: 'Label 1' }).fill('Sudah diterima');
    await page.getByRole('textbox', { name: 'Payload 1' }).fill('received');
    await textbox.fill('Baik kak, kami cek dulu ya.');
    await textbox.press('Enter');
    const { message: reply } = await visitor.nextEvent<{ message: Message }>(
      'message.created',
      (data) => data.message.author.role === 'agent',
    );
    expect(reply).toMatchObject({
      conversationId: conversation.id,
      type: 'text',
      text: 'Baik kak, kami cek dulu ya.',
      author: { role: 'agent', name: 'Rina' },
      actions: [{ type: 'reply', label: 'Sudah diterima', payload: 'received' }],
    });
    await log.getByText('Baik kak, kami cek dulu ya.').waitFor();
    expect(await textbox.inputValue()).toBe('');

    // Resolving reaches the visitor, who rates the conversation; the rating shows up live.
    await page.getByRole('button', { name: 'Resolve conversation' }).click();
    await page.getByRole('button', { name: 'Reopen conversation' }).waitFor();
    await visitor.nextEvent<{ conversation: Conversation }>(
      'conversation.updated',
      (data) => data.conversation.id === conversation.id && data.conversation.status === 'resolved',
    );
    await visitor.call('POST', `/conversations/${conversation.id}/rating`, {
      score: 5,
      comment: 'Terima kasih, cepat sekali!',
    });
    // The rating shows in the conversation; the visitor's facts stay beside it.
    const feedback = page.getByRole('main').getByRole('region', { name: 'Feedback' });
    await feedback.getByText('Rated 5 out of 5').waitFor();
    await feedback.getByText('Terima kasih, cepat sekali!').waitFor();
    expect(await feedback.textContent()).toContain('handled by Rina');
    const profile = page.getByRole('complementary', { name: 'Visitor' });
    expect(await profile.textContent()).toContain('Keranjang belanja');

    // The open inbox no longer lists it; the resolved one does.
    const listed = inbox.locator(`button[data-conversation-id="${conversation.id}"]`);
    await expect.poll(() => listed.count()).toBe(0);
    await inbox.getByRole('button', { name: 'Resolved' }).click();
    await listed.waitFor();

    expect(await axeViolations(page)).toEqual([]);
    visitor.close();
    await page.close();
  });

  it('pages back through a long conversation, sends a card and a file, and tells the visitor the agent types', async () => {
    // With the console open an agent is online, so the bot leaves the visitor's messages to us.
    const page = await openConsole(`#token=${dewi}`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const visitor = await Visitor.start();
    const conversation = await visitor.call<Conversation>('POST', '/conversations', {
      clientConversationId: randomUUID(),
    });
    for (let index = 1; index <= 60; index++) {
      await visitor.call('PUT', `/conversations/${conversation.id}/messages/${randomUUID()}`, {
        type: 'text',
        text: `Pesan nomor ${index}`,
      });
    }
    await page.locator(`button[data-conversation-id="${conversation.id}"]`).click();
    const log = page.getByRole('log');
    await log.getByText('Pesan nomor 60', { exact: true }).waitFor();
    // The newest page is shown first; the rest comes on request, above what is already there.
    expect(await log.getByText('Pesan nomor 1', { exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Load older messages' }).click();
    await log.getByText('Pesan nomor 1', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Load older messages' }).count()).toBe(0);
    // The button went away with the last page; focus stays in the conversation.
    await expect.poll(() => log.evaluate((element) => element === document.activeElement)).toBe(true);
    const seqs = await log
      .locator('li.message')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-seq'))));
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));

    // Typing reaches the visitor's stream, with the agent's name.
    const textbox = page.getByRole('textbox', { name: 'Reply to the visitor' });
    await textbox.pressSequentially('Sebentar');
    const typing = await visitor.nextEvent<{
      conversationId: string;
      participant: { role: string; name?: string };
      typing: boolean;
    }>(
      'typing',
      (data) => data.conversationId === conversation.id && data.participant.role === 'agent' && data.typing,
    );
    expect(typing.participant.name).toBe('Dewi');

    // A card with a link.
    await textbox.fill('Sepatu lari favorit bulan ini');
    await page.getByRole('button', { name: 'Card' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Sepatu Lari Sapa');
    await page.getByRole('textbox', { name: 'Link URL' }).fill('https://toko-sapa.example/sepatu');
    await page.getByRole('button', { name: 'Send' }).click();
    const { message: card } = await visitor.nextEvent<{ message: Message }>(
      'message.created',
      (data) => data.message.type === 'card',
    );
    expect(card.card).toEqual({
      title: 'Sepatu Lari Sapa',
      text: 'Sepatu lari favorit bulan ini',
      url: 'https://toko-sapa.example/sepatu',
    });

    // A file, uploaded by the agent and sent with a caption.
    await page.getByLabel('Attach file').setInputFiles({
      name: 'resi pengiriman.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('JNE 1234567890'),
    });
    await textbox.fill('Ini resinya, Kak');
    await textbox.press('Enter');
    const { message: file } = await visitor.nextEvent<{ message: Message }>(
      'message.created',
      (data) => data.message.type === 'file',
    );
    expect(file).toMatchObject({
      text: 'Ini resinya, Kak',
      attachments: [{ name: 'resi pengiriman.txt', mime: 'text/plain' }],
    });
    const download = await fetch(new URL(file.attachments?.[0]?.url ?? '', server.url));
    expect(await download.text()).toBe('JNE 1234567890');
    await log.getByRole('link', { name: /resi pengiriman\.txt/ }).waitFor();

    visitor.close();
    await page.close();
  });

  it('shows a lost connection, reconnects by itself and catches up on what it missed', async () => {
    // A server of its own, restarted on the same port and database.
    const directory = mkdtempSync(join(tmpdir(), 'sapa-console-reconnect-'));
    const options = {
      dbPath: join(directory, 'sapa.db'),
      dataDir: directory,
      quiet: true,
      rateLimit: false as const,
      agentToken: 'console-e2e-token',
      sites: [withoutBusinessHours],
    };
    let own = await startServer({ ...options, port: 0 });
    const port = Number(new URL(own.url).port);
    const page = await browser.newPage();
    try {
      await page.goto(`${own.url}/console/#token=${own.agentToken}`);
      const status = page.getByRole('status');
      await status.filter({ hasText: 'Live' }).waitFor();
      const session = (await (
        await fetch(`${own.url}/v1/sessions`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ siteKey: 'demo' }),
        })
      ).json()) as Session;
      const headers = { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' };
      const conversation = (await (
        await fetch(`${own.url}/v1/conversations`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ clientConversationId: randomUUID() }),
        })
      ).json()) as Conversation;
      const send = (text: string) =>
        fetch(`${own.url}/v1/conversations/${conversation.id}/messages/${randomUUID()}`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ type: 'text', text }),
        });
      await send('Halo, masih ada stok?');
      await page.locator(`button[data-conversation-id="${conversation.id}"]`).click();
      await page.getByRole('log').getByText('Halo, masih ada stok?').waitFor();

      await own.close();
      await status.filter({ hasText: /Reconnecting|retrying/ }).waitFor();
      own = await startServer({ ...options, port });
      expect((await send('Ukuran 42 ya, Kak')).status).toBe(201);

      await status.filter({ hasText: 'Live' }).waitFor({ timeout: 45_000 });
      await page.getByRole('log').getByText('Ukuran 42 ya, Kak').waitFor();
    } finally {
      await page.close();
      await own.close();
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('asks for the token again when the server refuses it', async () => {
    const page = await openConsole('#token=not-the-token');
    await page.getByRole('alert').filter({ hasText: 'did not accept this token' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const field = page.getByLabel('Agent token');
    await field.fill(server.agentToken);
    await field.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('agent console and the bot', () => {
  it('highlights a conversation the bot handed over to a person', async () => {
    // Nobody is watching: the bot answers, and hands over when the visitor asks for a person.
    await expect.poll(() => server.stats().agentStreams).toBe(0);
    const visitor = await Visitor.start();
    const conversation = await visitor.call<Conversation>('POST', '/conversations', {
      clientConversationId: randomUUID(),
    });
    await visitor.call('PUT', `/conversations/${conversation.id}/messages/${randomUUID()}`, {
      type: 'text',
      text: 'Saya mau bicara dengan agen, paket saya rusak.',
    });
    await visitor.nextEvent<{ message: Message }>(
      'message.created',
      (data) => data.message.author.role === 'bot',
    );

    const page = await openConsole(`#token=${rina}`);
    const row = page.locator(`button[data-conversation-id="${conversation.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Wants a human');
    expect(await row.getAttribute('class')).toContain('conversation--handover');
    await row.click();
    const log = page.getByRole('log');
    await log.getByText('Saya mau bicara dengan agen, paket saya rusak.').waitFor();
    expect(await log.locator('li.message--bot').count()).toBeGreaterThan(0);
    expect(await page.getByRole('main').textContent()).toContain('Wants a human');

    // Answering takes the conversation: it is no longer waiting for a person.
    const textbox = page.getByRole('textbox', { name: 'Reply to the visitor' });
    await textbox.fill('Halo Kak, saya Rina. Boleh kirim foto paketnya?');
    await textbox.press('Enter');
    await page.getByText('Assigned to Rina').waitFor();
    await expect.poll(() => row.textContent()).not.toContain('Wants a human');
    expect(await row.getAttribute('class')).not.toContain('conversation--handover');
    visitor.close();
    await page.close();
  });
});

describe('agent console security (issue 13)', () => {
  it('runs under its strict CSP without a violation, refuses to be framed, reveals bidi controls and names the real host', async () => {
    const visitor = await Visitor.start();
    await visitor.call('PATCH', '/visitor', { name: '\u202Eitsnah\u202C Admin' });
    const phishing = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        siteKey: 'demo',
        token: visitor.session.token,
        page: { url: 'https://evil.example/login-phish', title: 'https://toko-sapa.example/akun/pesanan/42' },
      }),
    });
    expect(phishing.status).toBe(201);
    const { token } = (await phishing.json()) as Session;
    const conversation = (await (
      await fetch(`${server.url}/v1/conversations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ clientConversationId: randomUUID() }),
      })
    ).json()) as Conversation;

    const page = await browser.newPage();
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const answer = await page.goto(`${server.url}/console/#token=${rina}`);
    expect(answer?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const row = page.locator(`button[data-conversation-id="${conversation.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('⟨U+202E⟩itsnah⟨U+202C⟩ Admin');
    await row.click();
    const profile = page.getByRole('complementary', { name: 'Visitor' });
    const pageLink = profile.getByRole('link');
    await pageLink.waitFor();
    expect(await pageLink.textContent()).toBe('evil.example/login-phish');
    expect(await profile.textContent()).toContain('https://toko-sapa.example/akun/pesanan/42');
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
    ).toEqual([]);

    // Another page cannot frame the console (and its sign-in form): the frame stays empty.
    const framing = await browser.newPage();
    await framing.setContent(`<iframe src="${server.url}/console/" title="console"></iframe>`);
    const frame = framing.frames()[1];
    // Chromium puts its own error page in the frame instead of the console.
    await expect.poll(async () => frame?.url()).toMatch(/^chrome-error:/);
    expect(await frame?.getByText('Sapa console').count()).toBe(0);
    visitor.close();
    await framing.close();
    await page.close();
  });

  it('pages the inbox: 50 conversations first, the rest on "Load more conversations"', async () => {
    const own = await startServer({
      port: 0,
      dbPath: ':memory:',
      quiet: true,
      rateLimit: false,
      agentToken: 'paging',
    });
    try {
      for (let index = 0; index < 55; index++) {
        const session = (await (
          await fetch(`${own.url}/v1/sessions`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ siteKey: 'demo' }),
          })
        ).json()) as Session;
        await fetch(`${own.url}/v1/conversations`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({ clientConversationId: 'c' }),
        });
      }
      const page = await browser.newPage();
      await page.goto(`${own.url}/console/#token=paging`);
      const rows = page.getByRole('navigation', { name: 'Conversations' }).locator('button.conversation');
      await expect.poll(() => rows.count()).toBe(50);
      const more = page.getByRole('button', { name: 'Load more conversations' });
      await more.click();
      await expect.poll(() => rows.count()).toBe(55);
      await expect.poll(() => more.count()).toBe(0);
      await page.close();
    } finally {
      await own.close();
    }
  });
});
