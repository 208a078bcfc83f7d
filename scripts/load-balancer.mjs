// A small load balancer for tests and benchmarks of many sapa-server nodes (issue 14): Node's `http` only, on
// 127.0.0.1. Each new request goes to the next live node, round robin; a node that refuses a connection is
// marked down and the request is tried on the next one (request bodies are read first, so a retry can resend
// them). Event streams pass through unbuffered, and end when their node goes away, so clients reconnect through
// the balancer to a live node. A down node is probed every `probeMs` and used again once it accepts connections.
import { Agent, createServer, request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/** Hop-by-hop headers a proxy must not forward (RFC 9110 §7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'te',
  'trailer',
  'upgrade',
]);

function forwardedHeaders(headers, clientAddress) {
  const result = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name)) result[name] = value;
  }
  const before = headers['x-forwarded-for'];
  result['x-forwarded-for'] = before ? `${before}, ${clientAddress}` : clientAddress;
  return result;
}

function readBody(request) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** Whether a TCP connection to `url`'s host and port opens within a second. */
function accepts(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * Starts the balancer in front of `targets` (base URLs such as `http://127.0.0.1:8787`).
 *
 * @example
 * const balancer = await startLoadBalancer({ targets: [nodeA.url, nodeB.url] });
 * fetch(`${balancer.url}/v1/config?siteKey=demo`); // answered by A, the next request by B
 * balancer.counts(); // { 'http://127.0.0.1:…': 1, … } requests sent to each node
 * await balancer.close();
 */
export async function startLoadBalancer({ targets, probeMs = 250 }) {
  const nodes = targets.map((url) => ({ url: new URL(url), up: true, requests: 0, open: 0 }));
  const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  let next = 0;
  let closed = false;

  /** The live nodes from the next one in turn, then the down ones (one of them may be back already). */
  const candidates = () => {
    const start = next++ % nodes.length;
    const ordered = nodes.map((_, index) => nodes[(start + index) % nodes.length]);
    return [...ordered.filter((node) => node.up), ...ordered.filter((node) => !node.up)];
  };

  const probe = setInterval(async () => {
    for (const node of nodes) {
      if (!node.up && (await accepts(node.url.href))) node.up = true;
    }
  }, probeMs);
  probe.unref();

  const forward = (node, incoming, body, outgoing) =>
    new Promise((resolve) => {
      const upstream = httpRequest(
        {
          agent,
          host: node.url.hostname,
          port: node.url.port,
          method: incoming.method,
          path: incoming.url,
          headers: forwardedHeaders(incoming.headers, incoming.socket.remoteAddress ?? ''),
        },
        (answer) => {
          node.requests++;
          node.open++;
          answer.once('close', () => node.open--);
          const headers = {};
          for (const [name, value] of Object.entries(answer.headers)) {
            if (!HOP_BY_HOP.has(name)) headers[name] = value;
          }
          outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, headers);
          // Event streams: send the headers and every chunk as it comes.
          outgoing.flushHeaders();
          outgoing.socket?.setNoDelay(true);
          answer.on('data', (chunk) => outgoing.write(chunk));
          answer.on('end', () => outgoing.end());
          // The node went away mid-answer (killed): cut the client's connection too, so it reconnects.
          answer.on('error', () => outgoing.destroy());
          answer.on('aborted', () => outgoing.destroy());
          outgoing.on('close', () => answer.destroy());
          resolve('answered');
        },
      );
      upstream.on('error', (error) => {
        if (outgoing.headersSent) {
          outgoing.destroy();
          resolve('answered');
        } else resolve(error);
      });
      upstream.end(body);
    });

  const server = createServer(async (incoming, outgoing) => {
    let body;
    try {
      body = await readBody(incoming);
    } catch {
      outgoing.destroy();
      return;
    }
    let lastError;
    for (const node of candidates()) {
      const result = await forward(node, incoming, body, outgoing);
      if (result === 'answered') return;
      // Nothing reached the node (it refused or reset the connection): try the next one.
      node.up = false;
      lastError = result;
    }
    outgoing.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' });
    outgoing.end(`No node answered: ${lastError?.message ?? 'none configured'}.\n`);
  });
  // Streams stay open as long as their node keeps them.
  server.requestTimeout = 0;
  server.headersTimeout = 10_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    /** Requests each node answered, by its base URL. */
    counts: () => Object.fromEntries(nodes.map((node) => [node.url.origin, node.requests])),
    /** Answers each node is still sending, by its base URL: the long ones are event streams. */
    openAnswers: () => Object.fromEntries(nodes.map((node) => [node.url.origin, node.open])),
    /** Adds a node (scaling out): new requests go to it in turn. */
    add(url) {
      nodes.push({ url: new URL(url), up: true, requests: 0, open: 0 });
    },
    /** Marks a node down at once (as a health check would), instead of waiting for a refused connection. */
    markDown(url) {
      for (const node of nodes) if (node.url.origin === new URL(url).origin) node.up = false;
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      clearInterval(probe);
      agent.destroy();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
