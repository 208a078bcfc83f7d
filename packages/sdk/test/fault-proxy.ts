import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request; `undefined` passes it through. */
export type Fault =
  | { kind: 'respond'; status: number; headers?: Record<string, string>; body?: string }
  /** Forwards the request, lets the backend commit, then drops the connection without answering. */
  | { kind: 'drop-after-commit' }
  /** Refuses the request as a dead network would. */
  | { kind: 'refuse' }
  /** Forwards the request, lets the backend answer, and passes the answer on only after `ms`. */
  | { kind: 'delay-answer'; ms: number };

export interface StreamFaults {
  /** Each complete event is written twice with this probability. */
  duplicate?: number;
  /** Each pair of consecutive events is swapped with this probability. */
  reorder?: number;
  /** Each event is cut in the middle, and the connection with it, with this probability. */
  cut?: number;
  random?: () => number;
}

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of the real server: it answers with chosen statuses, drops
 * answers after the backend committed, refuses connections, and duplicates, reorders or cuts stream events.
 */
export class FaultProxy {
  url = '';
  /** Chooses a fault per request. */
  fault: (request: IncomingMessage) => Fault | undefined = () => undefined;
  stream: StreamFaults = {};
  /** Requests seen, as "METHOD /path" without the query. */
  readonly requests: string[] = [];
  /** Full request URLs (path and query) in arrival order. */
  readonly urls: string[] = [];
  private readonly server = createServer((request, response) => this.handle(request, response));
  private readonly upstream: URL;
  private readonly openStreams = new Set<ServerResponse>();

  constructor(upstreamUrl: string) {
    this.upstream = new URL(upstreamUrl);
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  count(prefix: string): number {
    return this.requests.filter((entry) => entry.startsWith(prefix)).length;
  }

  /** Cuts every open stream now. */
  cutStreams(): void {
    for (const response of this.openStreams) response.destroy();
    this.openStreams.clear();
  }

  async close(): Promise<void> {
    this.cutStreams();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? '/').split('?')[0];
    this.requests.push(`${request.method} ${path}`);
    this.urls.push(request.url ?? '/');
    const fault = this.fault(request);
    if (fault?.kind === 'refuse') {
      request.socket.destroy();
      return;
    }
    if (fault?.kind === 'respond') {
      response.writeHead(fault.status, { 'Content-Type': 'application/problem+json', ...fault.headers });
      response.end(
        fault.body ?? JSON.stringify({ type: 'x', title: 'fault', status: fault.status, code: 'x' }),
      );
      return;
    }
    const upstream = httpRequest(
      {
        hostname: this.upstream.hostname,
        port: this.upstream.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (upstreamResponse) => {
        if (fault?.kind === 'drop-after-commit') {
          upstreamResponse.resume();
          upstreamResponse.on('end', () => request.socket.destroy());
          return;
        }
        if (fault?.kind === 'delay-answer') {
          const chunks: Buffer[] = [];
          upstreamResponse.on('data', (chunk: Buffer) => chunks.push(chunk));
          upstreamResponse.on('end', () =>
            setTimeout(() => {
              response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
              response.end(Buffer.concat(chunks));
            }, fault.ms),
          );
          return;
        }
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        const isStream = (upstreamResponse.headers['content-type'] ?? '').startsWith('text/event-stream');
        if (!isStream) {
          upstreamResponse.pipe(response);
          return;
        }
        this.openStreams.add(response);
        response.on('close', () => {
          this.openStreams.delete(response);
          upstreamResponse.destroy();
        });
        this.relayStream(upstreamResponse, response);
      },
    );
    upstream.on('error', () => response.destroy());
    request.pipe(upstream);
  }

  private relayStream(source: IncomingMessage, target: ServerResponse): void {
    const random = this.stream.random ?? Math.random;
    let buffer = '';
    let held: string | undefined;
    source.setEncoding('utf8');
    let cutting = false;
    source.on('data', (text: string) => {
      if (cutting) return;
      buffer += text;
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const frame = buffer.slice(0, end + 2);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\n\n');
        if (frame.startsWith(':')) {
          target.write(frame);
          continue;
        }
        if ((this.stream.cut ?? 0) > random()) {
          // Cut after the half event reached the socket, as a dropped connection does mid-event.
          cutting = true;
          target.write(frame.slice(0, Math.floor(frame.length / 2)), () => target.destroy());
          return;
        }
        const copies = (this.stream.duplicate ?? 0) > random() ? frame + frame : frame;
        if (held !== undefined) {
          target.write(copies + held);
          held = undefined;
        } else if ((this.stream.reorder ?? 0) > random()) {
          held = copies;
          // Never hold an event for long: a quiet stream flushes it.
          setTimeout(() => {
            if (held !== undefined && !target.destroyed) target.write(held);
            held = undefined;
          }, 50);
        } else target.write(copies);
      }
    });
    source.on('end', () => target.end());
  }
}
