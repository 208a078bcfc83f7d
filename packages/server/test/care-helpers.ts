import { randomUUID } from 'node:crypto';
import { DEMO_SITE, type EventCampaign, type RunningServer, type SiteConfig } from '../src/index.js';
import { call, type Frame, newSession, startTestServer, visitorStream } from './helpers.js';
import { JAKARTA_NIGHT, PinnedClock } from './pinned-clock.js';

/**
 * Every durable event of a visitor after `cursor`, complete: a new conversation is the last event written, and the
 * replay is read up to it, so what came before is all there.
 */
export async function durableEventsAfter(
  server: RunningServer,
  token: string,
  cursor: string,
): Promise<Frame[]> {
  const marker = await call(
    server,
    'POST',
    '/v1/conversations',
    { clientConversationId: randomUUID() },
    token,
  );
  const stream = await visitorStream(server, token, cursor);
  await stream.next(
    (frame) => frame.event === 'conversation.updated' && frame.data.conversation.id === marker.body.id,
  );
  stream.close();
  const end = stream.frames.findIndex(
    (frame) => frame.event === 'conversation.updated' && frame.data.conversation.id === marker.body.id,
  );
  return stream.frames.slice(0, end).filter((frame) => frame.event !== undefined);
}

/** The campaigns a visitor was sent after `cursor`, as `campaign.triggered` carried them. */
export async function campaignsAfter(
  server: RunningServer,
  token: string,
  cursor: string,
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on the campaign JSON the server sent.
): Promise<any[]> {
  const frames = await durableEventsAfter(server, token, cursor);
  return frames.filter((frame) => frame.event === 'campaign.triggered').map((frame) => frame.data.campaign);
}

/** A custom event of the visitor (`POST /v1/events`). */
export function track(
  server: RunningServer,
  token: string,
  name: string,
  properties?: Record<string, string | number | boolean | null>,
) {
  return call(server, 'POST', '/v1/events', properties ? { name, properties } : { name }, token);
}

/** A visitor's text in a conversation. */
export function say(server: RunningServer, token: string, conversationId: string, text: string) {
  return call(
    server,
    'PUT',
    `/v1/conversations/${conversationId}/messages/${randomUUID()}`,
    { type: 'text', text },
    token,
  );
}

/** The messages of a conversation, as the visitor reads them. */
export async function messagesOf(
  server: RunningServer,
  token: string,
  conversationId: string,
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on the message JSON the server sent.
): Promise<any[]> {
  const page = await call(
    server,
    'GET',
    `/v1/conversations/${conversationId}/messages?limit=200`,
    undefined,
    token,
  );
  return page.body.messages;
}

/** `GET /agent/v1/care` with the given query. */
export async function careReport(server: RunningServer, query = '') {
  const answer = await call(server, 'GET', `/agent/v1/care${query}`, undefined, server.agentToken);
  if (answer.status !== 200)
    throw new Error(`The care report answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** The product of the demo shop a visitor views, as the shop tracks it. */
export function product(sku = 'kopi-gayo') {
  const products: Record<string, { name: string; price: number }> = {
    'kopi-gayo': { name: 'Kopi Arabika Gayo, 250 g', price: 85000 },
    'teh-kayu-aro': { name: 'Teh Hitam Kayu Aro, 100 g', price: 42000 },
  };
  const known = products[sku] ?? { name: sku, price: 10000 };
  return {
    sku,
    name: known.name,
    price: known.price,
    url: `https://toko-sapa.example/produk/${sku}`,
    imageUrl: `https://toko-sapa.example/gambar/${sku}.svg`,
  };
}

/** A demo-site visitor speaking Indonesian, named, on a server whose clock stands at night in Jakarta. */
export async function nightShop(sites: SiteConfig[] = [DEMO_SITE], name = 'Dewi') {
  const clock = new PinnedClock(JAKARTA_NIGHT);
  const server = await startTestServer({ now: clock.now, sites });
  const session = await newSession(server, { locale: 'id-ID' });
  await call(server, 'PATCH', '/v1/visitor', { name }, session.token);
  return { clock, server, session, token: session.token };
}

/** The demo site with one of its backend campaigns changed. */
export function demoWith(id: string, change: Partial<EventCampaign>): SiteConfig {
  const eventCampaigns = (DEMO_SITE.eventCampaigns ?? []).map((campaign) =>
    campaign.id === id ? { ...campaign, ...change } : campaign,
  );
  return { ...DEMO_SITE, eventCampaigns };
}
