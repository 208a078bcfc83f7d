// @vitest-environment node
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { InvalidDataError } from '@sapa/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentApi, AgentApiError, AgentNetworkError } from './agent-api.js';
import { careReportFixture, conversationFixture, messageFixture } from './test-fixtures.js';

interface Recorded {
  method?: string;
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  running?.closeAllConnections();
  if (running) await new Promise((resolve) => running.close(resolve));
});

/** A small agent API on loopback that records each request and answers with `answer`. */
async function listen(answer: (recorded: Recorded) => { status: number; body?: unknown }) {
  const requests: Recorded[] = [];
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const recorded = {
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const { status, body } = answer(recorded);
      const type = status >= 400 ? 'application/problem+json' : 'application/json';
      response.writeHead(status, body === undefined ? {} : { 'Content-Type': type });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return { apiUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

describe('AgentApi', () => {
  it('sends replies as JSON with the bearer token to the agent API', async () => {
    const sent = messageFixture({
      id: 'm1',
      seq: 3,
      author: { role: 'agent', id: 'agent:Rina', name: 'Rina' },
    });
    const { apiUrl, requests } = await listen(() => ({ status: 201, body: sent }));
    const api = new AgentApi(apiUrl, 'agent-secret');
    const message = await api.sendMessage('conversation/1', {
      type: 'text',
      text: 'Baik kak, kami cek dulu ya.',
      actions: [{ type: 'reply', label: 'Sudah', payload: 'done' }],
    });
    expect(message).toMatchObject({ id: 'm1', seq: 3 });
    expect(requests[0]).toMatchObject({
      method: 'POST',
      url: '/agent/v1/conversations/conversation%2F1/messages',
      headers: { authorization: 'Bearer agent-secret', 'content-type': 'application/json' },
    });
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({
      type: 'text',
      text: 'Baik kak, kami cek dulu ya.',
      actions: [{ type: 'reply', label: 'Sudah', payload: 'done' }],
    });
  });

  it('uploads the file bytes with its type and percent-encoded name', async () => {
    const { apiUrl, requests } = await listen(() => ({
      status: 201,
      body: {
        id: 'a1',
        name: 'struk belanja.txt',
        size: 17,
        mime: 'text/plain',
        url: '/v1/uploads/a1/struk%20belanja.txt',
      },
    }));
    const api = new AgentApi(apiUrl, 't');
    await api.upload(new File(['Total: Rp 150.000'], 'struk belanja.txt', { type: 'text/plain' }));
    expect(requests[0]).toMatchObject({
      url: '/agent/v1/uploads',
      headers: { 'content-type': 'text/plain', 'x-sapa-filename': 'struk%20belanja.txt' },
      body: 'Total: Rp 150.000',
    });
  });

  it('asks for messages before a seq and reads 204 answers as nothing', async () => {
    const { apiUrl, requests } = await listen((recorded) =>
      recorded.method === 'GET' ? { status: 200, body: { messages: [], hasMore: false } } : { status: 204 },
    );
    const api = new AgentApi(apiUrl, 't');
    await api.listMessages('c1', { before: 51, limit: 50 });
    await expect(api.markRead('c1', 50)).resolves.toBeUndefined();
    expect(requests.map((request) => request.url)).toEqual([
      '/agent/v1/conversations/c1/messages?before=51&limit=50',
      '/agent/v1/conversations/c1/read',
    ]);
  });

  it('pages the inbox with a cursor, and loads a profile and the signed-in account', async () => {
    const { apiUrl, requests } = await listen((recorded) => {
      if (recorded.url?.startsWith('/agent/v1/conversations'))
        return { status: 200, body: { conversations: [conversationFixture()], nextCursor: 'next/page' } };
      if (recorded.url === '/agent/v1/me')
        return { status: 200, body: { id: 'a_1', name: 'Rina', operator: false } };
      return {
        status: 200,
        body: { id: 'v/1', verified: false, online: true, attributes: { plan: 'gold' } },
      };
    });
    const api = new AgentApi(apiUrl, 't');
    expect((await api.listConversations('active')).nextCursor).toBe('next/page');
    await api.listConversations('active', 'next/page');
    expect((await api.getVisitor('v/1')).attributes).toEqual({ plan: 'gold' });
    expect(await api.me()).toEqual({ id: 'a_1', name: 'Rina', operator: false });
    expect(requests.map((request) => request.url)).toEqual([
      '/agent/v1/conversations?status=active',
      '/agent/v1/conversations?status=active&cursor=next%2Fpage',
      '/agent/v1/visitors/v%2F1',
      '/agent/v1/me',
    ]);
  });

  it('searches every status by reference or name, and asks for the care report of a period and an agent', async () => {
    const { apiUrl, requests } = await listen((recorded) =>
      recorded.url?.startsWith('/agent/v1/care')
        ? { status: 200, body: careReportFixture() }
        : { status: 200, body: { conversations: [conversationFixture({ reference: 'SP-7KQ2' })] } },
    );
    const api = new AgentApi(apiUrl, 't');
    const found = await api.searchConversations('Ref SP-7KQ2');
    expect(found.conversations[0]?.reference).toBe('SP-7KQ2');
    await api.searchConversations('budi@example.id', 'next');
    expect((await api.careReport()).timezone).toBe('Asia/Jakarta');
    await api.careReport({ from: '2026-03-02', to: '2026-03-06', agent: 'agent:Sari' });
    expect(requests.map((request) => request.url)).toEqual([
      '/agent/v1/conversations?status=all&q=Ref+SP-7KQ2',
      '/agent/v1/conversations?status=all&q=budi%40example.id&cursor=next',
      '/agent/v1/care',
      '/agent/v1/care?from=2026-03-02&to=2026-03-06&agent=agent%3ASari',
    ]);
  });

  it('turns a problem answer into an error that carries the status and problem', async () => {
    const problem = {
      type: 'https://sapa.dev/problems/unauthorized',
      title: 'Unauthorized',
      status: 401,
      code: 'unauthorized',
    };
    const { apiUrl } = await listen(() => ({ status: 401, body: problem }));
    const error = await new AgentApi(apiUrl, 'wrong')
      .listConversations('open')
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentApiError);
    expect(error).toMatchObject({
      status: 401,
      problem,
      unauthorized: true,
      operation: 'loadConversations',
    });
    expect((error as Error).message).toBe('Agent API call loadConversations failed: Unauthorized.');
  });

  it('checks what the server answers against the agent API guards, naming the first wrong field', async () => {
    const { apiUrl } = await listen((recorded) =>
      recorded.url?.endsWith('/c1')
        ? { status: 200, body: conversationFixture({ id: 'c1' }) }
        : { status: 200, body: { conversations: [{ ...conversationFixture(), unreadCount: 'two' }] } },
    );
    const api = new AgentApi(apiUrl, 't');
    await expect(api.getConversation('c1')).resolves.toMatchObject({ id: 'c1', siteKey: 'demo' });
    const error = await api.listConversations('all').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidDataError);
    expect(error).toMatchObject({ path: 'response.conversations[0].unreadCount' });
  });

  it('reports an unreachable server as a network error', async () => {
    const { apiUrl } = await listen(() => ({ status: 204 }));
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
    const error = await new AgentApi(apiUrl, 't').resolve('c1').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentNetworkError);
  });
});
