import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_SITE } from '../src/index.js';
import { call, newSession, startTestServer } from './helpers.js';

// Requests that race each other: what one checks before it writes must hold when another does the same at once
// (SQLite runs one transaction at a time; PostgreSQL, where these run side by side, takes locks).

const SECRET = 'shop-identity-secret';
const userHash = (userId: string) => createHmac('sha256', SECRET).update(userId).digest('hex');

describe('requests at the same moment', () => {
  it('identify one user from several devices at once: one verified visitor, every device signed in to it', async () => {
    const server = await startTestServer({
      sites: [{ ...DEMO_SITE, identitySecret: SECRET, identityRequired: true }],
      rateLimit: false,
    });
    const devices = await Promise.all([1, 2, 3, 4].map(() => newSession(server)));
    const answers = await Promise.all(
      devices.map((device) =>
        call(server, 'POST', '/v1/identify', { userId: 'u1', userHash: userHash('u1') }, device.token),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((answer) => answer.body.visitor.id)).size).toBe(1);
  });

  it('create conversations at once past the open limit: exactly 10 made, the rest refused', async () => {
    const server = await startTestServer({
      sites: [{ siteKey: 'demo', name: 'Quiet', bot: false }],
      rateLimit: false,
    });
    const session = await newSession(server);
    const answers = await Promise.all(
      Array.from({ length: 14 }, (_, index) =>
        call(server, 'POST', '/v1/conversations', { clientConversationId: `c${index}` }, session.token),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 403)).toHaveLength(4);
    const listed = await call(server, 'GET', '/v1/conversations', undefined, session.token);
    expect(listed.body.conversations).toHaveLength(10);
  });

  it('create the same conversation at once: one conversation, made once (201) and found by the others (200)', async () => {
    const server = await startTestServer({
      sites: [{ siteKey: 'demo', name: 'Quiet', bot: false }],
      rateLimit: false,
    });
    const session = await newSession(server);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(server, 'POST', '/v1/conversations', { clientConversationId: 'same' }, session.token),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.id)).size).toBe(1);
  });
});
