/**
 * Issue 13, item 1: one anonymous visitor must not be able to break the agent inbox. Caps on a visitor's
 * attributes and open conversations, a paged inbox whose rows carry a bounded visitor summary, and the whole
 * profile on demand.
 */
import { describe, expect, it } from 'vitest';
import { call, newSession, startTestServer } from './helpers.js';

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };
const AGENT = 'agent-secret';

/** `count` attributes named `prefix0…`, each `length` characters long. */
function attributes(prefix: string, count: number, length: number): Record<string, string> {
  return Object.fromEntries(
    Array.from({ length: count }, (_, index) => [`${prefix}${index}`, 'x'.repeat(length)]),
  );
}

describe('per-visitor caps', () => {
  it('refuses attributes past 100 per visitor or 32 KiB in all with a 413 naming the limit, and keeps the rest', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const session = await newSession(server);
    const first = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { attributes: attributes('a', 60, 10) },
      session.token,
    );
    expect(first.status).toBe(200);
    const tooMany = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { attributes: attributes('b', 50, 10) },
      session.token,
    );
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'payload_too_large' });
    expect(tooMany.body.detail).toBe(
      'A visitor may have at most 100 attributes; this change would make 110.',
    );
    // Changing attributes the visitor has does not add any.
    const changed = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { attributes: attributes('a', 60, 600) },
      session.token,
    );
    expect(changed.status).toBe(413);
    expect(changed.body.detail).toMatch(
      /^A visitor's attributes may take at most 32768 bytes as JSON; this change would make \d+\.$/,
    );
    // identify goes through the same caps.
    const identify = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'u-1', attributes: attributes('c', 41, 1) },
      session.token,
    );
    expect(identify.status).toBe(413);
    const profile = await call(server, 'GET', `/agent/v1/visitors/${session.visitorId}`, undefined, AGENT);
    expect(Object.keys(profile.body.attributes)).toHaveLength(60);
    expect(profile.body.attributes.a0).toBe('x'.repeat(10));
  });

  it('lets a visitor have at most 10 open conversations (403 naming the limit); the same client id still answers', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const session = await newSession(server);
    for (let index = 0; index < 10; index++) {
      const created = await call(
        server,
        'POST',
        '/v1/conversations',
        { clientConversationId: `c${index}` },
        session.token,
      );
      expect(created.status).toBe(201);
    }
    const eleventh = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'c10' },
      session.token,
    );
    expect(eleventh.status).toBe(403);
    expect(eleventh.body).toMatchObject({
      code: 'forbidden',
      detail: 'A visitor may have at most 10 open conversations; this visitor has 10. Continue one of them.',
    });
    expect(
      (await call(server, 'POST', '/v1/conversations', { clientConversationId: 'c3' }, session.token)).status,
    ).toBe(200);
    // Once an agent resolves one, there is room again.
    const list = await call(server, 'GET', '/v1/conversations', undefined, session.token);
    await call(
      server,
      'POST',
      `/agent/v1/conversations/${list.body.conversations[0].id}/resolve`,
      undefined,
      AGENT,
    );
    expect(
      (await call(server, 'POST', '/v1/conversations', { clientConversationId: 'c10' }, session.token))
        .status,
    ).toBe(201);
  });
});

describe('the agent inbox', () => {
  it('pages newest first with a cursor; rows carry a visitor summary without attributes; the profile is on demand', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const created: string[] = [];
    for (let index = 0; index < 5; index++) {
      const session = await newSession(server, {
        locale: 'id-ID',
        page: { url: `https://toko.example/produk/${index}`, title: `Produk ${index}` },
      });
      await call(
        server,
        'PATCH',
        '/v1/visitor',
        {
          name: `Pelanggan ${index}`,
          email: `p${index}@example.com`,
          phone: '+62812',
          attributes: { plan: 'gold' },
        },
        session.token,
      );
      const conversation = await call(
        server,
        'POST',
        '/v1/conversations',
        { clientConversationId: 'c' },
        session.token,
      );
      created.push(conversation.body.id);
    }
    const first = await call(server, 'GET', '/agent/v1/conversations?limit=2', undefined, AGENT);
    expect(first.status).toBe(200);
    expect(first.body.conversations.map((row: { id: string }) => row.id)).toEqual([created[4], created[3]]);
    const row = first.body.conversations[0];
    expect(Object.keys(row.visitor).sort()).toEqual(
      ['email', 'id', 'lastSeenAt', 'locale', 'name', 'online', 'page', 'verified'].sort(),
    );
    expect(row.visitor).toMatchObject({
      name: 'Pelanggan 4',
      email: 'p4@example.com',
      locale: 'id-ID',
      page: { url: 'https://toko.example/produk/4', title: 'Produk 4' },
      online: false,
      verified: false,
    });
    const second = await call(
      server,
      'GET',
      `/agent/v1/conversations?limit=2&cursor=${first.body.nextCursor}`,
      undefined,
      AGENT,
    );
    const third = await call(
      server,
      'GET',
      `/agent/v1/conversations?limit=2&cursor=${second.body.nextCursor}`,
      undefined,
      AGENT,
    );
    expect(second.body.conversations.map((each: { id: string }) => each.id)).toEqual([
      created[2],
      created[1],
    ]);
    expect(third.body.conversations.map((each: { id: string }) => each.id)).toEqual([created[0]]);
    expect(third.body.nextCursor).toBeUndefined();
    // active = open and pending; a made-up cursor is a 400.
    const active = await call(server, 'GET', '/agent/v1/conversations?status=active', undefined, AGENT);
    expect(active.body.conversations).toHaveLength(5);
    expect(
      (await call(server, 'GET', '/agent/v1/conversations?cursor=bm9wZQ', undefined, AGENT)).status,
    ).toBe(400);
    expect((await call(server, 'GET', '/agent/v1/conversations?limit=0', undefined, AGENT)).status).toBe(400);

    const profile = await call(server, 'GET', `/agent/v1/visitors/${row.visitor.id}`, undefined, AGENT);
    expect(profile.body).toMatchObject({
      id: row.visitor.id,
      name: 'Pelanggan 4',
      phone: '+62812',
      attributes: { plan: 'gold' },
      online: false,
      locale: 'id-ID',
    });
    expect((await call(server, 'GET', '/agent/v1/visitors/v_nobody', undefined, AGENT)).status).toBe(404);
  });

  it('survives the attack of issue 13: 60 PATCHes of 100 × 1,000-character attributes and 90 conversations', async () => {
    const server = await startTestServer();
    const attacker = await newSession(server);
    const statuses: Record<number, number> = {};
    for (let round = 0; round < 60; round++) {
      const answer = await call(
        server,
        'PATCH',
        '/v1/visitor',
        { attributes: attributes(`k${round}_`, 100, 1000) },
        attacker.token,
      );
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    }
    for (let index = 0; index < 90; index++) {
      const answer = await call(
        server,
        'POST',
        '/v1/conversations',
        { clientConversationId: `c${index}` },
        attacker.token,
      );
      statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
    }
    expect(statuses).toEqual({ 201: 10, 403: 80, 413: 60 });

    // A real customer is still there, and the inbox answers in full.
    const customer = await newSession(server);
    await call(server, 'PATCH', '/v1/visitor', { name: 'Budi' }, customer.token);
    await call(server, 'POST', '/v1/conversations', { clientConversationId: 'help' }, customer.token);
    for (const status of ['all', 'active', 'open']) {
      const inbox = await call(server, 'GET', `/agent/v1/conversations?status=${status}`, undefined, AGENT);
      expect(inbox.status).toBe(200);
      expect(inbox.body.conversations).toHaveLength(11);
      expect(inbox.body.conversations[0].visitor.name).toBe('Budi');
      // Rows carry no attributes: a page's size does not grow with what visitors store.
      expect(JSON.stringify(inbox.body).length).toBeLessThan(20_000);
    }
    const profile = await call(server, 'GET', `/agent/v1/visitors/${attacker.visitorId}`, undefined, AGENT);
    expect(profile.body.attributes).toEqual({});
  });
});
