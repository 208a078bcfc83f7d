// @vitest-environment node
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AgentStream, type ConnectionStatus } from './agent-stream.js';
import type { AgentStreamEvent } from './agent-types.js';

let server: Server | undefined;

afterEach(async () => {
  const running = server;
  server = undefined;
  running?.closeAllConnections();
  if (running) await new Promise((resolve) => running.close(resolve));
});

async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<string> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/agent/v1/stream`;
}

function waitFor(predicate: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const check = () => (predicate() ? resolve() : setTimeout(check, 5));
    check();
  });
}

describe('AgentStream', () => {
  it('sends the token, delivers known events, skips unknown and broken ones, and reconnects when the server drops it', async () => {
    const authorizations: (string | undefined)[] = [];
    const url = await listen((request, response) => {
      authorizations.push(request.headers.authorization);
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      if (authorizations.length === 1) {
        response.write(': ping\n\n');
        response.write('event: something.new\ndata: {}\n\n');
        response.write('event: typing\ndata: {not json\n\n');
        response.write(
          'event: typing\ndata: {"conversationId":"c1","participant":{"role":"visitor","id":"v"},"typing":true}\n\n',
        );
        response.end();
      } else {
        response.write('event: read.updated\ndata: {"conversationId":"c1","role":"visitor","seq":4}\n\n');
      }
    });
    const events: AgentStreamEvent[] = [];
    const statuses: ConnectionStatus[] = [];
    const opens: boolean[] = [];
    const stream = new AgentStream({
      url,
      token: 'agent-secret',
      onEvent: (event) => events.push(event),
      onStatus: (status) => statuses.push(status),
      onOpen: (reconnected) => opens.push(reconnected),
      baseDelayMs: 10,
      random: () => 1,
    });
    stream.start();
    await waitFor(() => events.length === 2);
    stream.stop();
    expect(events.map((event) => event.type)).toEqual(['typing', 'read.updated']);
    expect(events[0]?.data).toMatchObject({ conversationId: 'c1', typing: true });
    expect(authorizations).toEqual(['Bearer agent-secret', 'Bearer agent-secret']);
    expect(opens).toEqual([false, true]);
    expect(statuses).toEqual(['connecting', 'open', 'reconnecting', 'reconnecting', 'open', 'closed']);
  });

  it('stops and reports a refused token instead of retrying', async () => {
    let calls = 0;
    const url = await listen((_request, response) => {
      calls++;
      response.writeHead(401, { 'Content-Type': 'application/problem+json' }).end('{}');
    });
    const statuses: ConnectionStatus[] = [];
    const stream = new AgentStream({
      url,
      token: 'wrong',
      onEvent: () => {},
      onStatus: (status) => statuses.push(status),
    });
    stream.start();
    await waitFor(() => statuses.includes('unauthorized'));
    expect(calls).toBe(1);
    expect(statuses).toEqual(['connecting', 'unauthorized']);
  });

  it('waits at least as long as Retry-After asks', async () => {
    const url = await listen((_request, response) => {
      response.writeHead(503, { 'Retry-After': '7' }).end();
    });
    const delays: (number | undefined)[] = [];
    const stream = new AgentStream({
      url,
      token: 't',
      onEvent: () => {},
      onStatus: (_status, retryInMs) => {
        if (retryInMs !== undefined) delays.push(retryInMs);
      },
      random: () => 0,
    });
    stream.start();
    await waitFor(() => delays.length === 1);
    stream.stop();
    expect(delays).toEqual([7000]);
  });

  it('reconnects a connection that went silent', async () => {
    let connections = 0;
    const url = await listen((_request, response) => {
      connections++;
      response.writeHead(200, { 'Content-Type': 'text/event-stream' });
      response.write(': ping\n\n'); // then nothing: the connection hangs without closing
    });
    const stream = new AgentStream({
      url,
      token: 't',
      onEvent: () => {},
      onStatus: () => {},
      silenceTimeoutMs: 50,
      baseDelayMs: 1,
    });
    stream.start();
    await waitFor(() => connections >= 2);
    stream.stop();
    expect(connections).toBeGreaterThanOrEqual(2);
  });
});
