/**
 * Customer care in the agent console, end to end (issue 12): a real reference server on a pinned clock, a week of
 * a shop's care seeded through the visitor protocol (events, campaigns seen and answered, ratings, an NPS answer
 * days after resolution), and the built console in Chromium, in English and Indonesian.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Conversation, Session } from '@sapa/protocol';
import { type CareReport, parseCareReport } from '@sapa/protocol/agent';
import { DEMO_SITE, type RunningServer, startServer } from '@sapa/server';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { axeViolations } from './support/console-axe.js';

const consoleConfig = fileURLToPath(new URL('../packages/server/console/vite.config.ts', import.meta.url));
const builtConsole = fileURLToPath(new URL('../packages/server/dist/console/index.html', import.meta.url));

/** Monday 2 March 2026, 10:00 in Jakarta: the demo shop is open. */
const MONDAY_MORNING = Date.parse('2026-03-02T03:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let time = MONDAY_MORNING;
let server: RunningServer;
let browser: Browser;
let sari: string;
let budi: string;
/** The conversations the week left, by customer. */
const conversations: Record<'ani' | 'dodi', Conversation> = {} as Record<'ani' | 'dodi', Conversation>;

/** A shop customer speaking the protocol with plain fetch calls, as the SDK would. */
class Customer {
  private constructor(readonly token: string) {}

  static async start(name: string, email: string): Promise<Customer> {
    const response = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteKey: 'demo', locale: 'id-ID' }),
    });
    expect(response.status).toBe(201);
    const customer = new Customer(((await response.json()) as Session).token);
    await customer.call('PATCH', '/visitor', { name, email, source: 'form' });
    return customer;
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${server.url}/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, `${method} ${path} answered ${response.status}`).toBe(true);
    // 202 and 204 answers have no body.
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  say(conversationId: string, body: Record<string, unknown>): Promise<unknown> {
    return this.call('PUT', `/conversations/${conversationId}/messages/${randomUUID()}`, body);
  }
}

/** An agent's call with their own token: their replies make them the conversation's assignee. */
async function agentCall(token: string, path: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${server.url}/agent/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.ok, `POST ${path} answered ${response.status}`).toBe(true);
  return response.json();
}

async function answerAndResolve(token: string, conversationId: string): Promise<void> {
  await agentCall(token, `/conversations/${conversationId}/messages`, {
    type: 'text',
    text: 'Baik, Kak, sudah kami bantu.',
  });
  await agentCall(token, `/conversations/${conversationId}/resolve`);
}

/**
 * The week: Monday Ani buys, sees the thank-you, answers it and rates Sari 5; Bayu buys and never looks; Citra sees
 * the time-on-page offer. Tuesday Dodi asks, Budi answers, 2 stars. Thursday the "would you recommend us" question
 * reaches Ani's conversation (resolved three days before) and she answers 9, with a comment.
 */
async function seedTheWeek(): Promise<void> {
  const ani = await Customer.start('Ani Lestari', 'ani@example.id');
  await ani.call('POST', '/events', { name: 'purchase_completed', properties: { total: 85000 } });
  await ani.call('POST', '/campaigns/purchase-thank-you/seen');
  conversations.ani = await ani.call<Conversation>('POST', '/conversations', {
    clientConversationId: randomUUID(),
    campaignId: 'purchase-thank-you',
  });
  await ani.say(conversations.ani.id, { type: 'text', text: 'Senang sekali, kopinya enak!' });
  await answerAndResolve(sari, conversations.ani.id);
  await ani.call('POST', `/conversations/${conversations.ani.id}/rating`, {
    score: 5,
    comment: 'Mantap, ramah sekali',
  });
  const bayu = await Customer.start('Bayu', 'bayu@example.id');
  await bayu.call('POST', '/events', { name: 'purchase_completed', properties: { total: 42000 } });
  const citra = await Customer.start('Citra', 'citra@example.id');
  await citra.call('POST', '/campaigns/time-on-page-offer/seen');

  time += DAY;
  const dodi = await Customer.start('Dodi', 'dodi@example.id');
  conversations.dodi = await dodi.call<Conversation>('POST', '/conversations', {
    clientConversationId: randomUUID(),
  });
  await dodi.say(conversations.dodi.id, { type: 'text', text: 'Paket saya rusak' });
  await answerAndResolve(budi, conversations.dodi.id);
  await dodi.call('POST', `/conversations/${conversations.dodi.id}/rating`, {
    score: 2,
    comment: 'Lama balasnya',
  });

  time += 2 * DAY + HOUR;
  expect((await server.runCareSweep()).feedbackRequests).toBe(1);
  await ani.say(conversations.ani.id, { type: 'postback', payload: 'nps:9', text: '9' });
  await ani.say(conversations.ani.id, { type: 'text', text: 'Pasti saya rekomendasikan ke teman' });
}

beforeAll(async () => {
  if (!existsSync(builtConsole)) await build({ configFile: consoleConfig, logLevel: 'warn' });
  server = await startServer({
    port: 0,
    dbPath: ':memory:',
    quiet: true,
    rateLimit: false,
    sites: [DEMO_SITE],
    now: () => new Date(time),
  });
  sari = (await server.agents.add('Sari')).token;
  budi = (await server.agents.add('Budi')).token;
  await seedTheWeek();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The care report as the agent API gives it, for the same question the page asks. */
async function apiReport(query = ''): Promise<CareReport> {
  const response = await fetch(`${server.url}/agent/v1/care${query}`, {
    headers: { Authorization: `Bearer ${sari}` },
  });
  return parseCareReport(await response.json());
}

/** What the console's CSP refused on `page` since it loaded. */
function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

/** The cells of each body row of a table, as text. */
function rows(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((found) =>
      found.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? '')),
    );
}

async function signIn(context: BrowserContext, token: string): Promise<Page> {
  const page = await context.newPage();
  // Everything the console's strict CSP (Trusted Types included) refuses is recorded: charts and all must pass.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto(`${server.url}/console/#token=${token}`);
  await page
    .getByRole('status')
    .filter({ hasText: /^(Live|Terhubung)$/ })
    .waitFor();
  return page;
}

describe('customer care in the agent console', () => {
  it('counts on the care page exactly what was sent, seen, answered and rated, and narrows it to one agent', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, sari);
    // The care page is a link of the banner, reached and followed with the keyboard.
    const careLink = page.getByRole('banner').getByRole('link', { name: 'Customer care' });
    await careLink.focus();
    await page.keyboard.press('Enter');
    const care = page.getByRole('main').getByRole('region', { name: 'Customer care' });
    await care.getByRole('heading', { level: 2, name: 'Customer care' }).waitFor();
    expect(await careLink.getAttribute('aria-current')).toBe('page');
    expect(new URL(page.url()).hash).toBe('#care');
    // The server's default period: the 30 days up to its today (Thursday 5 March, Jakarta).
    await care.getByRole('status').filter({ hasText: 'to Thursday, March 5, 2026' }).waitFor();

    const campaigns = care.getByRole('region', { name: 'Campaigns' }).getByRole('table');
    const campaignRows = await rows(campaigns);
    const campaign = (id: string) => campaignRows.find((row) => row[0] === id);
    // Ani and Bayu were thanked, Ani saw it and answered, and rated that conversation 5.
    expect(campaign('purchase-thank-you')).toEqual([
      'purchase-thank-you',
      '2',
      '1 (50%)',
      '1 (50%)',
      '5 from 1 rating',
    ]);
    // Citra saw the time-on-page offer: logged as sent and seen, never answered.
    expect(campaign('time-on-page-offer')).toEqual([
      'time-on-page-offer',
      '1',
      '1 (100%)',
      '0 (0%)',
      'no ratings',
    ]);
    // One NPS question went out, to Ani, who answered it.
    expect(campaign('feedback-after-resolved')?.slice(0, 2)).toEqual(['feedback-after-resolved', '1']);
    expect(campaign('feedback-after-resolved')?.[3]).toBe('1 (100%)');
    expect(campaign('product-recommendation')?.slice(1, 4)).toEqual(['0', '0', '0']);

    const ratings = care.getByRole('region', { name: 'Ratings' });
    expect(await ratings.textContent()).toContain('3.5 out of 5');
    expect(await ratings.textContent()).toContain('from 2 ratings');
    expect(await rows(ratings.getByRole('table'))).toEqual([
      ['5 stars', '1'],
      ['4 stars', '0'],
      ['3 stars', '0'],
      ['2 stars', '1'],
      ['1 star', '0'],
    ]);
    const nps = care.getByRole('region', { name: 'Would recommend us (NPS)' });
    expect(await nps.textContent()).toContain('NPS 100');
    expect(await rows(nps.getByRole('table'))).toEqual([
      ['Promoters (9–10)', '1'],
      ['Passives (7–8)', '0'],
      ['Detractors (0–6)', '0'],
    ]);

    // Day by day, as the agent API counts it: the page draws and lists the report's own numbers.
    const report = await apiReport();
    const days = await rows(care.getByRole('table', { name: 'Every day of the period' }));
    expect(days).toHaveLength(30);
    expect(days.map((row) => row.slice(1, 4).map(Number))).toEqual(
      report.series.map((day) => [day.sent, day.seen, day.answered]),
    );
    const monday = days.find((row) => row[0] === 'Monday, March 2, 2026');
    expect(monday?.slice(1, 6)).toEqual(['3', '2', '1', '1', '5']);
    const tuesday = days.find((row) => row[0] === 'Tuesday, March 3, 2026');
    expect(tuesday?.slice(4, 6)).toEqual(['1', '2']);
    const thursday = days.find((row) => row[0] === 'Thursday, March 5, 2026');
    expect(thursday?.slice(6)).toEqual(['1', '100']);
    const charts = care.getByRole('region', { name: 'Day by day' }).getByRole('img');
    expect(await charts.count()).toBe(2);
    expect(await charts.first().getAttribute('aria-labelledby')).toBeTruthy();

    const comments = care.getByRole('region', { name: 'Latest comments' }).getByRole('listitem');
    expect(await comments.count()).toBe(3);
    expect(await comments.nth(0).textContent()).toContain('Pasti saya rekomendasikan ke teman');
    expect(await comments.nth(0).textContent()).toContain('Would recommend: 9 out of 10');
    expect(await comments.nth(0).textContent()).toContain('handled by Sari');
    expect(await comments.nth(1).textContent()).toContain('Lama balasnya');
    expect(await comments.nth(2).textContent()).toContain('Mantap, ramah sekali');
    expect(await axeViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);

    // Budi's feedback only: Dodi's two stars; the campaigns' reach stays the site's, their CSAT is Budi's.
    await care.getByRole('combobox', { name: 'Agent' }).selectOption({ label: 'Budi' });
    await care.getByRole('button', { name: 'Show report' }).click();
    await care.getByText('while Budi handled the conversation', { exact: false }).waitFor();
    await ratings.getByText('2 out of 5').waitFor();
    expect(await ratings.textContent()).toContain('from 1 rating');
    expect(await nps.textContent()).toContain('No NPS answers in this period.');
    expect((await rows(campaigns)).find((row) => row[0] === 'purchase-thank-you')).toEqual([
      'purchase-thank-you',
      '2',
      '1 (50%)',
      '1 (50%)',
      'no ratings',
    ]);

    // A shorter period: Tuesday alone.
    await care.getByLabel('From', { exact: true }).fill('2026-03-03');
    await care.getByLabel('To', { exact: true }).fill('2026-03-03');
    await care.getByRole('button', { name: 'Show report' }).click();
    await care
      .getByRole('status')
      .filter({ hasText: 'Tuesday, March 3, 2026 to Tuesday, March 3, 2026' })
      .waitFor();
    expect(await rows(care.getByRole('table', { name: 'Every day of the period' }))).toEqual([
      ['Tuesday, March 3, 2026', '0', '0', '0', '1', '2', '0', '—'],
    ]);

    // A comment opens its conversation in the inbox, with the feedback it came with.
    await care.getByRole('button', { name: `Open conversation ${conversations.dodi.reference}` }).click();
    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: 'Dodi' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#inbox');
    await main.getByRole('region', { name: 'Feedback' }).getByText('Rated 2 out of 5').waitFor();
    await context.close();
  });

  it('finds a conversation by the reference a customer quotes, and shows its reference, feedback and profile sources', async () => {
    const context = await browser.newContext();
    const page = await signIn(context, sari);
    const reference = conversations.ani.reference ?? '';
    expect(reference).toMatch(/^SP-[2-9A-HJKMNP-Z]{4,}$/);
    const inbox = page.getByRole('navigation', { name: 'Conversations' });
    // As quoted on WhatsApp: "Ref SP-7KQ2", in any case.
    await inbox
      .getByRole('searchbox', { name: 'Find a conversation' })
      .fill(`ref ${reference.toLowerCase()}`);
    await inbox.getByRole('searchbox', { name: 'Find a conversation' }).press('Enter');
    await inbox
      .getByRole('status')
      .filter({ hasText: `1 conversation for “ref ${reference.toLowerCase()}”` })
      .waitFor();
    const row = inbox.locator(`button[data-conversation-id="${conversations.ani.id}"]`);
    expect(await row.textContent()).toContain(reference);
    expect(await inbox.locator('button.conversation').count()).toBe(1);
    await row.click();

    const main = page.getByRole('main');
    await main.getByRole('heading', { level: 2, name: 'Ani Lestari' }).waitFor();
    const header = main.locator('.thread__header');
    expect(await header.locator('.reference__value').textContent()).toBe(reference);
    expect(await header.getByRole('button', { name: `Copy reference ${reference}` }).textContent()).toBe(
      'Copy',
    );
    const feedback = main.getByRole('region', { name: 'Feedback' });
    await feedback.getByText('Rated 5 out of 5').waitFor();
    expect(await feedback.textContent()).toContain('Mantap, ramah sekali');
    expect(await feedback.textContent()).toContain('Would recommend us: 9 out of 10');
    expect(await feedback.textContent()).toContain('promoter');
    expect(await feedback.textContent()).toContain('Pasti saya rekomendasikan ke teman');
    expect(await feedback.textContent()).toContain('handled by Sari');
    // Ani gave her name and email in a form.
    const profile = page.getByRole('complementary', { name: 'Visitor' });
    await profile.getByText('ani@example.id').waitFor();
    expect(await profile.locator('dd').filter({ hasText: 'ani@example.id' }).textContent()).toBe(
      'ani@example.id, from a form',
    );
    expect(await axeViolations(page)).toEqual([]);

    // By email, and back to the inbox.
    const box = inbox.getByRole('searchbox', { name: 'Find a conversation' });
    await box.fill('dodi@example.id');
    await box.press('Enter');
    await inbox.locator(`button[data-conversation-id="${conversations.dodi.id}"]`).waitFor();
    await inbox.getByRole('button', { name: 'Clear search' }).click();
    await inbox.getByRole('button', { name: 'Active' }).and(page.locator('[aria-pressed="true"]')).waitFor();
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await context.close();
  });

  it('speaks Indonesian once an agent chooses it, and remembers it for that agent after a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await signIn(context, sari);
    await page.getByRole('banner').getByRole('combobox', { name: 'Language' }).selectOption('id');
    const banner = page.getByRole('banner');
    await banner.getByRole('status').filter({ hasText: 'Terhubung' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('id');
    await expect.poll(() => page.title()).toBe('Konsol Sapa');

    await page.reload();
    await banner.getByText('Masuk sebagai Sari').waitFor();
    await page
      .getByRole('navigation', { name: 'Percakapan' })
      .getByRole('button', { name: 'Aktif' })
      .waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('id');

    // The care page in Indonesian, with Indonesian dates and numbers, and nothing axe objects to.
    await banner.getByRole('link', { name: 'Customer care' }).click();
    const care = page.getByRole('main').getByRole('region', { name: 'Customer care' });
    await care.getByRole('status').filter({ hasText: 'sampai Kamis, 05 Maret 2026' }).waitFor();
    const ratings = care.getByRole('region', { name: 'Penilaian' });
    expect(await ratings.textContent()).toContain('3,5 dari 5');
    const campaignRows = await rows(care.getByRole('region', { name: 'Kampanye' }).getByRole('table'));
    expect(campaignRows.find((row) => row[0] === 'purchase-thank-you')).toEqual([
      'purchase-thank-you',
      '2',
      '1 (50%)',
      '1 (50%)',
      '5 dari 1 penilaian',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);

    // Another agent on the same computer keeps a language of their own: Budi chooses English.
    await banner.getByRole('button', { name: 'Keluar' }).click();
    const field = page.getByLabel('Token agen');
    await field.fill(budi);
    await field.press('Enter');
    await banner.getByText('Masuk sebagai Budi').waitFor();
    await banner.getByRole('combobox', { name: 'Bahasa' }).selectOption('en');
    await banner.getByText('Signed in as Budi').waitFor();
    await page.reload();
    await page.getByRole('banner').getByText('Signed in as Budi').waitFor();

    // Sari comes back: Indonesian again, as she left it.
    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Agent token').fill(sari);
    await page.getByLabel('Agent token').press('Enter');
    await page.getByRole('banner').getByText('Masuk sebagai Sari').waitFor();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('id');
    await context.close();
  });
});
