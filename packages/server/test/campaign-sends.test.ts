import { describe, expect, it } from 'vitest';
import {
  campaignsAfter,
  careReport,
  demoWith,
  messagesOf,
  nightShop,
  product,
  say,
  track,
} from './care-helpers.js';
import { call, newSession, startTestServer } from './helpers.js';
import { JAKARTA_NIGHT, PinnedClock } from './pinned-clock.js';

describe('caps per campaign', () => {
  it('sends a campaign at most perDay times a day across visitors, and again the next day', async () => {
    const site = demoWith('purchase-thank-you', { cap: { perDay: 2 } });
    const clock = new PinnedClock(JAKARTA_NIGHT);
    const server = await startTestServer({ now: clock.now, sites: [site] });
    const visitors = [];
    for (let index = 0; index < 4; index++) visitors.push(await newSession(server, { locale: 'en' }));
    for (const visitor of visitors.slice(0, 3)) await track(server, visitor.token, 'purchase_completed');
    const reached = [];
    for (const visitor of visitors.slice(0, 3)) {
      reached.push((await campaignsAfter(server, visitor.token, visitor.cursor)).length);
    }
    expect(reached).toEqual([1, 1, 0]);
    // The site's day (Asia/Jakarta) turns: the fourth visitor gets it.
    clock.advance({ days: 1 });
    const fourth = visitors[3] as (typeof visitors)[number];
    await track(server, fourth.token, 'purchase_completed');
    expect(await campaignsAfter(server, fourth.token, fourth.cursor)).toHaveLength(1);
    expect(
      (await careReport(server, '?from=2026-03-02&to=2026-03-03')).series.map(
        (day: { sent: number }) => day.sent,
      ),
    ).toEqual([2, 1]);
  });
});

describe('a campaign answered as a conversation', () => {
  it('starts with the latest send as it was rendered, counts seen once and answered when the visitor writes', async () => {
    const { clock, server, session, token } = await nightShop();
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    const [sent] = await campaignsAfter(server, token, session.cursor);
    clock.advance({ minutes: 5 });
    for (let view = 0; view < 2; view++) {
      expect(
        (await call(server, 'POST', '/v1/campaigns/product-recommendation/seen', {}, token)).status,
      ).toBe(204);
    }
    const created = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'from-teaser', campaignId: 'product-recommendation' },
      token,
    );
    expect(created.status).toBe(201);
    expect(created.body.reference).toMatch(/^SP-[23456789A-HJKMNP-Z]{4}$/);
    const [first] = await messagesOf(server, token, created.body.id);
    expect(first).toMatchObject({
      seq: 1,
      type: 'card',
      author: { role: 'bot', name: 'Toko Sapa' },
      text: sent.message,
      card: sent.card,
      actions: sent.actions,
    });
    let report = await careReport(server, '?from=2026-03-02&to=2026-03-02');
    const stats = () =>
      report.campaigns.find((campaign: { id: string }) => campaign.id === 'product-recommendation');
    expect(stats()).toMatchObject({ sent: 1, seen: 1, answered: 0 });
    await say(server, token, created.body.id, 'Ada yang ukuran 1 kg?');
    await say(server, token, created.body.id, 'Terima kasih');
    report = await careReport(server, '?from=2026-03-02&to=2026-03-02');
    expect(stats()).toMatchObject({ sent: 1, seen: 1, answered: 1 });
  });

  it('logs a client-side campaign when it is seen (once per visitor) and opens it rendered now; unknown ids are 404', async () => {
    const { server, token } = await nightShop();
    for (let view = 0; view < 3; view++) {
      expect((await call(server, 'POST', '/v1/campaigns/time-on-page-offer/seen', {}, token)).status).toBe(
        204,
      );
    }
    const unknown = await call(server, 'POST', '/v1/campaigns/no-such-campaign/seen', {}, token);
    expect(unknown.status).toBe(404);
    const created = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'offer', campaignId: 'time-on-page-offer' },
      token,
    );
    const [first] = await messagesOf(server, token, created.body.id);
    expect(first).toMatchObject({
      type: 'text',
      text: expect.stringMatching(/^Halo Dewi, masih bingung memilih\?/),
    });
    await say(server, token, created.body.id, 'Kode SAPA10 berlaku untuk kopi?');
    const report = await careReport(server, '?from=2026-03-02&to=2026-03-02');
    expect(
      report.campaigns.find((campaign: { id: string }) => campaign.id === 'time-on-page-offer'),
    ).toMatchObject({
      sent: 1,
      seen: 1,
      answered: 1,
    });
  });
});
