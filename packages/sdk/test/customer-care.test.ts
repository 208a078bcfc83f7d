import type { RunningServer } from '@sapa/server';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createClient, type SapaClient, ValidationError } from '../src/index.js';
import { FaultProxy } from './fault-proxy.js';
import { startTestServer } from './helpers.js';

let server: RunningServer;
let proxy: FaultProxy;
const clients: SapaClient[] = [];

async function connected(): Promise<SapaClient> {
  const client = createClient({ apiUrl: proxy.url, siteKey: 'demo', storage: 'memory', locale: 'id' });
  clients.push(client);
  await client.connect();
  return client;
}

/** Reads the agent API as the console would. */
async function agentGet(path: string): Promise<unknown> {
  const response = await fetch(`${server.url}/agent/v1${path}`, {
    headers: { Authorization: `Bearer ${server.agentToken}` },
  });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return response.json();
}

/** Waits long enough for a fire-and-forget request and any retry of it (the first backoff is up to 1 s). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_200));

beforeEach(async () => {
  server = await startTestServer();
  proxy = await new FaultProxy(server.url).start();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.disconnect();
  await proxy.close();
  await server.close();
});

describe('customer care in the SDK, against the reference server', () => {
  test('markCampaignSeen sends one POST …/seen, returns at once, and the care report counts it as seen', async () => {
    const client = await connected();
    expect(client.markCampaignSeen('time-on-page-offer')).toBeUndefined();
    await settle();
    expect(proxy.urls.filter((url) => url.includes('/seen'))).toEqual([
      '/v1/campaigns/time-on-page-offer/seen',
    ]);
    expect(client.getSnapshot().lastError).toBeUndefined();
    // The last 30 days, in the site's own days.
    const report = (await agentGet('/care')) as {
      campaigns: { id: string; seen: number }[];
    };
    expect(report.campaigns.find((campaign) => campaign.id === 'time-on-page-offer')?.seen).toBe(1);
  });

  test('markCampaignSeen ignores the 404 of a campaign the backend does not know', async () => {
    const client = await connected();
    client.markCampaignSeen('no-such-campaign');
    await settle();
    expect(proxy.count('POST /v1/campaigns/no-such-campaign/seen')).toBe(1);
    expect(client.getSnapshot().lastError).toBeUndefined();
  });

  test.each([404, 405, 503])(
    'markCampaignSeen ignores a %i: no error in the state, and no second attempt',
    async (status) => {
      const client = await connected();
      proxy.fault = (request) =>
        request.url?.includes('/seen')
          ? { kind: 'respond', status, headers: { 'Retry-After': '0' } }
          : undefined;
      client.markCampaignSeen('a/b c');
      await settle();
      // The id is one path segment, whatever it holds.
      expect(proxy.urls.filter((url) => url.includes('/seen'))).toEqual(['/v1/campaigns/a%2Fb%20c/seen']);
      expect(client.getSnapshot().lastError).toBeUndefined();
    },
  );

  test('markCampaignSeen with no network: one attempt, nothing to report', async () => {
    const client = await connected();
    proxy.fault = (request) => (request.url?.includes('/seen') ? { kind: 'refuse' } : undefined);
    client.markCampaignSeen('birthday-greeting');
    await settle();
    expect(proxy.count('POST /v1/campaigns/')).toBe(1);
    expect(client.getSnapshot().lastError).toBeUndefined();
  });

  test('track refuses properties over the protocol’s limits before anything is sent', async () => {
    const client = await connected();
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`key${index}`, index]));
    await expect(client.track('product_viewed', tooMany)).rejects.toBeInstanceOf(ValidationError);
    await expect(client.track('product_viewed', { description: 'x'.repeat(9_000) })).rejects.toThrow(
      'The properties of the event "product_viewed" are over the limit of 50 keys and 8192 bytes of JSON.',
    );
    expect(proxy.count('POST /v1/events')).toBe(0);
    await client.track('product_viewed', { sku: 'KOPI-GAYO-250', name: 'Kopi Arabika Gayo', price: 85_000 });
    expect(proxy.count('POST /v1/events')).toBe(1);
  });

  test('updateVisitor sends where the values came from, and the visitor comes back with them', async () => {
    const client = await connected();
    let body = '';
    proxy.fault = (request) => {
      if (request.method === 'PATCH') request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      return undefined;
    };
    const visitor = await client.updateVisitor({ email: 'sari@example.com', source: 'chat' });
    expect(JSON.parse(body)).toEqual({ email: 'sari@example.com', source: 'chat' });
    expect(visitor.email).toBe('sari@example.com');
    expect(client.getSnapshot().visitor?.email).toBe('sari@example.com');
    await client.updateVisitor({ name: 'Sari', source: 'form' });
    const profile = (await agentGet(`/visitors/${visitor.id}`)) as { sources?: Record<string, string> };
    expect(profile.sources).toEqual({ email: 'chat', name: 'form' });
  });
});
