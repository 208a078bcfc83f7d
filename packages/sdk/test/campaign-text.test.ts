/**
 * A campaign reads the same wherever it is rendered: the SDK renders client-side campaigns (the teaser), the
 * reference server renders the same campaign as the first message of the conversation the visitor starts from it
 * (and backend campaigns). Both use `renderLocalizedTemplate` of `@sapa/protocol`; this holds them to it with the
 * demo shop's real templates, for a visitor with and without a name, in English and Indonesian.
 */
import type { Campaign, Conversation, Locale, MessagePage, Session, Visitor } from '@sapa/protocol';
import { DEMO_SITE, type RunningServer, type SiteConfig, startServer } from '@sapa/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCampaignEngine } from '../src/campaign-engine.js';
import { createClient } from '../src/index.js';
import type { ActiveCampaign } from '../src/types.js';
import { waitUntil } from './helpers.js';

const PAGE_URL = 'https://toko.example/produk/42';

/** Every template of the demo shop (client-side and backend campaigns) as a client-side campaign on any page. */
const campaigns: Campaign[] = [...(DEMO_SITE.campaigns ?? []), ...(DEMO_SITE.eventCampaigns ?? [])].map(
  ({ id, message }) => ({
    id,
    trigger: { type: 'page', urlPattern: '*' },
    message,
    frequency: 'every-visit',
  }),
);
const site: SiteConfig = { siteKey: 'care', name: 'Toko Sapa', defaultLocale: 'id', bot: false, campaigns };

let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ port: 0, dbPath: ':memory:', quiet: true, rateLimit: false, sites: [site] });
});
afterAll(async () => {
  await server.close();
});

async function call<T>(method: string, path: string, token: string | undefined, body?: unknown): Promise<T> {
  const response = await fetch(`${server.url}/v1${path}`, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(response.ok, `${method} ${path} answered ${response.status}`).toBe(true);
  return (await response.json()) as T;
}

/** The first message of a conversation started from `campaignId`: what the server rendered. */
async function serverText(token: string, campaignId: string): Promise<string | undefined> {
  const conversation = await call<Conversation>('POST', '/conversations', token, {
    clientConversationId: crypto.randomUUID(),
    campaignId,
  });
  const page = await call<MessagePage>('GET', `/conversations/${conversation.id}/messages?after=0`, token);
  return page.messages[0]?.text;
}

/** What the SDK's campaign engine shows for the same visitor. */
function clientTexts(visitor: Visitor, locale: Locale): Map<string, string> {
  const shown = new Map<string, string>();
  const engine = createCampaignEngine({
    url: () => PAGE_URL,
    visitor: () => visitor,
    locale: () => locale,
    defaultLocale: () => 'id',
    show: (campaign: ActiveCampaign) => shown.set(campaign.id, campaign.message),
    remember: () => {},
  });
  engine.startVisit(undefined);
  engine.evaluate(campaigns);
  engine.stop();
  return shown;
}

describe('a campaign reads the same from the SDK and from the server', () => {
  test.each<[Locale, string | undefined, string]>([
    ['id', undefined, 'Halo Kak, masih bingung memilih?'],
    ['id', 'Budi', 'Halo Budi, masih bingung memilih?'],
    ['en', undefined, 'Hi, still deciding?'],
    ['en', 'Budi', 'Hi Budi, still deciding?'],
  ])('locale %s, name %s', async (locale, name, offerStart) => {
    const session = await call<Session>('POST', '/sessions', undefined, { siteKey: 'care', locale });
    const { visitor } = await call<{ visitor: Visitor }>('PATCH', '/visitor', session.token, {
      ...(name ? { name } : {}),
      attributes: { plan: 'gold' },
    });
    const fromClient = clientTexts(visitor, locale);
    expect([...fromClient.keys()]).toEqual(campaigns.map((campaign) => campaign.id));
    for (const [id, text] of fromClient) expect(await serverText(session.token, id)).toBe(text);
    expect(fromClient.get('time-on-page-offer')).toMatch(new RegExp(`^${offerStart}`));
  });

  test('through the client: the teaser and the first message of the conversation it starts are one text', async () => {
    const sapa = createClient({
      apiUrl: server.url,
      siteKey: 'care',
      storage: 'memory',
      locale: 'id',
      page: () => ({ url: PAGE_URL }),
    });
    const teasers: ActiveCampaign[] = [];
    sapa.on('campaign', (campaign) => teasers.push(campaign));
    try {
      await sapa.connect();
      await waitUntil(() => teasers.length > 0, 5_000, 'a teaser');
      const teaser = teasers[0] as ActiveCampaign;
      expect(teaser.message).toMatch(/^Halo Kak, /);
      const conversation = await sapa.startConversation({ campaignId: teaser.id });
      await waitUntil(
        () => (sapa.getSnapshot().messages[conversation.id] ?? []).length > 0,
        5_000,
        'the first message',
      );
      expect(sapa.getSnapshot().messages[conversation.id]?.[0]?.text).toBe(teaser.message);
    } finally {
      sapa.disconnect();
    }
  });
});
