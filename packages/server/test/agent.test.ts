import { describe, expect, it } from 'vitest';
import {
  agentStream,
  call,
  newSession,
  StreamReader,
  startTestServer,
  visitorStream,
  visitorWithConversation,
} from './helpers.js';

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };

describe('agent API', () => {
  it('refuses calls without the agent token', async () => {
    const server = await startTestServer();
    const missing = await call(server, 'GET', '/agent/v1/conversations');
    expect(missing.status).toBe(401);
    expect(missing.body.code).toBe('unauthorized');
    expect((await call(server, 'GET', '/agent/v1/conversations', undefined, 'wrong')).status).toBe(401);
    const visitor = await newSession(server);
    expect((await call(server, 'GET', '/agent/v1/conversations', undefined, visitor.token)).status).toBe(401);
  });

  it('lists conversations with the visitor, last message and unread count, filtered by status', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const { session, conversationId } = await visitorWithConversation(server, {
      locale: 'id-ID',
      page: { url: 'http://localhost/shop', title: 'Toko' },
    });
    await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/a`,
      { type: 'text', text: 'Halo' },
      session.token,
    );
    await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/b`,
      { type: 'text', text: 'Kak?' },
      session.token,
    );
    const { status, body } = await call(
      server,
      'GET',
      '/agent/v1/conversations?status=open',
      undefined,
      'agent-secret',
    );
    expect(status).toBe(200);
    expect(body.conversations).toHaveLength(1);
    expect(body.conversations[0]).toMatchObject({
      id: conversationId,
      status: 'open',
      unreadCount: 2,
      handedOver: false,
      lastMessage: { seq: 2, text: 'Kak?' },
      visitor: {
        id: session.visitorId,
        locale: 'id-ID',
        page: { url: 'http://localhost/shop' },
        online: false,
      },
    });
    const resolved = await call(
      server,
      'GET',
      '/agent/v1/conversations?status=resolved',
      undefined,
      'agent-secret',
    );
    expect(resolved.body.conversations).toEqual([]);
    expect(
      (await call(server, 'GET', '/agent/v1/conversations?status=nope', undefined, 'agent-secret')).status,
    ).toBe(400);
    const single = await call(
      server,
      'GET',
      `/agent/v1/conversations/${conversationId}`,
      undefined,
      'agent-secret',
    );
    expect(single.body.id).toBe(conversationId);
    const messages = await call(
      server,
      'GET',
      `/agent/v1/conversations/${conversationId}/messages?after=1`,
      undefined,
      'agent-secret',
    );
    expect(messages.body).toMatchObject({ messages: [{ seq: 2 }], hasMore: false });
  });

  it("sends agent messages to the visitor's stream, assigns the agent and reports reads both ways", async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    // The agent's name comes from their account, not from anything in the request.
    const rina = await server.agents.add('Rina');
    const { session, conversationId } = await visitorWithConversation(server);
    const visitor = await visitorStream(server, session.token, session.cursor);
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/q`,
      { type: 'text', text: 'Halo' },
      session.token,
    );
    await agents.next((frame) => frame.event === 'message.created');

    const sent = await call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/messages`,
      {
        type: 'text',
        text: 'Halo, Kak! Ada yang bisa dibantu?',
        agentName: 'Admin',
        actions: [{ type: 'reply', label: 'Ya', payload: 'yes' }],
      },
      rina.token,
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      seq: 2,
      author: { role: 'agent', id: rina.agent.id, name: 'Rina' },
      actions: [{ payload: 'yes' }],
    });
    const delivered = await visitor.next((frame) => frame.data?.message?.author?.role === 'agent');
    expect(delivered.data.message.id).toBe(sent.body.id);
    const assigned = await visitor.next((frame) => frame.data?.conversation?.assignee !== undefined);
    expect(assigned.data.conversation.assignee).toMatchObject({ role: 'agent', name: 'Rina' });
    // The operator token answers under the site's name.
    const operator = await call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/messages`,
      { type: 'text', text: 'Tim Quiet di sini.', agentName: 'Rina' },
      'agent-secret',
    );
    expect(operator.body.author).toEqual({ role: 'agent', id: 'operator', name: 'Quiet' });

    const card = await call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/messages`,
      { type: 'card', card: { title: 'Kaos Batik', url: 'https://shop.example/kaos' } },
      'agent-secret',
    );
    expect(card.body).toMatchObject({ type: 'card', card: { title: 'Kaos Batik' } });
    for (const unsafe of [
      { type: 'card', card: { title: 'x', url: 'javascript:alert(1)' } },
      { type: 'card', card: { title: 'x', imageUrl: 'data:image/svg+xml,<svg/>' } },
      { type: 'text', text: 'x', actions: [{ type: 'link', label: 'x', url: 'javascript:alert(1)' }] },
    ]) {
      const refused = await call(
        server,
        'POST',
        `/agent/v1/conversations/${conversationId}/messages`,
        unsafe,
        'agent-secret',
      );
      expect(refused.status).toBe(400);
    }

    expect(
      (
        await call(
          server,
          'POST',
          `/agent/v1/conversations/${conversationId}/read`,
          { seq: 1 },
          'agent-secret',
        )
      ).status,
    ).toBe(204);
    const read = await visitor.next((frame) => frame.event === 'read.updated');
    expect(read.id).toBeDefined();
    expect(read.data).toEqual({ conversationId, role: 'agent', seq: 1 });

    await call(server, 'POST', `/v1/conversations/${conversationId}/read`, { seq: 3 }, session.token);
    const visitorRead = await agents.next((frame) => frame.event === 'read.updated');
    expect(visitorRead.data).toEqual({ conversationId, role: 'visitor', seq: 3 });

    expect(
      (
        await call(
          server,
          'POST',
          `/agent/v1/conversations/${conversationId}/typing`,
          { typing: true },
          'agent-secret',
        )
      ).status,
    ).toBe(204);
    const typing = await visitor.next((frame) => frame.event === 'typing');
    expect(typing.id).toBeUndefined();
    expect(typing.data).toMatchObject({
      conversationId,
      typing: true,
      participant: { role: 'agent', id: 'operator', name: 'Quiet' },
    });
  });

  it('resolves with an event line and conversation.updated, and reopens', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const { session, conversationId } = await visitorWithConversation(server, { locale: 'en' });
    const visitor = await visitorStream(server, session.token, session.cursor);
    const resolved = await call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/resolve`,
      undefined,
      'agent-secret',
    );
    expect(resolved.status).toBe(200);
    expect(resolved.body.status).toBe('resolved');
    const line = await visitor.next((frame) => frame.data?.message?.type === 'event');
    expect(line.data.message).toMatchObject({ author: { role: 'system' }, text: 'Conversation resolved' });
    const updated = await visitor.next((frame) => frame.data?.conversation?.status === 'resolved');
    expect(updated.event).toBe('conversation.updated');
    const reopened = await call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/reopen`,
      undefined,
      'agent-secret',
    );
    expect(reopened.body.status).toBe('open');
    const lines = (
      await call(server, 'GET', `/v1/conversations/${conversationId}/messages`, undefined, session.token)
    ).body.messages.map((message: { text: string }) => message.text);
    expect(lines).toEqual(['Conversation resolved', 'Conversation reopened']);
    expect(
      (await call(server, 'POST', '/agent/v1/conversations/nope/resolve', undefined, 'agent-secret')).status,
    ).toBe(404);
  });

  it('tells agents about new conversations and visitor presence; the token goes only in the header', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    // A token in the URL ends up in logs and history (issue 13): refused, and no stream opens.
    const inUrl = await StreamReader.open(`${server.url}/agent/v1/stream?token=agent-secret`, {});
    expect(inUrl.response.status).toBe(401);
    expect(server.stats().agentStreams).toBe(0);
    const agents = await agentStream(server);
    expect(agents.response.status).toBe(200);
    await agents.next((frame) => frame.comment === 'open');
    expect(server.stats().agentStreams).toBe(1);
    const { session, conversationId } = await visitorWithConversation(server);
    const created = await agents.next((frame) => frame.event === 'conversation.updated');
    expect(created.data.conversation).toMatchObject({
      id: conversationId,
      visitor: { id: session.visitorId },
      unreadCount: 0,
    });
    await visitorStream(server, session.token, session.cursor);
    const online = await agents.next(
      (frame) => frame.event === 'visitor.updated' && frame.data.visitor.online === true,
    );
    expect(online.data.visitor.id).toBe(session.visitorId);
  });

  it('marks agents online in /v1/config while a console stream is open (no business hours)', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const session = await newSession(server);
    expect((await call(server, 'GET', '/v1/config', undefined, session.token)).body.availability).toEqual({
      online: false,
      replyTime: 'hours',
    });
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    expect((await call(server, 'GET', '/v1/config', undefined, session.token)).body.availability).toEqual({
      online: true,
      replyTime: 'minutes',
    });
  });

  it('reports closed hours with the next opening time', async () => {
    // Open only one minute a week, in a zone where that minute is never "now" during a test run.
    const now = new Date();
    const later = new Date(now.getTime() + 3 * 86_400_000);
    const day = (['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const)[later.getUTCDay()] as 'mon';
    const server = await startTestServer({
      sites: [
        {
          ...QUIET_SITE,
          businessHours: { timezone: 'UTC', weekly: [{ days: [day], open: '10:00', close: '10:01' }] },
        },
      ],
    });
    const session = await newSession(server);
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    const { availability } = (await call(server, 'GET', '/v1/config', undefined, session.token)).body;
    expect(availability.online).toBe(false);
    expect(availability.replyTime).toBe('day');
    const opening = new Date(availability.nextOpenAt);
    expect(opening.getUTCDay()).toBe(later.getUTCDay());
    expect(opening.toISOString().slice(11, 16)).toBe('10:00');
  });
});
