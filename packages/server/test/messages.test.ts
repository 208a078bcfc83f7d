import { describe, expect, it } from 'vitest';
import { call, newSession, startTestServer, visitorWithConversation } from './helpers.js';

describe('conversations', () => {
  it('creates a conversation once per clientConversationId: 201, then 200 with the same one', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const first = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'k1' },
      session.token,
    );
    const again = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'k1' },
      session.token,
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      clientConversationId: 'k1',
      status: 'open',
      lastSeq: 0,
      visitorReadSeq: 0,
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const list = await call(server, 'GET', '/v1/conversations', undefined, session.token);
    expect(list.body.conversations).toHaveLength(1);
  });

  it('lists conversations newest first', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const older = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'a' },
      session.token,
    );
    const newer = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'b' },
      session.token,
    );
    const list = await call(server, 'GET', '/v1/conversations', undefined, session.token);
    expect(list.body.conversations.map((conversation: { id: string }) => conversation.id)).toEqual([
      newer.body.id,
      older.body.id,
    ]);
  });

  it("puts a campaign's message first, rendered with the visitor's name", async () => {
    const server = await startTestServer();
    const session = await newSession(server, { locale: 'id-ID' });
    await call(server, 'PATCH', '/v1/visitor', { name: 'Ayu' }, session.token);
    const created = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'c', campaignId: 'time-on-page-offer' },
      session.token,
    );
    expect(created.body.lastSeq).toBe(1);
    const page = await call(
      server,
      'GET',
      `/v1/conversations/${created.body.id}/messages`,
      undefined,
      session.token,
    );
    expect(page.body.messages[0]).toMatchObject({ seq: 1, author: { role: 'bot' }, type: 'text' });
    expect(page.body.messages[0].text).toContain('Halo Ayu');
  });

  it("answers 404 for another visitor's conversation", async () => {
    const server = await startTestServer();
    const { conversationId } = await visitorWithConversation(server);
    const stranger = await newSession(server);
    const response = await call(
      server,
      'GET',
      `/v1/conversations/${conversationId}/messages`,
      undefined,
      stranger.token,
    );
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('not_found');
  });
});

describe('idempotent sends', () => {
  it('answers 201 once, 200 with the same message for the same body, 422 for a different body', async () => {
    const server = await startTestServer({ sites: [{ siteKey: 'demo', name: 'Quiet', bot: false }] });
    const { session, conversationId } = await visitorWithConversation(server);
    const path = `/v1/conversations/${conversationId}/messages/0b7c1c8e-1111-4a4a-9999-000000000001`;
    const first = await call(server, 'PUT', path, { type: 'text', text: 'Halo' }, session.token);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      conversationId,
      seq: 1,
      clientMessageId: '0b7c1c8e-1111-4a4a-9999-000000000001',
      author: { role: 'visitor', id: session.visitorId },
      type: 'text',
      text: 'Halo',
    });
    const repeat = await call(server, 'PUT', path, { type: 'text', text: 'Halo' }, session.token);
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    const different = await call(server, 'PUT', path, { type: 'text', text: 'Halo!' }, session.token);
    expect(different.status).toBe(422);
    expect(different.body.code).toBe('idempotency_mismatch');
    const page = await call(
      server,
      'GET',
      `/v1/conversations/${conversationId}/messages`,
      undefined,
      session.token,
    );
    expect(page.body.messages).toHaveLength(1);
  });

  it('refuses text over 10,000 characters with 413 and bad bodies with 400', async () => {
    const server = await startTestServer();
    const { session, conversationId } = await visitorWithConversation(server);
    const path = `/v1/conversations/${conversationId}/messages/m1`;
    const long = await call(server, 'PUT', path, { type: 'text', text: 'a'.repeat(10_001) }, session.token);
    expect(long.status).toBe(413);
    expect(long.body.code).toBe('payload_too_large');
    const exact = await call(server, 'PUT', path, { type: 'text', text: 'a'.repeat(10_000) }, session.token);
    expect(exact.status).toBe(201);
    for (const body of [
      { type: 'text' },
      { type: 'sticker', text: 'x' },
      { type: 'file', attachmentIds: [] },
      '[1]',
    ]) {
      const bad = await call(
        server,
        'PUT',
        `/v1/conversations/${conversationId}/messages/m2`,
        body,
        session.token,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('invalid_request');
    }
  });

  it('refuses a file message with an upload that is not the sender’s', async () => {
    const server = await startTestServer();
    const { session, conversationId } = await visitorWithConversation(server);
    const response = await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/f1`,
      { type: 'file', attachmentIds: ['f_unknown'] },
      session.token,
    );
    expect(response.status).toBe(400);
  });
});

describe('message paging', () => {
  async function conversationWith(count: number) {
    const server = await startTestServer({ sites: [{ siteKey: 'demo', name: 'Quiet', bot: false }] });
    const { session, conversationId } = await visitorWithConversation(server);
    for (let index = 1; index <= count; index++) {
      await call(
        server,
        'PUT',
        `/v1/conversations/${conversationId}/messages/id-${index}`,
        { type: 'text', text: `message ${index}` },
        session.token,
      );
    }
    const page = (query: string) =>
      call(server, 'GET', `/v1/conversations/${conversationId}/messages${query}`, undefined, session.token);
    return { page };
  }

  it('gives the latest 50 by default, ascending, with hasMore', async () => {
    const { page } = await conversationWith(60);
    const latest = await page('');
    expect(latest.body.messages.map((message: { seq: number }) => message.seq)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 11),
    );
    expect(latest.body.hasMore).toBe(true);
  });

  it('pages backwards with before and forwards with after', async () => {
    const { page } = await conversationWith(12);
    const older = await page('?before=6&limit=3');
    expect(older.body.messages.map((message: { seq: number }) => message.seq)).toEqual([3, 4, 5]);
    expect(older.body.hasMore).toBe(true);
    const oldest = await page('?before=3&limit=3');
    expect(oldest.body.messages.map((message: { seq: number }) => message.seq)).toEqual([1, 2]);
    expect(oldest.body.hasMore).toBe(false);
    const newer = await page('?after=9&limit=2');
    expect(newer.body.messages.map((message: { seq: number }) => message.seq)).toEqual([10, 11]);
    expect(newer.body.hasMore).toBe(true);
    const last = await page('?after=10');
    expect(last.body.messages.map((message: { seq: number }) => message.seq)).toEqual([11, 12]);
    expect(last.body.hasMore).toBe(false);
  });

  it('caps limit at 200 and refuses malformed paging', async () => {
    const { page } = await conversationWith(3);
    expect((await page('?limit=5000')).status).toBe(200);
    expect((await page('?after=abc')).status).toBe(400);
    expect((await page('?after=1&before=2')).status).toBe(400);
    expect((await page('?limit=0')).status).toBe(400);
  });
});

describe('typing, read and rating', () => {
  it('moves the read position only forward', async () => {
    const server = await startTestServer({ sites: [{ siteKey: 'demo', name: 'Quiet', bot: false }] });
    const { session, conversationId } = await visitorWithConversation(server);
    for (const id of ['a', 'b', 'c']) {
      await call(
        server,
        'PUT',
        `/v1/conversations/${conversationId}/messages/${id}`,
        { type: 'text', text: id },
        session.token,
      );
    }
    expect(
      (await call(server, 'POST', `/v1/conversations/${conversationId}/read`, { seq: 3 }, session.token))
        .status,
    ).toBe(204);
    await call(server, 'POST', `/v1/conversations/${conversationId}/read`, { seq: 1 }, session.token);
    const list = await call(server, 'GET', '/v1/conversations', undefined, session.token);
    expect(list.body.conversations[0].visitorReadSeq).toBe(3);
  });

  it('accepts typing (204) and a 1–5 rating, refusing others', async () => {
    const server = await startTestServer();
    const { session, conversationId } = await visitorWithConversation(server);
    const typing = await call(
      server,
      'POST',
      `/v1/conversations/${conversationId}/typing`,
      { typing: true },
      session.token,
    );
    expect(typing.status).toBe(204);
    const bad = await call(
      server,
      'POST',
      `/v1/conversations/${conversationId}/rating`,
      { score: 6 },
      session.token,
    );
    expect(bad.status).toBe(400);
    const rated = await call(
      server,
      'POST',
      `/v1/conversations/${conversationId}/rating`,
      { score: 5, comment: 'Cepat sekali, terima kasih!' },
      session.token,
    );
    expect(rated.status).toBe(204);
    const list = await call(server, 'GET', '/v1/conversations', undefined, session.token);
    expect(list.body.conversations[0].rating).toEqual({ score: 5, comment: 'Cepat sekali, terima kasih!' });
  });
});
