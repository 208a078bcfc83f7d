// Over 300 lines: every option of the server, documented, and its start and close, read together.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { startCluster } from './cluster/start-cluster.js';
import { createApp } from './create-app.js';
import { openDatabase } from './database.js';
import { DEMO_SITE } from './demo-site.js';
import { createSmtpSender, type EmailSender, isEmailAddress } from './email-sender.js';
import { EventHub } from './event-hub.js';
import { OpenStreams } from './event-stream.js';
import { newToken } from './ids.js';
import { formatLogEntry } from './log-entry.js';
import { RateLimiter } from './rate-limiter.js';
import type { NewAgent } from './services/agent-accounts.js';
import type { CareSweepResult } from './services/care-scheduler.js';
import { createServices } from './services/create-services.js';
import type { UploadQuota } from './services/upload-service.js';
import { type ResolvedSite, resolveSite, type SiteConfig } from './site-config.js';
import type { ChatStore } from './store/chat-store.js';
import { PostgresChatStore } from './store/postgres/postgres-chat-store.js';
import { PostgresUploadBytes } from './store/postgres/postgres-upload-bytes.js';
import type { AgentRecord } from './store/records.js';
import { SqliteChatStore } from './store/sqlite/sqlite-chat-store.js';
import { FolderUploadBytes, type UploadBytes } from './upload-bytes.js';

/** Options of {@link startServer}; every one has a default. */
export interface ServerOptions {
  /** Port to listen on; 0 picks a free one. Default 8787. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`. */
  host?: string;
  /** SQLite file; `':memory:'` keeps everything in memory. Default `./.sapa/sapa.db`. */
  dbPath?: string;
  /**
   * A PostgreSQL database (`postgres://user:password@host:5432/sapa`) instead of the SQLite file: any number
   * of servers may share it. Its migrations run at start. Upload bytes are kept in it too.
   */
  databaseUrl?: string;
  /**
   * On PostgreSQL, how often this server renews its presence (its visitors' and agents' streams count for every
   * server while it does); one silent for 3 of these stops counting. Default 5000 ms.
   */
  presenceHeartbeatMs?: number;
  /** Folder for uploads on SQLite. Default beside the database (a temporary folder for `':memory:'`). */
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
  /** Failed agent sign-ins per minute per client address, then 429; false turns it off. Default 10. */
  authFailuresPerMinute?: number | false;
  /**
   * Proxies of your own in front of the server (`true` = 1). Then the client's address (for the limits above)
   * is read from `X-Forwarded-For`; without it, only the socket's address counts. Default 0.
   */
  trustProxy?: boolean | number;
  /** Files and bytes one visitor may upload per window. Default 20 files and 50 MiB per hour. */
  uploadQuota?: UploadQuota;
  /** Socket timeouts: headers (slowloris), a whole request, an idle keep-alive connection. Streams are not cut. */
  timeouts?: { headersMs?: number; requestMs?: number; keepAliveMs?: number };
  /** Open connections at most (streams included); more are closed at once. Default 10000. */
  maxConnections?: number;
  /** How often expired sessions and unattached uploads are swept. Default hourly. */
  maintenanceIntervalMs?: number;
  /** The server's clock in milliseconds since the epoch, as `now` (either may be given; `now` wins). */
  clock?: () => number;
  /** No logging. */
  quiet?: boolean;
  /** Where log entries go, one string each (control characters escaped). Default `console.error`. */
  logger?: (entry: string) => void;
  /** Repository root that `/widget/`, `/console/`, `/storybook/` and `/examples/` are served from. */
  staticRoot?: string;
  /** Absolute base of attachment URLs. Default the server's own `url`. */
  publicUrl?: string;
  /**
   * The server's clock, read by business hours, sessions, campaign rules, the care scheduler, upload times,
   * quotas and sweeps. Tests pin it and move it instead of waiting. Default the system clock.
   */
  now?: () => Date;
  /**
   * Mail server for emailing agents' replies to visitors who are away: `smtp://user:pass@host:587` or
   * `smtps://…:465`. Default `SAPA_SMTP_URL`; without one nothing is emailed (`availability.emailReplies` off).
   */
  smtpUrl?: string;
  /** Address the emails come from (the site's name is shown). Default `SAPA_MAIL_FROM`, else from the SMTP URL. */
  mailFrom?: string;
  /** Sends the emails instead of `smtpUrl` (another transport). */
  emailSender?: EmailSender;
}

/** A listening server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:54321`: the widget's `apiUrl`; the protocol is under `${url}/v1`. */
  url: string;
  /** The operator token of the agent API and console (a bootstrap and admin token). */
  agentToken: string;
  /** Named agents with tokens of their own (`sapa-server agents` does the same on a database file). */
  agents: {
    /** Adds an agent; the token is returned once and stored only as a hash. */
    add(name: string): Promise<NewAgent>;
    list(): Promise<AgentRecord[]>;
    /** Revokes an agent's token; false when there is no such agent. */
    remove(name: string): Promise<boolean>;
  };
  /** Open SSE connections now, and which store the server runs on. */
  stats(): { visitorStreams: number; agentStreams: number; store: StoreKind };
  /** Where the data is, for the start-up line: the SQLite file, or the PostgreSQL host and database (no password). */
  storeName: string;
  /**
   * Runs the care scheduler's sweep now (delayed rules, feedback requests, emailed replies) and reports what it
   * did; it also runs at start and every 30 s. For tests that move the clock.
   */
  runCareSweep(): Promise<CareSweepResult>;
  /** Ends every stream, stops listening and closes the database. */
  close(): Promise<void>;
}

/** Which store a server runs on. */
export type StoreKind = 'sqlite' | 'postgres';

/** The store of a server: SQLite on a file (uploads in a folder), or PostgreSQL (uploads in the database). */
async function openStore(
  options: ServerOptions,
  now: () => Date,
): Promise<{ store: ChatStore; kind: StoreKind; name: string; uploadBytes: UploadBytes; cleanup(): void }> {
  if (options.databaseUrl) {
    const store = await PostgresChatStore.open(options.databaseUrl, { now });
    const url = new URL(options.databaseUrl);
    return {
      store,
      kind: 'postgres',
      name: `PostgreSQL ${url.host}${url.pathname}`,
      uploadBytes: new PostgresUploadBytes(store.connection.direct),
      cleanup: () => {},
    };
  }
  const dbPath = options.dbPath ?? join('.sapa', 'sapa.db');
  const temporaryDir =
    dbPath === ':memory:' && !options.dataDir ? mkdtempSync(join(tmpdir(), 'sapa-')) : undefined;
  const dataDir = options.dataDir ?? temporaryDir ?? dirname(dbPath);
  return {
    store: new SqliteChatStore(openDatabase(dbPath), now),
    kind: 'sqlite',
    name: `SQLite ${dbPath}`,
    uploadBytes: new FolderUploadBytes(join(dataDir, 'uploads')),
    cleanup: () => {
      if (temporaryDir) rmSync(temporaryDir, { recursive: true, force: true });
    },
  };
}

/** The sender address when none is given: the SMTP user when it is an address, else no-reply at the mail host. */
function fromAddressOf(smtpUrl: string | undefined): string {
  if (!smtpUrl) return 'no-reply@localhost';
  try {
    const url = new URL(smtpUrl);
    const user = decodeURIComponent(url.username);
    return isEmailAddress(user) ? user : `no-reply@${url.hostname || 'localhost'}`;
  } catch {
    return 'no-reply@localhost';
  }
}

/** Repository root, found from this file (src/ or dist/ of packages/server). */
function defaultStaticRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
}

/**
 * Starts the reference backend: the Sapa Chat Protocol under `/v1`, the agent API under `/agent/v1`,
 * the console, the built widget and the examples, on Node and SQLite (or PostgreSQL: `databaseUrl`).
 *
 * @example
 * const server = await startServer({ port: 0, dbPath: ':memory:', quiet: true });
 * const client = createClient({ apiUrl: server.url, siteKey: 'demo' });
 * // …
 * await server.close();
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const sites = new Map<string, ResolvedSite>();
  (options.sites ?? [DEMO_SITE]).forEach((site, index) => {
    const resolved = resolveSite(site, index);
    sites.set(resolved.siteKey, resolved);
  });
  // An empty SAPA_AGENT_TOKEN counts as unset: a blank token would be no protection at all.
  const agentToken = options.agentToken || process.env.SAPA_AGENT_TOKEN || newToken();
  const write = options.logger ?? ((entry: string) => console.error(entry));
  const log = (message: string, error?: unknown) => {
    if (!options.quiet) write(formatLogEntry(message, error));
  };

  // One clock for the whole server, given as a Date (`now`) or in milliseconds (`clock`).
  const clock = options.clock;
  const now = options.now ?? (clock ? () => new Date(clock()) : () => new Date());
  const { store, kind, name: storeName, uploadBytes, cleanup } = await openStore(options, now);
  const hub = new EventHub();
  // Many nodes may share a PostgreSQL database: events, presence and sweeps go through it (issue 14).
  const cluster = await startCluster({
    store,
    hub,
    log,
    ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}),
    ...(options.presenceHeartbeatMs ? { presenceHeartbeatMs: options.presenceHeartbeatMs } : {}),
  }).catch(async (error: unknown) => {
    await store.close().catch(() => undefined);
    cleanup();
    throw error;
  });
  const smtpUrl = options.smtpUrl ?? process.env.SAPA_SMTP_URL;
  const sender = options.emailSender ?? (smtpUrl ? createSmtpSender(smtpUrl) : undefined);
  const services = createServices({
    store,
    hub,
    bus: cluster.bus,
    presence: cluster.presence,
    claims: cluster.claims,
    sites,
    streamRetention: options.streamRetention ?? 1000,
    uploadBytes,
    operatorToken: agentToken,
    ...(options.uploadQuota ? { uploadQuota: options.uploadQuota } : {}),
    log,
    now,
    ...(sender
      ? {
          email: {
            sender,
            fromAddress: options.mailFrom ?? process.env.SAPA_MAIL_FROM ?? fromAddressOf(smtpUrl),
          },
        }
      : {}),
  });
  // Expired tokens already fail; deleting them keeps the table the size of the live sessions. Uploads that no
  // message used within a day are deleted, files and rows (issue 13).
  const maintain = () =>
    cluster.claims.run(
      'maintenance',
      async () => {
        await services.sessions.sweepExpired();
        await services.uploads.sweepUnattached();
        await cluster.sweep();
      },
      undefined,
    );
  await maintain();
  const maintenance = setInterval(
    () => {
      maintain().catch((error: unknown) =>
        log('Sweeping expired sessions and unused uploads failed.', error),
      );
    },
    options.maintenanceIntervalMs ?? 60 * 60 * 1000,
  );
  maintenance.unref();
  services.scheduler.start();
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const streams = new OpenStreams(heartbeatMs);
  const rateLimit = options.rateLimit === undefined ? { perMinute: 600 } : options.rateLimit;
  const authFailures = options.authFailuresPerMinute ?? 10;
  const app = createApp({
    services,
    heartbeatMs,
    ...(rateLimit ? { rateLimiter: new RateLimiter(rateLimit.perMinute) } : {}),
    ...(authFailures
      ? {
          authFailureLimiter: new RateLimiter(
            authFailures,
            Date.now,
            'failed agent sign-ins from this address',
          ),
        }
      : {}),
    trustProxyHops: options.trustProxy === true ? 1 : Number(options.trustProxy || 0),
    staticRoot: options.staticRoot ?? defaultStaticRoot(),
    streams,
    log,
  });

  const host = options.host ?? '127.0.0.1';
  const headersTimeout = options.timeouts?.headersMs ?? 10_000;
  const server = await new Promise<Server>((resolveListening, reject) => {
    // @hono/node-server's own Request and Response (its default): a JSON answer is then written to the socket
    // as it is, instead of through a web ReadableStream the adapter reads back, ~40 µs less per request on a
    // 2-core machine (issue 14). They replace this process's global Request and Response with compatible
    // subclasses.
    const started = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 8787,
        hostname: host,
        overrideGlobalObjects: true,
        // Slowloris and idle sockets (issue 13). requestTimeout bounds receiving a request (headers and body),
        // not the answer, so event streams stay open; Node checks these timeouts every
        // connectionsCheckingInterval, hence a short one.
        serverOptions: {
          headersTimeout,
          requestTimeout: options.timeouts?.requestMs ?? 60_000,
          connectionsCheckingInterval: Math.min(1_000, headersTimeout),
        },
      },
      () => resolveListening(started as Server),
    ) as Server;
    started.once('error', reject);
  });
  server.keepAliveTimeout = options.timeouts?.keepAliveMs ?? 5_000;
  server.maxConnections = options.maxConnections ?? 10_000;
  server.on('clientError', (_error, socket) => socket.destroy());
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  store.publicUrl = options.publicUrl ?? url;

  let closing: Promise<void> | undefined;
  return {
    url,
    agentToken,
    agents: {
      add: (name) => services.agentAccounts.add(name),
      list: () => services.agentAccounts.list(),
      remove: (name) => services.agentAccounts.remove(name),
    },
    stats: () => ({
      visitorStreams: hub.visitorStreamCount,
      agentStreams: hub.agentStreamCount,
      store: kind,
    }),
    storeName,
    runCareSweep: () => services.scheduler.sweep(),
    close() {
      closing ??= new Promise<void>((resolveClosed) => {
        streams.closeAll();
        // Streams just ended; their connections turn idle as the last bytes go out. Idle ones are closed as
        // they appear, and whatever is still busy after 250 ms is cut, so close() always finishes.
        const idleSweep = setInterval(() => server.closeIdleConnections(), 10);
        const deadline = setTimeout(() => server.closeAllConnections(), 250);
        clearInterval(maintenance);
        server.close(() => {
          clearInterval(idleSweep);
          clearTimeout(deadline);
          services.scheduler
            .stop()
            .then(() => services.close())
            .then(() => cluster.close())
            .then(() => store.close())
            .catch((error: unknown) => log('Closing the database failed.', error))
            .finally(() => {
              cleanup();
              resolveClosed();
            });
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
