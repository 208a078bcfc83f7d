import { describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../src/index.js';
import {
  agentStream,
  call,
  newSession,
  startTestServer,
  visitorStream,
  visitorWithConversation,
} from './helpers.js';

/** The demo site without business hours, so "no agent online" does not depend on the clock. */
const SITE = { ...DEMO_SITE, businessHours: undefined };

async function say(
  server: Awaited<ReturnType<typeof startTestServer>>,
  token: string,
  conversationId: string,
  id: string,
  body: object,
) {
  return call(server, 'PUT', `/v1/conversations/${conversationId}/messages/${id}`, body, token);
}

describe('the rule bot', () => {
  it('answers in Indonesian by keyword while no agent is online', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const { session, conversationId } = await visitorWithConversation(server, { locale: 'en' });
    const stream = await visitorStream(server, session.token, session.cursor);
    await say(server, session.token, conversationId, 'q1', {
      type: 'text',
      text: 'Bagaimana status pesanan saya?',
    });
    const answer = await stream.next((frame) => frame.data?.message?.author?.role === 'bot');
    expect(answer.data.message.seq).toBe(2);
    expect(answer.data.message.text).toContain('Pesanan Saya');
  });

  it('answers in English with the menu of quick replies when it does not understand', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const { session, conversationId } = await visitorWithConversation(server, { locale: 'en-GB' });
    await say(server, session.token, conversationId, 'q1', { type: 'text', text: 'Blue or green?' });
    const page = await call(
      server,
      'GET',
      `/v1/conversations/${conversationId}/messages`,
      undefined,
      session.token,
    );
    const reply = page.body.messages[1];
    expect(reply.author.role).toBe('bot');
    expect(reply.text).toMatch(/^Sorry/);
    expect(reply.actions.map((action: { payload: string }) => action.payload)).toEqual([
      'order_status',
      'shipping',
      'refund',
      'hours',
      'handover',
    ]);
  });

  it('answers a word both languages use in the visitor language, and Indonesian sentences in Indonesian', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const { session, conversationId } = await visitorWithConversation(server, { locale: 'en-US' });
    await say(server, session.token, conversationId, 'a', { type: 'text', text: 'I want a refund' });
    await say(server, session.token, conversationId, 'b', { type: 'text', text: 'saya mau tanya sesuatu' });
    const page = await call(
      server,
      'GET',
      `/v1/conversations/${conversationId}/messages`,
      undefined,
      session.token,
    );
    const replies = page.body.messages.filter(
      (message: { author: { role: string } }) => message.author.role === 'bot',
    );
    expect(replies[0].text).toMatch(/^Returns are possible within 7 days/);
    expect(replies[1].text).toMatch(/^Mohon maaf, saya belum memahami/);
    expect(replies[1].actions[4]).toEqual({
      type: 'reply',
      label: 'Bicara dengan agen',
      payload: 'handover',
    });
  });

  it('tells the opening hours of the site', async () => {
    // Open around the clock, so the bot (no agent online) answers whatever the time of the test run.
    const businessHours = {
      timezone: 'Asia/Jakarta',
      weekly: [
        { days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, open: '00:00', close: '24:00' },
        { days: ['sat', 'sun'] as const, open: '00:00', close: '24:00' },
      ].map((span) => ({ ...span, days: [...span.days] })),
    };
    const server = await startTestServer({ sites: [{ ...DEMO_SITE, businessHours }] });
    const { session, conversationId } = await visitorWithConversation(server, { locale: 'id' });
    await say(server, session.token, conversationId, 'q', { type: 'text', text: 'Jam operasional?' });
    const page = await call(
      server,
      'GET',
      `/v1/conversations/${conversationId}/messages`,
      undefined,
      session.token,
    );
    const reply = page.body.messages.at(-1);
    expect(reply.author.role).toBe('bot');
    expect(reply.text).toContain(
      'Jam operasional kami: Senin–Jumat 00.00–24.00, Sabtu & Minggu 00.00–24.00 WIB.',
    );
  });

  it('hands over on the quick-reply payload: event line, pending, agents told, then silence', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const { session, conversationId } = await visitorWithConversation(server, { locale: 'id' });
    const stream = await visitorStream(server, session.token, session.cursor);
    const sent = await say(server, session.token, conversationId, 'h', {
      type: 'postback',
      payload: 'handover',
      text: 'Bicara dengan agen',
    });
    expect(sent.status).toBe(201);
    const line = await stream.next((frame) => frame.data?.message?.type === 'event');
    expect(line.data.message).toMatchObject({
      author: { role: 'system' },
      text: 'Diteruskan ke tim layanan pelanggan',
    });
    const pending = await stream.next((frame) => frame.data?.conversation?.status === 'pending');
    expect(pending.event).toBe('conversation.updated');
    const agentView = await call(
      server,
      'GET',
      `/agent/v1/conversations/${conversationId}`,
      undefined,
      'agent-secret',
    );
    expect(agentView.body).toMatchObject({ status: 'pending', handedOver: true });
    const before = (
      await call(server, 'GET', `/v1/conversations/${conversationId}/messages`, undefined, session.token)
    ).body.messages.length;
    await say(server, session.token, conversationId, 'after', { type: 'text', text: 'status pesanan?' });
    const after = (
      await call(server, 'GET', `/v1/conversations/${conversationId}/messages`, undefined, session.token)
    ).body.messages;
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1).author.role).toBe('visitor');
  });

  it('hands over on "talk to a human" and agents hear it on their stream', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const { session, conversationId } = await visitorWithConversation(server, { locale: 'en' });
    await say(server, session.token, conversationId, 'h', {
      type: 'text',
      text: 'Can I talk to a human please',
    });
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    // Replies now come from people: the bot is silent while an agent is online.
    await say(server, session.token, conversationId, 'x', { type: 'text', text: 'hello?' });
    const update = await agents.next((frame) => frame.event === 'conversation.updated');
    expect(update.data.conversation).toMatchObject({
      id: conversationId,
      handedOver: true,
      status: 'pending',
    });
  });

  it('stays silent while an agent is online', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    const { session, conversationId } = await visitorWithConversation(server);
    await say(server, session.token, conversationId, 'q', { type: 'text', text: 'refund' });
    const page = await call(
      server,
      'GET',
      `/v1/conversations/${conversationId}/messages`,
      undefined,
      session.token,
    );
    expect(page.body.messages.map((message: { author: { role: string } }) => message.author.role)).toEqual([
      'visitor',
    ]);
  });
});

describe('backend campaigns', () => {
  it('sends the purchase thank-you once, rendered with the visitor name, as campaign.triggered', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const session = await newSession(server, { locale: 'id' });
    await call(server, 'PATCH', '/v1/visitor', { name: 'Dewi' }, session.token);
    const stream = await visitorStream(server, session.token, session.cursor);
    const tracked = await call(
      server,
      'POST',
      '/v1/events',
      { name: 'purchase_completed', properties: { total: 1 } },
      session.token,
    );
    expect(tracked.status).toBe(202);
    const campaign = await stream.next((frame) => frame.event === 'campaign.triggered');
    expect(campaign.id).toMatch(/^\d+$/);
    expect(campaign.data.campaign).toEqual({
      id: 'purchase-thank-you',
      message: expect.stringContaining('Terima kasih, Dewi!'),
      actions: [{ type: 'reply', label: expect.any(String), payload: 'feedback' }],
    });
    await call(server, 'POST', '/v1/events', { name: 'purchase_completed' }, session.token);
    await call(server, 'POST', '/v1/events', { name: 'cart_abandoned' }, session.token);
    const replay = await visitorStream(server, session.token, session.cursor);
    await replay.next((frame) => frame.event === 'campaign.triggered');
    await call(server, 'PATCH', '/v1/visitor', { name: 'Dewi Lestari' }, session.token);
    expect(replay.events('campaign.triggered')).toHaveLength(1);
    expect((await call(server, 'POST', '/v1/events', { properties: {} }, session.token)).status).toBe(400);
  });

  it('greets a visitor on their birthday once', async () => {
    const server = await startTestServer({ sites: [SITE] });
    const session = await newSession(server, { locale: 'en' });
    const today = new Date().toISOString().slice(5, 10);
    const stream = await visitorStream(server, session.token, session.cursor);
    await call(
      server,
      'PATCH',
      '/v1/visitor',
      { name: 'Tono', attributes: { birthday: `1990-${today}` } },
      session.token,
    );
    const campaign = await stream.next((frame) => frame.event === 'campaign.triggered');
    expect(campaign.data.campaign.message).toContain('Happy birthday, Tono!');
    await call(server, 'PATCH', '/v1/visitor', { attributes: { plan: 'gold' } }, session.token);
    const again = await newSession(server, { token: session.token });
    const replay = await visitorStream(server, again.token, session.cursor);
    await replay.next((frame) => frame.event === 'campaign.triggered');
    expect(replay.events('campaign.triggered')).toHaveLength(1);
  });
});
