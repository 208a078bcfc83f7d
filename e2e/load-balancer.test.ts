import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type LoadBalancer, startLoadBalancer } from '../scripts/load-balancer.mjs';

// The test load balancer the two-node tests and the benchmark put in front of sapa-server nodes.
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A node that answers its name, echoes a body, and holds an event stream that writes one event per `tick`. */
async function startNode(name: string): Promise<{ url: string; server: Server; tick: () => void }> {
  const streams = new Set<import('node:http').ServerResponse>();
  const server = createServer((request, response) => {
    if (request.url === '/stream') {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write(': open\n\n');
      streams.add(response);
      response.on('close', () => streams.delete(response));
      return;
    }
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => response.end(`${name} ${request.method} ${Buffer.concat(chunks).toString()}`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  let count = 0;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    tick: () => {
      count++;
      for (const stream of streams) stream.write(`data: ${name} ${count}\n\n`);
    },
  };
}

async function balance(targets: string[]): Promise<LoadBalancer> {
  const balancer = await startLoadBalancer({ targets, probeMs: 50 });
  cleanups.push(() => balancer.close());
  return balancer;
}

describe('test load balancer', () => {
  it('sends each new request to the next node, round robin, with its body', async () => {
    const a = await startNode('a');
    const b = await startNode('b');
    const balancer = await balance([a.url, b.url]);
    const answers: string[] = [];
    for (let index = 0; index < 4; index++) {
      const response = await fetch(`${balancer.url}/echo`, { method: 'PUT', body: `#${index}` });
      answers.push(await response.text());
    }
    expect(answers).toEqual(['a PUT #0', 'b PUT #1', 'a PUT #2', 'b PUT #3']);
  });

  it('passes an event stream through as each event is written, and ends it when its node dies', async () => {
    const a = await startNode('a');
    const balancer = await balance([a.url]);
    const response = await fetch(`${balancer.url}/stream`);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toBe(': open\n\n');
    a.tick();
    expect(decoder.decode((await reader.read()).value)).toBe('data: a 1\n\n');
    a.server.closeAllConnections();
    // The client sees its stream end (an error or the end), so it reconnects.
    const end = await reader.read().then(
      (result) => (result.done ? 'ended' : 'more data'),
      () => 'ended',
    );
    expect(end).toBe('ended');
  });

  it('skips a node that refuses connections and uses it again once it is back', async () => {
    const a = await startNode('a');
    const b = await startNode('b');
    const balancer = await balance([a.url, b.url]);
    const port = new URL(a.url).port;
    await new Promise<void>((resolve) => a.server.close(() => resolve()));
    const answers: string[] = [];
    for (let index = 0; index < 3; index++) answers.push(await (await fetch(`${balancer.url}/x`)).text());
    expect(answers).toEqual(['b GET ', 'b GET ', 'b GET ']);
    a.server.listen(Number(port), '127.0.0.1');
    await expect
      .poll(async () => (await (await fetch(`${balancer.url}/x`)).text()).startsWith('a'), { timeout: 5_000 })
      .toBe(true);
  });
});
