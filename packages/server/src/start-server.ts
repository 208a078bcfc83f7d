import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { createApp } from './create-app.js';
import { openDatabase } from './database.js';
import { DEMO_SITE } from './demo-site.js';
import { EventHub } from './event-hub.js';
import { OpenStreams } from './event-stream.js';
import { newToken } from './ids.js';
import { RateLimiter } from './rate-limiter.js';
import { createServices } from './services/create-services.js';
import { type ResolvedSite, resolveSite, type SiteConfig } from './site-config.js';
import { SqliteChatStore } from './store/sqlite/sqlite-chat-store.js';

/** Options of {@link startServer}; every one has a default. */
export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  host?: string;
  /** SQLite file; `':memory:'` keeps everything in memory. Default `./.sapa/sapa.db`. */
  dbPath?: string;
  /** Folder for uploads. Default beside the database (a temporary folder for `':memory:'`). */
  dataDir?: string;
  /** Sites served. Default: the demo site (siteKey `demo`). */
  sites?: SiteConfig[];
  /** Bearer token of the agent API. Default `SAPA_AGENT_TOKEN`, or a random one. */
  agentToken?: string;
  /** Interval of `: ping` comments on streams. Default 15000 ms. */
  heartbeatMs?: number;
  /** Durable stream events kept per visitor; older cursors get 410. Default 1000. */
  streamRetention?: number;
  /** Requests per minute per visitor (per address for new sessions); false turns it off. Default 600. */
  rateLimit?: { perMinute: number } | false;
  /** No logging. */
  quiet?: boolean;
  /** Repository root that `/widget/`, `/console/`, `/storybook/` and `/examples/` are served from. */
  staticRoot?: string;
  /** Absolute base of attachment URLs. Default the server's own `url`. */
  publicUrl?: string;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:54321`: the widget's `apiUrl`; the protocol is under `${url}/v1`. */
  url: string;
  /** Bearer token of the agent API and console. */
  agentToken: string;
  /** Open SSE connections now. */
  stats(): { visitorStreams: number; agentStreams: number };
  /** Ends every stream, stops listening and closes the database. */
  close(): Promise<void>;
}

/** Repository root, found from this file (src/ or dist/ of packages/server). */
function defaultStaticRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

/**
 * Starts the reference backend: the Sapa Chat Protocol under `/v1`, the agent API under `/agent/v1`,
 * the console, the built widget and the examples, on Node and SQLite.
 *
 * @example
 * const server = await startServer({ port: 0, dbPath: ':memory:', quiet: true });
 * const client = createClient({ apiUrl: server.url, siteKey: 'demo' });
 * // …
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const dbPath = options.dbPath ?? join('.sapa', 'sapa.db');
  const temporaryDir =
    dbPath === ':memory:' && !options.dataDir ? mkdtempSync(join(tmpdir(), 'sapa-')) : undefined;
  const dataDir = options.dataDir ?? temporaryDir ?? dirname(dbPath);
  const sites = new Map<string, ResolvedSite>();
  (options.sites ?? [DEMO_SITE]).forEach((site, index) => {
    const resolved = resolveSite(site, index);
    sites.set(resolved.siteKey, resolved);
  });
  // An empty SAPA_AGENT_TOKEN counts as unset: a blank token would be no protection at all.
  const agentToken = options.agentToken || process.env.SAPA_AGENT_TOKEN || newToken();
  const log = (message: string, error?: unknown) => {
    if (!options.quiet) console.error(message, error ?? '');
  };

  const store = new SqliteChatStore(openDatabase(dbPath));
  const hub = new EventHub();
  const services = createServices({
    store,
    hub,
    sites,
    streamRetention: options.streamRetention ?? 1000,
    uploadDir: join(dataDir, 'uploads'),
    log,
  });
  // Expired tokens already fail; deleting them keeps the table the size of the live sessions.
  await services.sessions.sweepExpired();
  const sessionSweep = setInterval(
    () => {
      services.sessions
        .sweepExpired()
        .catch((error: unknown) => log('Forgetting expired sessions failed.', error));
    },
    60 * 60 * 1000,
  );
  sessionSweep.unref();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const streams = new OpenStreams(heartbeatMs);
  const rateLimit = options.rateLimit === undefined ? { perMinute: 600 } : options.rateLimit;
  const app = createApp({
    services,
    agentToken,
    heartbeatMs,
    ...(rateLimit ? { rateLimiter: new RateLimiter(rateLimit.perMinute) } : {}),
    staticRoot: options.staticRoot ?? defaultStaticRoot(),
    streams,
    log,
  });

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<Server>((resolveListening, reject) => {
    // @hono/node-server's own Request and Response (its default): a JSON answer is then written to the socket
    // as it is, instead of through a web ReadableStream the adapter reads back, ~40 µs less per request on a
    // 2-core machine (issue 14). They replace this process's global Request and Response with compatible
    // subclasses.
    const started = serve(
      { fetch: app.fetch, port: options.port ?? 8787, hostname: host, overrideGlobalObjects: true },
      () => resolveListening(started as Server),
    ) as Server;
    started.once('error', reject);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  store.publicUrl = options.publicUrl ?? url;

  let closing: Promise<void> | undefined;
  return {
    url,
    agentToken,
    stats: () => ({ visitorStreams: hub.visitorStreamCount, agentStreams: hub.agentStreamCount }),
    close() {
      closing ??= new Promise<void>((resolveClosed) => {
        streams.closeAll();
        // Streams just ended; their connections turn idle as the last bytes go out. Idle ones are closed as
        // they appear, and whatever is still busy after 250 ms is cut, so close() always finishes.
        const idleSweep = setInterval(() => server.closeIdleConnections(), 10);
        const deadline = setTimeout(() => server.closeAllConnections(), 250);
        clearInterval(sessionSweep);
        server.close(() => {
          clearInterval(idleSweep);
          clearTimeout(deadline);
          store
            .close()
            .catch((error: unknown) => log('Closing the database failed.', error))
            .finally(() => {
              if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
              resolveClosed();
            });
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
