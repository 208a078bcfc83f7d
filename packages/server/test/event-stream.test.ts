import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EventHub } from '../src/event-hub.js';
import { OpenStreams, writeEventStream } from '../src/event-stream.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** A plain Node server whose every request is a visitor stream of `visitorId` on `hub`. */
async function serveStreams(hub: EventHub, streams: OpenStreams, visitorId: string): Promise<string> {
  server = createServer((_request, response) => {
    writeEventStream(response, {
      replay: [{ type: 'message.created', id: '0000000000000001', data: '{"replayed":true}' }],
      subscribe: (listener) => hub.subscribeVisitor(visitorId, listener),
      streams,
    });
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Opens a stream and collects its text; `ended` resolves when the server ended the answer. */
function openStream(url: string) {
  let text = '';
  let response: IncomingMessage | undefined;
  const ended = new Promise<'ended' | 'aborted'>((resolve, reject) => {
    const request = get(url, (incoming) => {
      response = incoming;
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk) => {
        text += chunk;
      });
      incoming.on('end', () => resolve('ended'));
      incoming.on('aborted', () => resolve('aborted'));
    });
    request.on('error', reject);
  });
  return {
    text: () => text,
    ended,
    abort: () => response?.destroy(),
  };
}

describe('the SSE writer', () => {
  it('frees its subscription, heartbeat and registry entry when the client goes away', async () => {
    const hub = new EventHub();
    const streams = new OpenStreams(20);
    const url = await serveStreams(hub, streams, 'v_1');
    const client = openStream(url);
    await expect.poll(() => hub.visitorStreamCount).toBe(1);
    expect(streams.count).toBe(1);
    hub.publishToVisitor('v_1', { type: 'typing', data: '{"typing":true}' });
    await expect.poll(() => client.text()).toContain('event: typing');
    expect(client.text()).toMatch(
      /^: open\n\nid: 0000000000000001\nevent: message.created\ndata: \{"replayed":true\}\n\n/,
    );
    await expect.poll(() => client.text()).toContain(': ping');

    client.abort();
    await expect.poll(() => hub.visitorStreamCount).toBe(0);
    expect(hub.isVisitorOnline('v_1')).toBe(false);
    // Nothing is left to ping or end.
    expect(streams.count).toBe(0);
  });

  it('ends the answer cleanly when the hub closes the stream, and unsubscribes', async () => {
    const hub = new EventHub();
    const url = await serveStreams(hub, new OpenStreams(15_000), 'v_2');
    const client = openStream(url);
    await expect.poll(() => hub.visitorStreamCount).toBe(1);
    hub.closeVisitorStreams('v_2');
    expect(await client.ended).toBe('ended');
    expect(hub.visitorStreamCount).toBe(0);
  });

  it('ends every open stream when the server closes them all', async () => {
    const hub = new EventHub();
    const streams = new OpenStreams(15_000);
    const url = await serveStreams(hub, streams, 'v_3');
    const clients = [openStream(url), openStream(url)];
    await expect.poll(() => hub.visitorStreamCount).toBe(2);
    streams.closeAll();
    expect(await Promise.all(clients.map((client) => client.ended))).toEqual(['ended', 'ended']);
    expect(hub.visitorStreamCount).toBe(0);
    expect(streams.count).toBe(0);
  });
});
