/**
 * Issue 13, item 2: `HEAD` of a stream answers the headers a `GET` would, and nothing more: no live subscription,
 * no presence (a visitor "online", agents "online" silencing the bot). Presence ends when the socket closes.
 */
import { readdirSync, readlinkSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { agentStream, call, newSession, startTestServer, visitorWithConversation } from './helpers.js';

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };

describe('HEAD of a stream', () => {
  it('200 HEADs of /v1/stream at once leave no subscription and the visitor offline', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE], rateLimit: false });
    const { session, conversationId } = await visitorWithConversation(server);
    const agents = await agentStream(server);
    await agents.next((frame) => frame.comment === 'open');
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        fetch(`${server.url}/v1/stream?after=${session.cursor}`, {
          method: 'HEAD',
          headers: { Authorization: `Bearer ${session.token}` },
        }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(200).fill(200));
    expect(answers[0]?.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(server.stats().visitorStreams).toBe(0);
    const conversation = await call(
      server,
      'GET',
      `/agent/v1/conversations/${conversationId}`,
      undefined,
      'agent-secret',
    );
    expect(conversation.body.visitor.online).toBe(false);
    // Agents never heard that the visitor came online.
    expect(agents.events('visitor.updated')).toEqual([]);
    // A HEAD checks what a GET would: a cursor from nowhere is still refused.
    const stale = await fetch(`${server.url}/v1/stream?after=1000000000000000`, {
      method: 'HEAD',
      headers: { Authorization: `Bearer ${session.token}` },
    });
    expect(stale.status).toBe(410);
  });

  it('HEAD of /agent/v1/stream does not count as an agent online, so the bot still answers', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    for (let index = 0; index < 20; index++) {
      const head = await fetch(`${server.url}/agent/v1/stream`, {
        method: 'HEAD',
        headers: { Authorization: 'Bearer agent-secret' },
      });
      expect(head.status).toBe(200);
    }
    expect(server.stats().agentStreams).toBe(0);
    const config = await call(server, 'GET', '/v1/config', undefined, session.token);
    expect(config.body.availability.online).toBe(false);
  });

  it('HEAD of an upload leaves no file open; GET still serves it', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const uploaded = await fetch(`${server.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${session.token}`,
        'Content-Type': 'text/plain',
        'X-Sapa-Filename': 'a.txt',
      },
      // Larger than a stream's first read, so a file opened for a HEAD would stay open.
      body: 'isi '.repeat(256 * 1024),
    }).then((answer) => answer.json());
    for (let index = 0; index < 20; index++) {
      const head = await fetch(uploaded.url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-length')).toBe(String(1024 * 1024));
    }
    // The server runs in this process: its open files are ours to count.
    const openOnUpload = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`).endsWith(uploaded.id);
        } catch {
          return false;
        }
      }).length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(openOnUpload()).toBe(0);
    expect((await (await fetch(uploaded.url)).text()).length).toBe(1024 * 1024);
  });
});

describe('presence', () => {
  it('ends when the socket of the stream closes', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE] });
    const { session, conversationId } = await visitorWithConversation(server);
    const { hostname, port } = new URL(server.url);
    const socket = connect(Number(port), hostname);
    socket.write(
      `GET /v1/stream HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${session.token}\r\n\r\n`,
    );
    await new Promise<void>((resolve) => socket.once('data', () => resolve()));
    const online = async () =>
      (await call(server, 'GET', `/agent/v1/conversations/${conversationId}`, undefined, 'agent-secret')).body
        .visitor.online;
    expect(await online()).toBe(true);
    socket.destroy();
    await expect.poll(() => server.stats().visitorStreams).toBe(0);
    expect(await online()).toBe(false);
  });
});
