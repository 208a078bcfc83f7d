import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a proxied request looked like, for rewrites that depend on it. */
export interface ProxiedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/** A buffered answer that a rewrite may change in place. */
export interface ProxiedAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** One way of breaking the protocol on purpose. */
export interface Breakage {
  /** Changes the request before it goes to the real backend. */
  request?(request: ProxiedRequest): void;
  /** Changes a whole (non-stream) answer before it goes back. */
  answer?(request: ProxiedRequest, answer: ProxiedAnswer): void;
  /** Changes the headers of an event stream answer. */
  streamHeaders?(headers: Record<string, string>): void;
  /** Changes one line of an event stream; null drops it. */
  streamLine?(line: string): string | null;
}

/** A proxy on 127.0.0.1 in front of a real backend that breaks one thing, and how to stop it. */
export interface BreakingProxy {
  url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set([
  'host',
  'connection',
  'content-length',
  'transfer-encoding',
  'keep-alive',
  'content-encoding',
]);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function plainHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of headers)
    if (!HOP_BY_HOP.has(name.toLowerCase())) result[name.toLowerCase()] = value;
  return result;
}

/** Starts a proxy to `target` (an origin such as `http://127.0.0.1:1234`) that applies `breakage`. */
export async function startBreakingProxy(target: string, breakage: Breakage = {}): Promise<BreakingProxy> {
  let proxyUrl = '';
  const server: Server = createServer(async (incoming, outgoing) => {
    try {
      const request: ProxiedRequest = {
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: plainHeaders(Object.entries(incoming.headers).map(([name, value]) => [name, String(value)])),
        body: await readBody(incoming),
      };
      breakage.request?.(request);
      const controller = new AbortController();
      outgoing.on('close', () => controller.abort());
      const upstream = await fetch(`${target}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body.length > 0 ? { body: new Uint8Array(request.body) } : {}),
        redirect: 'manual',
        signal: controller.signal,
      });
      const headers = plainHeaders(upstream.headers.entries());
      if ((headers['content-type'] ?? '').startsWith('text/event-stream') && upstream.body) {
        breakage.streamHeaders?.(headers);
        outgoing.writeHead(upstream.status, headers);
        outgoing.flushHeaders();
        const decoder = new TextDecoder();
        let pending = '';
        const reader = upstream.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          pending += decoder.decode(value, { stream: true }).replaceAll(target, proxyUrl);
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          const kept = lines.map((line) => (breakage.streamLine ? breakage.streamLine(line) : line));
          const text = kept
            .filter((line) => line !== null)
            .map((line) => `${line}\n`)
            .join('');
          if (text) outgoing.write(text);
        }
        outgoing.end();
        return;
      }
      const bytes = Buffer.from(await upstream.arrayBuffer());
      // Like a reverse proxy with its public URL set: links the backend makes point at the proxy.
      const body = (headers['content-type'] ?? '').includes('json')
        ? Buffer.from(bytes.toString('utf8').replaceAll(target, proxyUrl))
        : bytes;
      const answer: ProxiedAnswer = { status: upstream.status, headers, body };
      breakage.answer?.(request, answer);
      outgoing.writeHead(answer.status, { ...answer.headers, 'content-length': String(answer.body.length) });
      outgoing.end(answer.body);
    } catch {
      // The client went away (a closed stream) or the backend did: nothing left to answer.
      outgoing.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  proxyUrl = `http://127.0.0.1:${port}`;
  return {
    url: proxyUrl,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Rewrites a JSON answer body. */
export function rewriteJson(answer: ProxiedAnswer, change: (json: Record<string, unknown>) => void): void {
  const json = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>;
  change(json);
  answer.body = Buffer.from(JSON.stringify(json));
}
