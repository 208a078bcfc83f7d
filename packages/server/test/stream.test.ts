import { describe, expect, it } from 'vitest';
import {
  agentStream,
  call,
  newSession,
  startTestServer,
  visitorStream,
  visitorWithConversation,
} from './helpers.js';
import { onPostgres } from './postgres-test-database.js';

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };

async function send(server: { url: string }, token: string, conversationId: string, id: string, text = id) {
  return call(
    server as never,
    'PUT',
    `/v1/conversations/${conversationId}/messages/${id}`,
    { type: 'text', text },
    token,
  );
}

describe('the visitor stream', () => {
  it('is an event stream with the protocol headers, an opening comment and pings every heartbeat', async () => {
    const server = await startTestServer({ heartbeatMs: 50 });
    const session = await newSession(server);
    const stream = await visitorStream(server, session.token, session.cursor);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.response.headers.get('cache-control')).toBe('no-cache, no-transform');
    expect(stream.response.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.response.headers.get('sapa-protocol')).toBe('1');
    await stream.next((frame) => frame.comment === 'ping');
    expect(server.stats().visitorStreams).toBe(1);
  });

  it('carries the CORS headers of an allowed origin, written with the stream', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const stream = await visitorStream(server, session.token, session.cursor, {
      Origin: 'http://localhost:5173',
    });
    expect(stream.response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(stream.response.headers.get('access-control-expose-headers')).toContain('Sapa-Protocol');
    expect(stream.response.headers.get('vary')).toBe('Origin');
    expect(stream.response.headers.get('sapa-protocol')).toBe('1');
  });

  it("echoes the visitor's own send as message.created with its clientMessageId", async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const { session, conversationId } = await visitorWithConversation(server);
    const stream = await visitorStream(server, session.token, session.cursor);
    await send(server, session.token, conversationId, 'client-1', 'Halo');
    const frame = await stream.next((candidate) => candidate.event === 'message.created');
    expect(frame.id).toMatch(/^\d+$/);
    expect(frame.data.message).toMatchObject({ clientMessageId: 'client-1', text: 'Halo', seq: 1 });
  });

  it('replays every durable event after the cursor in order, then continues live', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const { session, conversationId } = await visitorWithConversation(server);
    const live = await visitorStream(server, session.token, session.cursor);
    await send(server, session.token, conversationId, 'one');
    await send(server, session.token, conversationId, 'two');
    const second = await live.next((frame) => frame.data?.message?.clientMessageId === 'two');
    const first = live.events('message.created')[0];
    live.close();
    expect(first?.id && second.id && first.id < second.id).toBe(true);

    await send(server, session.token, conversationId, 'three');
    const resumed = await visitorStream(server, session.token, first?.id);
    const three = await resumed.next((frame) => frame.data?.message?.clientMessageId === 'three');
    const replayed = resumed.events('message.created').map((frame) => frame.data.message.clientMessageId);
    expect(replayed).toEqual(['two', 'three']);
    expect(three.id && second.id && three.id > second.id).toBe(true);

    await send(server, session.token, conversationId, 'four');
    const four = await resumed.next((frame) => frame.data?.message?.clientMessageId === 'four');

    // A resumed session starts from the visitor's own newest event.
    const again = await newSession(server, { token: session.token });
    const newest = resumed.frames.filter((frame) => frame.id !== undefined).at(-1);
    expect(again.cursor).toBe(newest?.id);
    expect(newest?.id && four.id && newest.id >= four.id).toBe(true);
  });

  it('accepts Last-Event-ID, and the after query wins over it', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const { session, conversationId } = await visitorWithConversation(server);
    const live = await visitorStream(server, session.token, session.cursor);
    await send(server, session.token, conversationId, 'one');
    await send(server, session.token, conversationId, 'two');
    const two = await live.next((frame) => frame.data?.message?.clientMessageId === 'two');
    const one = live.events('message.created')[0];
    const byHeader = await visitorStream(server, session.token, undefined, {
      'Last-Event-ID': one?.id ?? '',
    });
    await byHeader.next((frame) => frame.data?.message?.clientMessageId === 'two');
    expect(byHeader.events('message.created')).toHaveLength(1);
    const queryWins = await visitorStream(server, session.token, two.id, { 'Last-Event-ID': session.cursor });
    await queryWins.next((frame) => frame.comment === 'open');
    await send(server, session.token, conversationId, 'three');
    await queryWins.next((frame) => frame.data?.message?.clientMessageId === 'three');
    expect(queryWins.events('message.created').map((frame) => frame.data.message.clientMessageId)).toEqual([
      'three',
    ]);
  });

  it('answers 410 gone for a cursor older than the retention, and resumes from a kept one', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE], streamRetention: 3 });
    const { session, conversationId } = await visitorWithConversation(server);
    for (const id of ['a', 'b', 'c', 'd']) await send(server, session.token, conversationId, id);
    const gone = await call(server, 'GET', `/v1/stream?after=${session.cursor}`, undefined, session.token);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('content-type')).toBe('application/problem+json');
    expect(gone.body.code).toBe('gone');
    const fromNow = await newSession(server, { token: session.token });
    const resumed = await visitorStream(server, fromNow.token, fromNow.cursor);
    expect(resumed.response.status).toBe(200);
  });

  it('refuses a cursor it never made, and a missing token', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    expect((await call(server, 'GET', '/v1/stream?after=abc', undefined, session.token)).status).toBe(400);
    expect((await call(server, 'GET', '/v1/stream?after=99999999', undefined, session.token)).status).toBe(
      410,
    );
    const anonymous = await call(server, 'GET', '/v1/stream');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('unauthorized');
  });

  it('delivers typing live to the agents but never stores it', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const { session, conversationId } = await visitorWithConversation(server);
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    await call(server, 'POST', `/v1/conversations/${conversationId}/typing`, { typing: true }, session.token);
    const typing = await agents.next((frame) => frame.event === 'typing');
    expect(typing.id).toBeUndefined();
    expect(typing.data).toMatchObject({ conversationId, typing: true, participant: { role: 'visitor' } });
    const replay = await visitorStream(server, session.token, session.cursor);
    await send(server, session.token, conversationId, 'after-typing');
    await replay.next((frame) => frame.data?.message?.clientMessageId === 'after-typing');
    expect(replay.events('typing')).toEqual([]);
  });

  it('counts open streams of every tab and forgets closed ones', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const tabs = await Promise.all([1, 2, 3].map(() => visitorStream(server, session.token, session.cursor)));
    await Promise.all(tabs.map((tab) => tab.next((frame) => frame.comment === 'open')));
    expect(server.stats()).toEqual({
      visitorStreams: 3,
      agentStreams: 0,
      store: onPostgres() ? 'postgres' : 'sqlite',
    });
    for (const tab of tabs) tab.close();
    await expect.poll(() => server.stats().visitorStreams, { timeout: 10_000 }).toBe(0);
  });
});
