import { parseCareReport } from '@sapa/protocol/agent';
import { describe, expect, it } from 'vitest';
import { careReport, say, track } from './care-helpers.js';
import { call, newSession, startTestServer } from './helpers.js';
import { JAKARTA_MORNING, PinnedClock } from './pinned-clock.js';

/**
 * Four days of a shop, on a pinned clock: what was sent, seen, answered and rated, so the report can be checked
 * against it number by number.
 */
async function fourDaysOfCare() {
  const clock = new PinnedClock(JAKARTA_MORNING);
  const server = await startTestServer({ now: clock.now });
  const agents = { Sari: await server.agents.add('Sari'), Budi: await server.agents.add('Budi') };
  const answerAndResolve = async (conversationId: string, name: keyof typeof agents) => {
    const agentCall = (path: string, body: unknown = {}) =>
      call(server, 'POST', `/agent/v1/conversations/${conversationId}${path}`, body, agents[name].token);
    await agentCall('/messages', { type: 'text', text: 'Baik, Kak, sudah kami bantu.' });
    await agentCall('/resolve');
  };

  // Monday: Ani buys, sees the thank-you, answers it and rates Sari 5 with a comment; Bayu buys and never looks.
  const ani = await newSession(server, { locale: 'id' });
  await track(server, ani.token, 'purchase_completed', { total: 85000 });
  await call(server, 'POST', '/v1/campaigns/purchase-thank-you/seen', {}, ani.token);
  const aniConversation = (
    await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'thanks', campaignId: 'purchase-thank-you' },
      ani.token,
    )
  ).body;
  await say(server, ani.token, aniConversation.id, 'Senang sekali, kopinya enak!');
  await answerAndResolve(aniConversation.id, 'Sari');
  await call(server, 'POST', `/v1/conversations/${aniConversation.id}/rating`, { score: 5 }, ani.token);
  await call(
    server,
    'POST',
    `/v1/conversations/${aniConversation.id}/rating`,
    { score: 5, comment: 'Mantap, ramah sekali' },
    ani.token,
  );
  const bayu = await newSession(server, { locale: 'id' });
  await track(server, bayu.token, 'purchase_completed', { total: 42000 });
  // Citra sees the client-side offer.
  const citra = await newSession(server, { locale: 'id' });
  await call(server, 'POST', '/v1/campaigns/time-on-page-offer/seen', {}, citra.token);

  // Tuesday: Dodi asks, Budi answers slowly; 2 stars.
  clock.advance({ days: 1 });
  const dodi = await newSession(server, { locale: 'id' });
  const dodiConversation = (
    await call(server, 'POST', '/v1/conversations', { clientConversationId: 'q' }, dodi.token)
  ).body;
  await say(server, dodi.token, dodiConversation.id, 'Paket saya rusak');
  await answerAndResolve(dodiConversation.id, 'Budi');
  await call(
    server,
    'POST',
    `/v1/conversations/${dodiConversation.id}/rating`,
    { score: 2, comment: 'Lama balasnya' },
    dodi.token,
  );

  // Thursday: the NPS question reaches Ani (Monday's conversation) and Thursday+1 Dodi's; both answer.
  clock.advance({ days: 2, hours: 1 });
  await server.runCareSweep();
  const nps = (token: string, id: string, score: number) =>
    call(
      server,
      'PUT',
      `/v1/conversations/${id}/messages/nps-${score}`,
      { type: 'postback', payload: `nps:${score}`, text: String(score) },
      token,
    );
  await nps(ani.token, aniConversation.id, 10);
  await say(server, ani.token, aniConversation.id, 'Sangat puas');
  clock.advance({ days: 1 });
  await server.runCareSweep();
  await nps(dodi.token, dodiConversation.id, 5);
  const sari = { id: agents.Sari.agent.id, name: 'Sari' };
  const budi = { id: agents.Budi.agent.id, name: 'Budi' };
  return { server, aniConversation, dodiConversation, sari, budi };
}

describe('the care report', () => {
  it('counts exactly what was sent, seen, answered and rated, per campaign, per day and in all', async () => {
    const { server, aniConversation, dodiConversation, sari, budi } = await fourDaysOfCare();
    const report = parseCareReport(await careReport(server, '?from=2026-03-02&to=2026-03-06'));
    expect(report).toMatchObject({
      siteKey: 'demo',
      timezone: 'Asia/Jakarta',
      from: '2026-03-02',
      to: '2026-03-06',
    });
    const campaign = (id: string) => report.campaigns.find((entry) => entry.id === id);
    expect(campaign('purchase-thank-you')).toEqual({
      id: 'purchase-thank-you',
      sent: 2,
      seen: 1,
      answered: 1,
      csat: { count: 1, average: 5 },
    });
    expect(campaign('time-on-page-offer')).toEqual({
      id: 'time-on-page-offer',
      sent: 1,
      seen: 1,
      answered: 0,
      csat: { count: 0 },
    });
    expect(campaign('feedback-after-resolved')).toEqual({
      id: 'feedback-after-resolved',
      sent: 2,
      seen: 2,
      answered: 2,
      csat: { count: 0 },
    });
    expect(campaign('product-recommendation')).toMatchObject({ sent: 0, seen: 0, answered: 0 });
    expect(report.ratings).toEqual({ count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] });
    expect(report.nps).toEqual({ count: 2, score: 0, promoters: 1, passives: 0, detractors: 1 });
    expect(report.series).toEqual([
      {
        date: '2026-03-02',
        sent: 3,
        seen: 2,
        answered: 1,
        ratings: { count: 1, average: 5 },
        nps: { count: 0 },
      },
      {
        date: '2026-03-03',
        sent: 0,
        seen: 0,
        answered: 0,
        ratings: { count: 1, average: 2 },
        nps: { count: 0 },
      },
      { date: '2026-03-04', sent: 0, seen: 0, answered: 0, ratings: { count: 0 }, nps: { count: 0 } },
      {
        date: '2026-03-05',
        sent: 1,
        seen: 1,
        answered: 1,
        ratings: { count: 0 },
        nps: { count: 1, score: 100 },
      },
      {
        date: '2026-03-06',
        sent: 1,
        seen: 1,
        answered: 1,
        ratings: { count: 0 },
        nps: { count: 1, score: -100 },
      },
    ]);
    expect(report.comments).toEqual([
      {
        kind: 'nps',
        score: 10,
        text: 'Sangat puas',
        conversationId: aniConversation.id,
        reference: aniConversation.reference,
        agent: sari,
        createdAt: '2026-03-05T04:00:00.000Z',
      },
      {
        kind: 'rating',
        score: 2,
        text: 'Lama balasnya',
        conversationId: dodiConversation.id,
        reference: dodiConversation.reference,
        agent: budi,
        createdAt: '2026-03-03T03:00:00.000Z',
      },
      {
        kind: 'rating',
        score: 5,
        text: 'Mantap, ramah sekali',
        conversationId: aniConversation.id,
        reference: aniConversation.reference,
        agent: sari,
        createdAt: '2026-03-02T03:00:00.000Z',
      },
    ]);
    expect(report.agents).toEqual([budi, sari]);
  });

  it('narrows feedback to one agent, and days to the period asked', async () => {
    const { server, sari: agent } = await fourDaysOfCare();
    const sari = await careReport(
      server,
      `?from=2026-03-02&to=2026-03-06&agent=${encodeURIComponent(agent.id)}`,
    );
    expect(sari.agent).toBe(agent.id);
    expect(sari.ratings).toEqual({ count: 1, average: 5, distribution: [0, 0, 0, 0, 1] });
    expect(sari.nps).toMatchObject({ count: 1, promoters: 1, detractors: 0, score: 100 });
    expect(sari.comments.map((comment: { text: string }) => comment.text)).toEqual([
      'Sangat puas',
      'Mantap, ramah sekali',
    ]);
    // Campaigns are not sent by agents: their counts stay the site's.
    expect(sari.campaigns.find((entry: { id: string }) => entry.id === 'purchase-thank-you').sent).toBe(2);

    const tuesday = await careReport(server, '?from=2026-03-03&to=2026-03-03');
    expect(tuesday.series).toHaveLength(1);
    expect(tuesday.ratings.count).toBe(1);
    // Without dates: the 30 days up to today (the clock's Friday) in the site's time zone.
    const recent = await careReport(server);
    expect([recent.from, recent.to, recent.series.length]).toEqual(['2026-02-05', '2026-03-06', 30]);
  });

  it('refuses a malformed, reversed or too long period', async () => {
    const server = await startTestServer();
    for (const query of [
      '?from=2026-02-30',
      '?from=yesterday',
      '?from=2026-03-05&to=2026-03-01',
      '?from=2024-01-01&to=2026-01-01',
    ]) {
      const answer = await call(
        server,
        'GET',
        `/agent/v1/care${query}&siteKey=demo`,
        undefined,
        server.agentToken,
      );
      expect(answer.status).toBe(400);
      expect(answer.body.code).toBe('invalid_request');
    }
    const unknownSite = await call(
      server,
      'GET',
      '/agent/v1/care?siteKey=nope',
      undefined,
      server.agentToken,
    );
    expect(unknownSite.status).toBe(404);
    expect((await call(server, 'GET', '/agent/v1/care')).status).toBe(401);
  });
});
