import { describe, expect, it } from 'vitest';
import { messagesOf, say } from './care-helpers.js';
import { call, newSession, startTestServer } from './helpers.js';
import { JAKARTA_MORNING, PinnedClock } from './pinned-clock.js';

/** A demo-site conversation an agent (Sari) answered and resolved, on a pinned clock. */
async function resolvedConversation(locale = 'id-ID') {
  const clock = new PinnedClock(JAKARTA_MORNING);
  const server = await startTestServer({ now: clock.now });
  const session = await newSession(server, { locale });
  const token = session.token;
  await call(server, 'PATCH', '/v1/visitor', { name: 'Rina' }, token);
  const created = await call(server, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, token);
  const conversationId: string = created.body.id;
  await say(server, token, conversationId, 'Pesanan saya belum sampai');
  const sari = await server.agents.add('Sari');
  const agent = (path: string, body?: unknown) =>
    call(server, 'POST', `/agent/v1/conversations/${conversationId}${path}`, body ?? {}, sari.token);
  await agent('/messages', { type: 'text', text: 'Sudah kami cek, Kak: paketnya tiba besok.' });
  await agent('/resolve');
  const status = async () =>
    (await call(server, 'GET', `/agent/v1/conversations/${conversationId}`, undefined, server.agentToken))
      .body;
  return { clock, server, token, conversationId, agent, status, sari: { id: sari.agent.id, name: 'Sari' } };
}

const postback = (
  server: Awaited<ReturnType<typeof startTestServer>>,
  token: string,
  id: string,
  score: number,
) =>
  call(
    server,
    'PUT',
    `/v1/conversations/${id}/messages/nps-${score}-${Math.random()}`,
    { type: 'postback', payload: `nps:${score}`, text: String(score) },
    token,
  );

describe('the after-resolved feedback request', () => {
  it('comes only after N days, once per conversation, in the visitor language with the NPS survey', async () => {
    const { clock, server, token, conversationId, status } = await resolvedConversation();
    const before = (await messagesOf(server, token, conversationId)).length;
    clock.advance({ days: 2, hours: 23 });
    await server.runCareSweep();
    expect(await messagesOf(server, token, conversationId)).toHaveLength(before);
    clock.advance({ hours: 2 });
    expect((await server.runCareSweep()).feedbackRequests).toBe(1);
    await server.runCareSweep();
    const messages = await messagesOf(server, token, conversationId);
    expect(messages).toHaveLength(before + 1);
    const request = messages.at(-1);
    expect(request).toMatchObject({
      author: { role: 'bot', name: 'Toko Sapa' },
      type: 'text',
      text: expect.stringMatching(
        /^Halo Rina, terima kasih sudah menghubungi Toko Sapa beberapa hari lalu\./,
      ),
      survey: { type: 'nps' },
    });
    expect(request.actions).toEqual(
      Array.from({ length: 11 }, (_, score) => ({
        type: 'reply',
        label: String(score),
        payload: `nps:${score}`,
      })),
    );
    // The request is a message in the resolved conversation: it stays resolved, and it is unread for the visitor.
    const conversation = (await call(server, 'GET', '/v1/conversations', undefined, token)).body
      .conversations[0];
    expect(conversation).toMatchObject({ status: 'resolved', lastSeq: request.seq });
    expect(conversation.visitorReadSeq).toBeLessThan(request.seq);
    expect((await status()).status).toBe('resolved');
  });

  it('asks in English for an English visitor, not for a conversation reopened meanwhile, and not weeks late', async () => {
    const english = await resolvedConversation('en-GB');
    english.clock.advance({ days: 3, minutes: 1 });
    await english.server.runCareSweep();
    const [request] = (await messagesOf(english.server, english.token, english.conversationId)).slice(-1);
    expect(request.text).toMatch(/^Hi Rina, thank you for contacting Toko Sapa a few days ago\./);

    const reopened = await resolvedConversation();
    reopened.clock.advance({ days: 1 });
    await say(reopened.server, reopened.token, reopened.conversationId, 'Maaf, satu pertanyaan lagi');
    reopened.clock.advance({ days: 3 });
    expect((await reopened.server.runCareSweep()).feedbackRequests).toBe(0);

    const late = await resolvedConversation();
    late.clock.advance({ days: 11 });
    expect((await late.server.runCareSweep()).feedbackRequests).toBe(0);
  });

  it('stores a score given by postback without reopening, thanks, and takes the next text as its comment', async () => {
    const { clock, server, token, conversationId, status, sari } = await resolvedConversation();
    clock.advance({ days: 3, minutes: 1 });
    await server.runCareSweep();
    expect((await postback(server, token, conversationId, 8)).status).toBe(201);
    // Changing one's mind replaces the score.
    expect((await postback(server, token, conversationId, 9)).status).toBe(201);
    expect((await status()).status).toBe('resolved');
    clock.advance({ minutes: 2 });
    await say(server, token, conversationId, 'Pengirimannya cepat dan adminnya ramah!');
    const view = await status();
    expect(view.status).toBe('resolved');
    expect(view.feedback).toEqual([
      {
        kind: 'nps',
        score: 9,
        comment: 'Pengirimannya cepat dan adminnya ramah!',
        campaignId: 'feedback-after-resolved',
        agent: sari,
        createdAt: '2026-03-05T03:01:00.000Z',
        updatedAt: '2026-03-05T03:03:00.000Z',
      },
    ]);
    // One thanks for the score (not again for the changed one), one for the comment.
    const texts = (await messagesOf(server, token, conversationId)).slice(-5).map((message) => message.text);
    expect(texts).toEqual([
      '8',
      'Terima kasih atas penilaiannya, Kak! Kalau ada saran atau cerita yang ingin disampaikan, silakan tulis di sini, ya.',
      '9',
      'Pengirimannya cepat dan adminnya ramah!',
      'Terima kasih, Kak. Masukannya sudah kami catat dan akan kami sampaikan ke tim.',
    ]);
    // The message after the comment is a new question: it reopens the conversation.
    await say(server, token, conversationId, 'Oh ya, ada promo minggu ini?');
    expect((await status()).status).toBe('open');
  });

  it('treats nps payloads as ordinary replies where no NPS question was asked', async () => {
    const { server, token, conversationId, status } = await resolvedConversation();
    await postback(server, token, conversationId, 10);
    const view = await status();
    expect(view.status).toBe('open');
    expect(view.feedback).toEqual([]);
  });
});

describe('ratings as feedback', () => {
  it('stores the rating with the agent and time, and a second call with a comment updates it', async () => {
    const { clock, server, token, conversationId, agent, status, sari } = await resolvedConversation();
    const rate = (body: object) =>
      call(server, 'POST', `/v1/conversations/${conversationId}/rating`, body, token);
    expect((await rate({ score: 4 })).status).toBe(204);
    clock.advance({ minutes: 1 });
    expect((await rate({ score: 5, comment: 'Cepat sekali, terima kasih!' })).status).toBe(204);
    let view = await status();
    expect(view.rating).toEqual({ score: 5, comment: 'Cepat sekali, terima kasih!' });
    expect(view.feedback).toEqual([
      {
        kind: 'rating',
        score: 5,
        comment: 'Cepat sekali, terima kasih!',
        agent: sari,
        createdAt: '2026-03-02T03:00:00.000Z',
        updatedAt: '2026-03-02T03:01:00.000Z',
      },
    ]);
    // Reopened, resolved again and rated again: a second rating, the first one kept.
    await agent('/reopen');
    clock.advance({ hours: 1 });
    await agent('/resolve');
    await rate({ score: 3 });
    view = await status();
    expect(view.feedback.map((row: { score: number }) => row.score)).toEqual([5, 3]);
    expect(view.rating).toEqual({ score: 3 });
  });
});
