import type { AgentConversation, CareReport } from '@sapa/protocol/agent';
import {
  DEMO_SITE,
  type EmailSender,
  type OutgoingEmail,
  type RunningServer,
  type SiteConfig,
  startServer,
} from '@sapa/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { agentApi, axeViolations } from './fixtures/widget/helpers.js';
import { launchChromium } from './support/browser.js';

// Customer care at every hour (issue 12), in Chromium against the reference server with the demo shop, at 00:40 on
// a Monday in Jakarta (the shop opens at 08:00 WIB) and with no agent connected: nobody is online. The server's
// clock is pinned (and moved, not waited for); the browser's clock shows the same night.
const NIGHT_IN_JAKARTA = new Date('2026-03-01T17:40:00Z');
const DAY_MS = 86_400_000;

/**
 * A server on a clock the test moves, with the demo site (or a variant of it), no agent connected; with
 * `emailSender`, agents' replies are emailed to visitors who are away (`availability.emailReplies`).
 */
async function startNightServer(site: SiteConfig = DEMO_SITE, emailSender?: EmailSender) {
  let now = NIGHT_IN_JAKARTA;
  const server = await startServer({
    port: 0,
    dbPath: ':memory:',
    sites: [site],
    quiet: true,
    rateLimit: false,
    now: () => now,
    ...(emailSender ? { emailSender, mailFrom: 'halo@toko-sapa.example' } : {}),
  });
  return {
    server,
    agent: agentApi(server.url, server.agentToken),
    /** Moves the server's clock forward. */
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
      return now;
    },
  };
}

/** The agent API's answers the assertions read. */
function agentReads(server: RunningServer) {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}/agent/v1${path}`, {
      headers: { authorization: `Bearer ${server.agentToken}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    conversation: (id: string) => get<AgentConversation>(`/conversations/${id}`),
    search: (query: string) =>
      get<{ conversations: AgentConversation[] }>(`/conversations?status=all&q=${encodeURIComponent(query)}`),
    visitor: (id: string) =>
      get<{ name?: string; email?: string; sources?: Record<string, string> }>(`/visitors/${id}`),
    care: () => get<CareReport>('/care?from=2026-03-01&to=2026-03-31'),
  };
}

/** Polls `check` until it holds (the backend and the widget answer asynchronously). */
async function eventually<T>(
  check: () => Promise<T>,
  holds: (value: T) => boolean,
  what: string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (holds(value)) return value;
    if (Date.now() - started > 10_000)
      throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('customer care at night, with nobody online', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    expect(problems).toEqual([]);
    await context?.close();
  });

  /** A fresh visitor (a context of their own) on the demo shop, at `at` on the browser's clock. */
  async function openShop(server: RunningServer, at = NIGHT_IN_JAKARTA): Promise<Page> {
    context = await browser.newContext({ timezoneId: 'Asia/Jakarta' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.clock.setFixedTime(at);
    problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}/`);
    await launcher().waitFor();
    return page;
  }

  const launcher = () => page.getByRole('button', { name: 'Buka obrolan' });
  const log = () => page.getByRole('log', { name: 'Pesan' });
  const composer = () => page.getByRole('textbox', { name: 'Pesan' });
  const teaser = () => page.getByRole('region', { name: 'Pesan dari Toko Sapa' });
  const send = async (text: string) => {
    await composer().fill(text);
    await composer().press('Enter');
  };
  const expectAccessible = async () => expect(await axeViolations(page)).toEqual([]);

  describe('on the demo shop', () => {
    let server: RunningServer;
    let agent: ReturnType<typeof agentApi>;
    let reads: ReturnType<typeof agentReads>;
    let advance: (ms: number) => Date;

    beforeAll(async () => {
      ({ server, agent, advance } = await startNightServer());
      reads = agentReads(server);
    });

    afterAll(async () => {
      await server?.close();
    });

    test("a fresh visitor's question is answered by the bot, under the honest promise, in a chat (not a form)", async () => {
      await openShop(server);
      await launcher().click();
      // The header says when the team is back, in the shop's time.
      await page.getByText('Kami sedang tidak aktif. Kami kembali hari ini pukul 08.00 WIB').waitFor();
      await expect(page.getByRole('button', { name: 'Kirim pesan' }).count()).resolves.toBe(0);
      await send('Halo, pesanan saya belum sampai. Bisa dicek?');
      await log()
        .getByText('Status pesanan bisa Kakak cek di menu "Pesanan Saya"', { exact: false })
        .waitFor();
      // The promise sits in the log under the question; the backend emails no replies, so email is not promised.
      await log()
        .getByText('Tim kami kembali hari ini pukul 08.00 WIB. Kami akan membalas di sini.')
        .waitFor();
      await expect(page.getByRole('textbox', { name: 'Email Kakak' }).count()).resolves.toBe(0);
      const [conversation] = await agent.conversations();
      const messages = await agent.messages(conversation?.id ?? '');
      expect(messages.map((message) => message.author.role)).toEqual(['visitor', 'bot']);
      await expectAccessible();
    });

    test('the thank-you after identify and a purchase is answered as a conversation that starts with it', async () => {
      await openShop(server);
      await page.getByRole('button', { name: 'Masuk sebagai Budi' }).click();
      await page.getByRole('button', { name: 'Beli', exact: true }).first().click();
      const thanks = 'Terima kasih, Budi Santoso! Pesanan Anda sudah kami terima.';
      await teaser().getByText(thanks, { exact: false }).waitFor();
      await teaser().getByRole('button', { name: 'Balas' }).click();
      // The conversation starts with the thank-you, at night: the chat, with its composer.
      await log().getByText(thanks, { exact: false }).waitFor();
      await send('Sama-sama! Kapan pesanan saya dikirim?');
      await log().getByText('Sama-sama! Kapan pesanan saya dikirim?').waitFor();
      await log().getByText('Tim kami kembali hari ini pukul 08.00 WIB.', { exact: false }).waitFor();
      const found = await reads.search('Budi Santoso');
      expect(found.conversations).toHaveLength(1);
      const messages = await agent.messages(found.conversations[0]?.id ?? '');
      expect(messages[0]).toMatchObject({ author: { role: 'bot' } });
      expect(messages[0]?.text).toContain(thanks);
      expect(messages.some((message) => message.text === 'Sama-sama! Kapan pesanan saya dikirim?')).toBe(
        true,
      );
      await expectAccessible();
    });

    test('a recommendation card from two looks at a product: its picture, its price in rupiah, and the conversation it opens', async () => {
      await openShop(server);
      const coffee = page.getByRole('listitem').filter({ hasText: 'Kopi Arabika Gayo' });
      for (let look = 0; look < 2; look++) {
        await coffee.getByRole('button', { name: 'Lihat detail' }).click();
        await page
          .getByRole('region', { name: 'Kopi Arabika Gayo, 250 g' })
          .getByRole('button', { name: 'Tutup' })
          .click();
      }
      await teaser().getByRole('img', { name: 'Kopi Arabika Gayo, 250 g' }).waitFor();
      await expect(
        teaser()
          .getByText(/^Rp\s85\.000$/)
          .count(),
      ).resolves.toBe(1);
      // Seen: the care report counts the teaser.
      const seen = await eventually(
        () => reads.care(),
        (report) =>
          (report.campaigns.find((campaign) => campaign.id === 'product-recommendation')?.seen ?? 0) > 0,
        'the recommendation counted as seen',
      );
      expect(seen.campaigns.find((campaign) => campaign.id === 'product-recommendation')).toMatchObject({
        sent: 1,
        seen: 1,
      });
      await teaser().getByRole('button', { name: 'Balas' }).click();
      await log().getByRole('link', { name: 'Kopi Arabika Gayo, 250 g' }).waitFor();
      await expect(
        log()
          .getByText(/^Rp\s85\.000$/)
          .count(),
      ).resolves.toBe(1);
      await expectAccessible();
    });

    test('the WhatsApp link carries the conversation’s reference, which finds the conversation', async () => {
      await openShop(server);
      await launcher().click();
      await send('Halo, ongkir ke Bandung berapa?');
      await log().getByText('Halo, ongkir ke Bandung berapa?').waitFor();
      const reference = page.getByText(/^Nomor referensi obrolan: SP-[2-9A-HJKMNP-Z]{4,}$/);
      await reference.waitFor();
      const code = ((await reference.textContent()) ?? '').split(': ')[1] ?? '';
      const whatsapp = page.getByRole('link', { name: 'Lanjut di WhatsApp' });
      const href = (await whatsapp.getAttribute('href')) ?? '';
      expect(href.startsWith('https://wa.me/6281234567890?text=')).toBe(true);
      expect(new URL(href).searchParams.get('text')).toBe(
        `Halo, saya lanjut dari chat di situs. Ref ${code}`,
      );
      expect(href).not.toContain('+');
      const email = (await page.getByRole('link', { name: 'Kirim email' }).getAttribute('href')) ?? '';
      expect(email).toBe(`mailto:halo@toko-sapa.example?subject=Ref%20${code}`);
      const found = await reads.search(code.toLowerCase());
      expect(found.conversations.map((conversation) => conversation.reference)).toEqual([code]);
      const messages = await agent.messages(found.conversations[0]?.id ?? '');
      expect(messages[0]?.text).toBe('Halo, ongkir ke Bandung berapa?');
    });

    test('the feedback request three days after resolution is answered on the NPS scale, and stored', async () => {
      await openShop(server);
      await launcher().click();
      const question = 'Halo, apakah kopi Gayo bisa dikirim ke Medan?';
      await send(question);
      await log().getByText(question).waitFor();
      const reference = page.getByText(/^Nomor referensi obrolan: SP-/);
      await reference.waitFor();
      const found = await reads.search(((await reference.textContent()) ?? '').split(': ')[1] ?? '');
      const id = found.conversations[0]?.id ?? '';
      await agent.resolve(id);
      await page.getByText('Obrolan ini sudah selesai').waitFor();
      // Three days later (the rule's `days: 3`): the clock moves, the sweep runs, nobody waits.
      const later = advance(3 * DAY_MS + 60 * 60_000);
      await page.clock.setFixedTime(later);
      expect((await server.runCareSweep()).feedbackRequests).toBe(1);
      const scale = page.getByRole('group', {
        name: 'Seberapa besar kemungkinan Kakak merekomendasikan kami kepada teman?',
      });
      await scale.waitFor();
      await log()
        .getByText('Seberapa besar kemungkinan Kakak merekomendasikan Toko Sapa', { exact: false })
        .waitFor();
      await expectAccessible();
      await scale.getByRole('radio', { name: '9' }).check();
      await page
        .getByRole('textbox', { name: /Apa alasan utama Kakak memberi nilai itu\?/ })
        .fill('Kurirnya ramah, Kak.');
      await page.getByRole('button', { name: 'Kirim jawaban' }).click();
      await log().getByText('Terima kasih, Kak. Masukannya sudah kami catat', { exact: false }).waitFor();
      const stored = await eventually(
        () => reads.conversation(id),
        (conversation) => conversation.feedback?.some((answer) => answer.comment !== undefined) === true,
        'the NPS answer with its comment',
      );
      expect(stored.status).toBe('resolved');
      expect(stored.feedback?.filter((answer) => answer.kind === 'nps')).toMatchObject([
        { kind: 'nps', score: 9, comment: 'Kurirnya ramah, Kak.', campaignId: 'feedback-after-resolved' },
      ]);
      const report = await reads.care();
      // 9 is a promoter's score (9–10): one answer, all promoters, an NPS of 100.
      expect(report.nps).toMatchObject({ count: 1, promoters: 1, passives: 0, detractors: 0, score: 100 });
    });
  });

  describe('on a shop whose backend emails replies', () => {
    let server: RunningServer;
    let agent: ReturnType<typeof agentApi>;
    let reads: ReturnType<typeof agentReads>;
    let advance: (ms: number) => Date;
    const emails: OutgoingEmail[] = [];

    beforeAll(async () => {
      const sender: EmailSender = { send: async (email) => void emails.push(email), close: () => {} };
      ({ server, agent, advance } = await startNightServer(DEMO_SITE, sender));
      reads = agentReads(server);
    });

    afterAll(async () => {
      await server?.close();
    });

    test('the visitor leaves an email inside the conversation, and the morning’s answer is emailed there', async () => {
      await openShop(server);
      await launcher().click();
      await send('Halo, apakah bisa bayar di tempat?');
      await log()
        .getByText(
          'Tim kami kembali hari ini pukul 08.00 WIB. Kami akan membalas di sini, juga lewat email kalau Kakak meninggalkan alamat email.',
        )
        .waitFor();
      await page.getByRole('form', { name: 'Terima balasan lewat email' }).waitFor();
      await expectAccessible();
      await page.getByRole('textbox', { name: 'Email Kakak' }).fill('sari@example.com');
      await page.getByRole('button', { name: 'Simpan email' }).click();
      await page.getByRole('status').getByText('Balasan akan kami kirim juga ke sari@example.com.').waitFor();
      await log().getByText('Kami akan membalas di sini dan juga lewat email.', { exact: false }).waitFor();
      const found = await reads.search('sari@example.com');
      const conversation = found.conversations[0];
      expect((await reads.visitor(conversation?.visitor.id ?? '')).sources).toMatchObject({ email: 'chat' });
      // The visitor leaves; at 08:05 an agent answers, and the sweep emails it.
      expect(problems).toEqual([]);
      await context.close();
      await eventually(
        () => reads.conversation(conversation?.id ?? ''),
        (seen) => !seen.visitor.online,
        'the visitor gone',
      );
      advance(7 * 60 * 60_000 + 25 * 60_000);
      await agent.send(conversation?.id ?? '', {
        type: 'text',
        text: 'Bisa, Kak. COD tersedia untuk Jabodetabek.',
      });
      advance(2 * 60_000);
      await server.runCareSweep();
      expect(emails.map((email) => email.to)).toEqual(['sari@example.com']);
      expect(emails[0]?.text).toContain('Bisa, Kak. COD tersedia untuk Jabodetabek.');
    });
  });

  describe('on a shop that asks before the chat and wants a message left at night', () => {
    let server: RunningServer;
    let reads: ReturnType<typeof agentReads>;
    const asking: SiteConfig = {
      ...DEMO_SITE,
      offline: 'form',
      prechat: {
        enabled: true,
        fields: [
          { name: 'name', type: 'text', required: true },
          { name: 'email', type: 'email', required: true },
        ],
      },
    };

    beforeAll(async () => {
      ({ server } = await startNightServer(asking));
      reads = agentReads(server);
    });

    afterAll(async () => {
      await server?.close();
    });

    /** Records every name or email field the widget ever draws, from before the app loads. */
    const watchForProfileFields = () =>
      page.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { profileFieldsSeen: string[] }).profileFieldsSeen = seen;
        const check = (root: ParentNode) => {
          for (const input of root.querySelectorAll(
            'input[autocomplete="name"], input[autocomplete="email"]',
          ))
            seen.push(input.getAttribute('autocomplete') ?? '');
        };
        const watch = () => {
          const root = document.querySelector('sapa-widget')?.shadowRoot;
          if (!root) return void setTimeout(watch, 5);
          check(root);
          new MutationObserver(() => check(root)).observe(root, { childList: true, subtree: true });
        };
        watch();
      });
    const profileFieldsSeen = () =>
      page.evaluate(() => (window as unknown as { profileFieldsSeen: string[] }).profileFieldsSeen);

    test('a visitor the shop does not know is asked for a name and an email', async () => {
      await openShop(server);
      await watchForProfileFields();
      await launcher().click();
      await page.getByRole('textbox', { name: 'Nama' }).waitFor();
      await page.getByRole('textbox', { name: 'Email' }).waitFor();
      expect(new Set(await profileFieldsSeen())).toEqual(new Set(['name', 'email']));
    });

    test('an identified customer is never shown name or email fields, and leaves just the message', async () => {
      await openShop(server);
      await watchForProfileFields();
      // A slow identify (a busy network): the forms must wait for it rather than ask what it is about to tell.
      await page.route('**/v1/identify', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        await route.continue();
      });
      await page.getByRole('button', { name: 'Masuk sebagai Budi' }).click();
      await launcher().click();
      // Nobody online and no conversation yet: the message form, with nothing to ask but the message.
      const message = page.getByRole('textbox', { name: 'Pesan' });
      await page.getByRole('button', { name: 'Kirim pesan' }).waitFor();
      await message.fill('Apakah teh Kayu Aro ada yang 250 g?');
      await page.getByRole('button', { name: 'Kirim pesan' }).click();
      await page
        .getByRole('status')
        .getByText('Terima kasih! Pesan Anda sudah kami terima', { exact: false })
        .waitFor();
      expect(await profileFieldsSeen()).toEqual([]);
      await expectAccessible();
      const found = await eventually(
        () => reads.search('budi@example.com'),
        (result) => result.conversations.length === 1,
        'the message left',
      );
      const visitor = await reads.visitor(found.conversations[0]?.visitor.id ?? '');
      expect(visitor).toMatchObject({ name: 'Budi Santoso', email: 'budi@example.com' });
      expect(visitor.sources).toMatchObject({ name: 'identity', email: 'identity' });
    });
  });
});
