/**
 * Issue 13, items 6 and 9: crafted input never makes a 500 or a forged log line, and text that is not Unicode
 * (lone surrogates, bytes that are not UTF-8) is refused with 400 wherever it comes.
 */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { formatLogEntry } from '../src/log-entry.js';
import { call, newSession, startTestServer, visitorWithConversation } from './helpers.js';
import { onPostgres } from './postgres-test-database.js';

/** A raw GET, so the path reaches the server exactly as written. */
function rawGet(
  url: string,
  path: string,
): Promise<{ status: number; location?: string; setCookie?: string[] }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path, method: 'GET' }, (incoming) => {
      incoming.resume();
      incoming.on('end', () =>
        resolve({
          status: incoming.statusCode ?? 0,
          ...(incoming.headers.location ? { location: incoming.headers.location } : {}),
          ...(incoming.headers['set-cookie'] ? { setCookie: incoming.headers['set-cookie'] } : {}),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('redirects and logs', () => {
  it('puts no decoded text into Location: CRLF and NUL in an example name are a 404, with nothing logged', async () => {
    const entries: string[] = [];
    const server = await startTestServer({ quiet: false, logger: (entry) => entries.push(entry) });
    for (const path of [
      '/examples/%0d%0aSet-Cookie:%20x=1',
      '/examples/%0d%0aAgent%20console:%20http:%2F%2Flocalhost:8787%2Fconsole%2F%23token=FORGED%0d%0a',
      '/examples/a%00b',
      '/examples/%E2%80%AEexe',
    ]) {
      const answer = await rawGet(server.url, path);
      expect(answer, path).toEqual({ status: 404 });
    }
    expect(await rawGet(server.url, '/examples/shop')).toEqual({ status: 301, location: '/examples/shop/' });
    expect(entries).toEqual([]);
  });

  it('escapes control characters in log entries, so a request cannot forge a line', () => {
    const error = new TypeError(
      'Headers.set: "/examples/\r\nAgent console: http://localhost/console/#token=FORGED\r\n/" is bad.',
    );
    const entry = formatLogEntry('A request failed unexpectedly.', error);
    const lines = entry.split('\n');
    expect(lines[0]).toBe(
      'A request failed unexpectedly. TypeError: Headers.set: "/examples/\\r\\nAgent console: http://localhost/console/#token=FORGED\\r\\n/" is bad.',
    );
    // Every further line is an indented stack frame from the code.
    expect(lines.slice(1).every((line) => line.startsWith('    at '))).toBe(true);
    expect(formatLogEntry('Closing \u001b[2Jfailed\u2028.')).toBe('Closing \\u001b[2Jfailed\\u2028.');
  });
});

describe('text that is not Unicode', () => {
  it('is refused with 400 wherever it comes: escaped lone surrogates, in values or keys, and bytes that are not UTF-8', async () => {
    const server = await startTestServer({ sites: [{ siteKey: 'demo', name: 'Quiet', bot: false }] });
    const { session, conversationId } = await visitorWithConversation(server);
    const refused = [
      ['PATCH', '/v1/visitor', '{"name":"\\ud800x"}'],
      ['PATCH', '/v1/visitor', '{"attributes":{"\\udfff":"x"}}'],
      ['PUT', `/v1/conversations/${conversationId}/messages/m1`, '{"type":"text","text":"a\\ud83d"}'],
      ['POST', '/v1/identify', '{"userId":"\\udc00"}'],
    ] as const;
    for (const [method, path, body] of refused) {
      const answer = await call(server, method, path, body, session.token);
      expect(answer.status, body).toBe(400);
      expect(answer.body.code).toBe('invalid_request');
    }
    expect(
      (await call(server, 'PATCH', '/v1/visitor', '{"name":"\\ud800x"}', session.token)).body.detail,
    ).toBe('The field "name" holds a lone surrogate, which is not Unicode text.');
    // The same surrogate sent as raw bytes (CESU-8) is not UTF-8: refused too, never stored as U+FFFD.
    const bytes = await fetch(`${server.url}/v1/visitor`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
      body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
    });
    expect(bytes.status).toBe(400);
    expect((await bytes.json()).detail).toBe('The body must be UTF-8 text.');
    // In a file name header: percent-encoded bytes that are not UTF-8.
    const upload = await fetch(`${server.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${session.token}`,
        'Content-Type': 'text/plain',
        'X-Sapa-Filename': '%ED%A0%80.txt',
      },
      body: 'x',
    });
    expect(upload.status).toBe(400);
    // Pairs are text: an emoji goes through.
    const emoji = await call(server, 'PATCH', '/v1/visitor', '{"name":"Budi \\ud83d\\ude00"}', session.token);
    expect(emoji.body.visitor.name).toBe('Budi 😀');
    const visitor = await call(
      server,
      'GET',
      `/agent/v1/visitors/${session.visitorId}`,
      undefined,
      'agent-secret',
    );
    expect(visitor.body.name).toBe('Budi 😀');
  });

  it('cuts an overlong page title between characters, never inside an emoji', async () => {
    const server = await startTestServer();
    const title = `${'a'.repeat(499)}😀b`;
    const session = await newSession(server, { page: { url: 'https://toko.example/', title } });
    await call(server, 'POST', '/v1/conversations', { clientConversationId: 'c' }, session.token);
    const inbox = await call(server, 'GET', '/agent/v1/conversations', undefined, 'agent-secret');
    expect(inbox.body.conversations[0].visitor.page.title).toBe(`${'a'.repeat(499)}😀`);
  });
});

describe('positions past anything stored', () => {
  it('answers a read position or a page cursor far past the last seq like one just past it, never a 500', async () => {
    const server = await startTestServer({ rateLimit: false });
    const { session, conversationId } = await visitorWithConversation(server);
    const path = `/v1/conversations/${conversationId}`;
    await call(server, 'PUT', `${path}/messages/m1`, { type: 'text', text: 'Halo' }, session.token);
    const huge = Number.MAX_SAFE_INTEGER;
    expect((await call(server, 'POST', `${path}/read`, { seq: huge }, session.token)).status).toBe(204);
    const conversation = await call(server, 'GET', '/v1/conversations', undefined, session.token);
    const read = conversation.body.conversations.find((item: { id: string }) => item.id === conversationId);
    // Read up to the last message, not beyond it.
    expect(read.visitorReadSeq).toBe(read.lastSeq);
    const after = await call(
      server,
      'GET',
      `${path}/messages?after=999999999999999`,
      undefined,
      session.token,
    );
    expect(after).toMatchObject({ status: 200, body: { messages: [], hasMore: false } });
    const before = await call(
      server,
      'GET',
      `${path}/messages?before=999999999999999`,
      undefined,
      session.token,
    );
    expect(before.status).toBe(200);
    expect(before.body.messages.map((message: { seq: number }) => message.seq)).toEqual(
      Array.from({ length: read.lastSeq }, (_, index) => index + 1),
    );
    const agentRead = await call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/read`,
      { seq: huge },
      'agent-secret',
    );
    expect(agentRead.status).toBe(204);
  });
});

describe('NUL characters', () => {
  it('are taken in text, names, attributes and client ids without a 500 (PostgreSQL stores U+FFFD instead)', async () => {
    const server = await startTestServer({ rateLimit: false });
    const { session, conversationId } = await visitorWithConversation(server);
    const path = `/v1/conversations/${conversationId}/messages`;
    const sent = await call(server, 'PUT', `${path}/m%00`, { type: 'text', text: 'a\u0000b' }, session.token);
    expect(sent.status).toBe(201);
    // The same client id finds the same message again.
    const again = await call(
      server,
      'PUT',
      `${path}/m%00`,
      { type: 'text', text: 'a\u0000b' },
      session.token,
    );
    expect(again).toMatchObject({ status: 200, body: { id: sent.body.id } });
    const stored = onPostgres() ? 'a\uFFFDb' : 'a\u0000b';
    const page = await call(server, 'GET', path, undefined, session.token);
    expect(page.body.messages.find((message: { id: string }) => message.id === sent.body.id).text).toBe(
      stored,
    );
    const profile = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { name: 'R\u0000', attributes: { 'k\u0000': 'v\u0000' } },
      session.token,
    );
    expect(profile.status).toBe(200);
    expect(profile.body.visitor.attributes).toEqual({ 'k\u0000': 'v\u0000' });
    const created = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'c\u0000' },
      session.token,
    );
    expect(created.status).toBe(201);
    const same = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'c\u0000' },
      session.token,
    );
    expect(same).toMatchObject({ status: 200, body: { id: created.body.id } });
  });
});
