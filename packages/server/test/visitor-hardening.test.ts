/**
 * Issue 13, item 9: limits by the client's real address (X-Forwarded-For only behind a trusted proxy), typing
 * throttled on the server whatever a client sends, and a `userHash` the server cannot check said so.
 */
import { describe, expect, it } from 'vitest';
import { agentStream, call, newSession, startTestServer, visitorWithConversation } from './helpers.js';

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };

async function sessionsFrom(server: { url: string }, forwardedFors: string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const forwardedFor of forwardedFors) {
    const answer = await call(server as never, 'POST', '/v1/sessions', { siteKey: 'demo' }, undefined, {
      'X-Forwarded-For': forwardedFor,
    });
    statuses.push(answer.status);
  }
  return statuses;
}

describe('client addresses', () => {
  it('ignore X-Forwarded-For by default: a client cannot pick a fresh address per request', async () => {
    const server = await startTestServer({ rateLimit: { perMinute: 5 } });
    const statuses = await sessionsFrom(
      server,
      Array.from({ length: 10 }, (_, index) => `10.0.0.${index}`),
    );
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(5).fill(429)]);
  });

  it('with trustProxy, count the address the proxy saw (the rightmost), not what the client wrote before it', async () => {
    const server = await startTestServer({ rateLimit: { perMinute: 2 }, trustProxy: 1 });
    expect(
      await sessionsFrom(server, ['1.1.1.1, 203.0.113.9', '2.2.2.2, 203.0.113.9', '203.0.113.9']),
    ).toEqual([201, 201, 429]);
    expect(await sessionsFrom(server, ['198.51.100.4'])).toEqual([201]);
  });
});

describe('typing', () => {
  it('is throttled on the server: 200 typing posts in a burst reach the agents as at most two events', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE], rateLimit: false });
    const { session, conversationId } = await visitorWithConversation(server);
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    for (let index = 0; index < 200; index++) {
      const answer = await call(
        server,
        'POST',
        `/v1/conversations/${conversationId}/typing`,
        { typing: index % 2 === 0 },
        session.token,
      );
      expect(answer.status).toBe(204);
    }
    // A message after the burst: once it is here, every typing event sent before it is too (on one SQLite node;
    // on PostgreSQL, typing and the message travel as separate notifications, so the last typing may come just after).
    await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/m`,
      { type: 'text', text: 'x' },
      session.token,
    );
    await agents.next((frame) => frame.event === 'message.created');
    await expect.poll(() => agents.events('typing').map((frame) => frame.data.typing)).toEqual([true, false]);
  });
});

describe('identify', () => {
  it('says when a userHash was ignored because the site has no identity secret', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const ignored = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'u-1', userHash: 'deadbeef' },
      session.token,
    );
    expect(ignored.status).toBe(200);
    expect(ignored.body).toMatchObject({
      userHashIgnored: true,
      visitor: { userId: 'u-1', verified: false },
    });
    const without = await call(server, 'POST', '/v1/identify', { userId: 'u-1' }, ignored.body.token);
    expect(without.body.userHashIgnored).toBeUndefined();
  });
});
