import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../src/index.js';
import { call, newSession, startTestServer, visitorStream } from './helpers.js';

const SECRET = 'shop-identity-secret';
const securedSite = { ...DEMO_SITE, identitySecret: SECRET, identityRequired: true };
const userHash = (userId: string) => createHmac('sha256', SECRET).update(userId).digest('hex');

describe('sessions', () => {
  it('creates an anonymous visitor with a token, an expiry and a starting cursor', async () => {
    const server = await startTestServer();
    const { status, headers, body } = await call(server, 'POST', '/v1/sessions', {
      siteKey: 'demo',
      locale: 'id',
    });
    expect(status).toBe(201);
    expect(headers.get('sapa-protocol')).toBe('1');
    expect(body).toMatchObject({
      visitorId: expect.any(String),
      token: expect.any(String),
      cursor: expect.any(String),
    });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('resumes the same visitor with a rotated token and refuses the old one', async () => {
    const server = await startTestServer();
    const first = await newSession(server);
    const resumed = await newSession(server, { token: first.token });
    expect(resumed.visitorId).toBe(first.visitorId);
    expect(resumed.token).not.toBe(first.token);
    const old = await call(server, 'GET', '/v1/conversations', undefined, first.token);
    expect(old.status).toBe(401);
    expect(old.headers.get('content-type')).toBe('application/problem+json');
    expect(old.body).toMatchObject({
      code: 'unauthorized',
      status: 401,
      type: 'https://sapa.dev/problems/unauthorized',
    });
    expect((await call(server, 'GET', '/v1/conversations', undefined, resumed.token)).status).toBe(200);
  });

  it('keeps page details short instead of failing the session', async () => {
    const server = await startTestServer();
    const page = { url: 'http://localhost/toko', title: 'Judul '.repeat(200) };
    const session = await newSession(server, { page, locale: 'id-ID' });
    const list = await call(server, 'GET', '/agent/v1/conversations', undefined, server.agentToken);
    expect(list.status).toBe(200);
    await call(server, 'POST', '/v1/conversations', { clientConversationId: 'x' }, session.token);
    const [conversation] = (
      await call(server, 'GET', '/agent/v1/conversations', undefined, server.agentToken)
    ).body.conversations;
    expect(conversation.visitor.page.title).toHaveLength(500);
    expect(conversation.visitor.locale).toBe('id-ID');
  });

  it('makes a new visitor for an unknown token instead of failing', async () => {
    const server = await startTestServer();
    const first = await newSession(server);
    const other = await newSession(server, { token: 'not-a-token' });
    expect(other.visitorId).not.toBe(first.visitorId);
  });

  it('answers 404 for an unknown site and 400 for a body without siteKey', async () => {
    const server = await startTestServer();
    expect((await call(server, 'POST', '/v1/sessions', { siteKey: 'nope' })).body.code).toBe('not_found');
    const bad = await call(server, 'POST', '/v1/sessions', '{"siteKey":');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_request');
  });
});

describe('configuration and profile', () => {
  it('serves the demo configuration with availability', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const { status, body } = await call(server, 'GET', '/v1/config', undefined, session.token);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      siteKey: 'demo',
      name: 'Toko Sapa',
      identityRequired: false,
      prechat: { enabled: false },
      upload: { maxBytes: 10 * 1024 * 1024, accept: ['image/*', 'application/pdf', 'text/plain'] },
      availability: { online: false },
    });
    expect(body.channels.some((channel: { type: string }) => channel.type === 'whatsapp')).toBe(true);
    expect(body.campaigns.length).toBeGreaterThan(0);
  });

  it('updates the visitor profile and keeps earlier attributes', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    await call(server, 'PATCH', '/v1/visitor', { attributes: { plan: 'gold' } }, session.token);
    const { status, body } = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { name: 'Budi', email: 'budi@example.com', attributes: { city: 'Bandung' } },
      session.token,
    );
    expect(status).toBe(200);
    expect(body.visitor).toEqual({
      id: session.visitorId,
      name: 'Budi',
      email: 'budi@example.com',
      attributes: { plan: 'gold', city: 'Bandung' },
      verified: false,
    });
    const bad = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { attributes: { nested: { no: 1 } } },
      session.token,
    );
    expect(bad.status).toBe(400);
  });
});

describe('identify', () => {
  it('refuses a missing or wrong userHash where the site requires verification, and merges nothing', async () => {
    const server = await startTestServer({ sites: [securedSite] });
    const session = await newSession(server);
    const missing = await call(server, 'POST', '/v1/identify', { userId: 'u1' }, session.token);
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('forbidden');
    const wrong = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'u1', userHash: userHash('u2') },
      session.token,
    );
    expect(wrong.status).toBe(403);
    // The token still works: nothing changed.
    expect((await call(server, 'GET', '/v1/conversations', undefined, session.token)).status).toBe(200);
  });

  it('moves the anonymous conversations to the verified user, seen from another device, and rotates the token', async () => {
    const server = await startTestServer({ sites: [securedSite] });
    // The user on a phone.
    const phone = await newSession(server);
    const onPhone = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'u1', userHash: userHash('u1'), name: 'Sari' },
      phone.token,
    );
    expect(onPhone.status).toBe(200);
    expect(onPhone.body.visitor).toMatchObject({ userId: 'u1', name: 'Sari', verified: true });
    // The same user, first anonymous on a laptop, starts a conversation and then signs in.
    const laptop = await newSession(server);
    const created = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'l1' },
      laptop.token,
    );
    const laptopStream = await visitorStream(server, laptop.token, laptop.cursor);
    await laptopStream.next((frame) => frame.comment === 'open');
    const identified = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'u1', userHash: userHash('u1') },
      laptop.token,
    );
    expect(identified.status).toBe(200);
    expect(identified.body.token).not.toBe(laptop.token);
    expect(identified.body.visitor.id).toBe(onPhone.body.visitor.id);
    expect((await call(server, 'GET', '/v1/conversations', undefined, laptop.token)).status).toBe(401);
    // The anonymous visitor's stream ends, so the client reconnects with its new token.
    await expect.poll(() => laptopStream.ended, { timeout: 10_000 }).toBe(true);
    const seenOnPhone = await call(server, 'GET', '/v1/conversations', undefined, onPhone.body.token);
    expect(seenOnPhone.body.conversations.map((conversation: { id: string }) => conversation.id)).toEqual([
      created.body.id,
    ]);
  });

  it('records an unverified identity on this visitor only when the site does not require verification', async () => {
    const server = await startTestServer();
    const first = await newSession(server);
    await call(server, 'POST', '/v1/conversations', { clientConversationId: 'a' }, first.token);
    const second = await newSession(server);
    const claimed = await call(server, 'POST', '/v1/identify', { userId: 'victim' }, first.token);
    const claimedAgain = await call(server, 'POST', '/v1/identify', { userId: 'victim' }, second.token);
    expect(claimed.body.visitor).toMatchObject({ userId: 'victim', verified: false });
    const seen = await call(server, 'GET', '/v1/conversations', undefined, claimedAgain.body.token);
    expect(seen.body.conversations).toEqual([]);
  });
});
