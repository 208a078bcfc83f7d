/**
 * Issue 13, item 9: slowloris and idle sockets are cut (header, request and keep-alive timeouts, a connection
 * cap), while event streams, which answer for as long as they like, are never cut by the request timeout.
 */
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { newSession, startTestServer, visitorStream } from './helpers.js';

/** A raw socket to the server, and when it closed (ms after opening), if it did. */
function openSocket(url: string): { socket: Socket; closed: Promise<number> } {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  const socket = connect(Number(port), hostname);
  socket.on('error', () => {});
  // Read (and drop) what the server sends, so its closing is seen.
  socket.resume();
  const closed = new Promise<number>((resolve) =>
    socket.once('close', () => resolve(performance.now() - started)),
  );
  return { socket, closed };
}

/** Resolves with what happened first: the socket closed (its time), or `open` after `ms`. */
function closedWithin(closed: Promise<number>, ms: number): Promise<number | 'open'> {
  return Promise.race([closed, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), ms))]);
}

describe('socket limits', () => {
  it('closes a slowloris socket (a header line every 200 ms) and a silent one once the header timeout passes', async () => {
    const server = await startTestServer({ timeouts: { headersMs: 500 } });
    const slow = openSocket(server.url);
    slow.socket.write('GET /v1/config HTTP/1.1\r\nHost: x\r\n');
    const drip = setInterval(() => slow.socket.writable && slow.socket.write('X-Slow: 1\r\n'), 200);
    const silent = openSocket(server.url);
    try {
      expect(await closedWithin(slow.closed, 5_000)).toBeLessThan(2_000);
      expect(await closedWithin(silent.closed, 5_000)).toBeLessThan(2_000);
    } finally {
      clearInterval(drip);
      slow.socket.destroy();
      silent.socket.destroy();
    }
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const server = await startTestServer({ timeouts: { keepAliveMs: 200 } });
    const idle = openSocket(server.url);
    idle.socket.write('GET /v1/nothing HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(await closedWithin(idle.closed, 5_000)).toBeLessThan(2_000);
  });

  it('accepts at most maxConnections sockets; one more is closed at once', async () => {
    const server = await startTestServer({ maxConnections: 5, timeouts: { headersMs: 60_000 } });
    const sockets = Array.from({ length: 5 }, () => openSocket(server.url));
    try {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const extra = openSocket(server.url);
      expect(await closedWithin(extra.closed, 2_000)).not.toBe('open');
      for (const { closed } of sockets) expect(await closedWithin(closed, 100)).toBe('open');
    } finally {
      for (const { socket } of sockets) socket.destroy();
    }
  });

  it('never cuts an event stream with the request timeout: it keeps delivering pings long after it', async () => {
    const server = await startTestServer({ heartbeatMs: 100, timeouts: { requestMs: 300, headersMs: 300 } });
    const session = await newSession(server);
    const stream = await visitorStream(server, session.token, session.cursor);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(stream.ended).toBe(false);
    const pings = stream.frames.filter((frame) => frame.comment === 'ping').length;
    expect(pings).toBeGreaterThanOrEqual(8);
    expect(server.stats().visitorStreams).toBe(1);
  });
});
