import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Session } from '@sapa/protocol';
import { afterEach } from 'vitest';
import { type RunningServer, type ServerOptions, startServer } from '../src/index.js';
import { createTestDatabase, onPostgres } from './postgres-test-database.js';
import { readRows, type StoredData } from './stored-rows.js';

/**
 * A server on 127.0.0.1, port 0, with its SQLite file in a fresh temp folder; closed after each test. In the
 * `server-postgres` project, on a fresh PostgreSQL database instead: one per `dbPath` a test gives (a server
 * started again on the same path finds the same database), a new one otherwise.
 */
export async function startTestServer(options: ServerOptions = {}): Promise<RunningServer> {
  const folder = mkdtempSync(join(tmpdir(), 'sapa-server-test-'));
  cleanups.push(async () => rmSync(folder, { recursive: true, force: true }));
  const server = await startServer({
    port: 0,
    dbPath: join(folder, 'sapa.db'),
    quiet: true,
    agentToken: 'agent-secret',
    ...options,
    ...(onPostgres() && !options.databaseUrl
      ? { databaseUrl: await postgresDatabaseFor(options.dbPath) }
      : {}),
  });
  cleanups.push(() => server.close());
  return server;
}

/** The PostgreSQL database standing in for each SQLite file of the running test. */
const postgresDatabases = new Map<string, string>();

/** Where the data of a test server started on `dbPath` is: that file, or the database standing in for it. */
export async function storedData(dbPath: string): Promise<StoredData> {
  return onPostgres() ? { postgresUrl: await postgresDatabaseFor(dbPath) } : { sqlitePath: dbPath };
}

/** Rows read straight from the database of a test server started on `dbPath` (see {@link readRows}). */
export async function readDatabase(dbPath: string, sql: string): Promise<Record<string, unknown>[]> {
  return readRows(await storedData(dbPath), sql);
}

/** The command-line flag naming the database of `dbPath`: `--db` on SQLite, `--database-url` on PostgreSQL. */
export async function databaseFlag(dbPath: string): Promise<string[]> {
  const data = await storedData(dbPath);
  return 'sqlitePath' in data ? ['--db', data.sqlitePath] : ['--database-url', data.postgresUrl];
}

/**
 * The ids of the upload bytes a server keeps: files in `dataDir/uploads` on SQLite, rows of `upload_bytes`
 * in the server's database on PostgreSQL (started on `dbPath`).
 */
export async function storedUploads(options: { dataDir: string; dbPath: string }): Promise<string[]> {
  if (onPostgres()) {
    const rows = await readDatabase(options.dbPath, 'SELECT id FROM upload_bytes ORDER BY id');
    return rows.map((row) => row.id as string);
  }
  try {
    return readdirSync(join(options.dataDir, 'uploads'));
  } catch {
    return [];
  }
}

async function postgresDatabaseFor(dbPath: string | undefined): Promise<string> {
  const known = dbPath === undefined || dbPath === ':memory:' ? undefined : postgresDatabases.get(dbPath);
  if (known) return known;
  const database = await createTestDatabase();
  // Pushed before the server's close, so it runs after it (cleanups run last first).
  cleanups.push(() => database.drop());
  if (dbPath !== undefined && dbPath !== ':memory:') {
    postgresDatabases.set(dbPath, database.url);
    cleanups.push(async () => void postgresDatabases.delete(dbPath));
  }
  return database.url;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** JSON request helper: `call(server, 'POST', '/v1/sessions', body, token)`. */
export async function call(
  server: RunningServer,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  headers: Record<string, string> = {},
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the server answered and assert on it.
): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** A new demo visitor session. */
export async function newSession(
  server: RunningServer,
  extra: Record<string, unknown> = {},
): Promise<Session> {
  const { status, body } = await call(server, 'POST', '/v1/sessions', { siteKey: 'demo', ...extra });
  if (status !== 201) throw new Error(`Session failed with ${status}: ${JSON.stringify(body)}`);
  return body as Session;
}

/** A visitor with one conversation. */
export async function visitorWithConversation(
  server: RunningServer,
  extra: Record<string, unknown> = {},
): Promise<{ session: Session; conversationId: string }> {
  const session = await newSession(server, extra);
  const { body } = await call(
    server,
    'POST',
    '/v1/conversations',
    { clientConversationId: 'first' },
    session.token,
  );
  return { session, conversationId: body.id };
}

/** One parsed SSE frame: an event, or a comment. */
export interface Frame {
  event?: string;
  id?: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on whatever JSON an event carried.
  data?: any;
  comment?: string;
}

/**
 * An open SSE connection read frame by frame. `next(predicate)` waits for the first matching frame
 * (bounded by a timeout so a missing event fails the test instead of hanging it).
 */
export class StreamReader {
  readonly frames: Frame[] = [];
  private buffer = '';
  private waiters: Array<() => void> = [];
  private readonly controller = new AbortController();
  response!: Response;

  static async open(url: string, headers: Record<string, string>): Promise<StreamReader> {
    const reader = new StreamReader();
    reader.response = await fetch(url, { headers, signal: reader.controller.signal });
    if (reader.response.ok && reader.response.body) void reader.pump(reader.response.body);
    cleanups.push(async () => reader.close());
    return reader;
  }

  private async pump(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
        this.buffer += decoder.decode(chunk, { stream: true });
        let end = this.buffer.indexOf('\n\n');
        while (end !== -1) {
          this.frames.push(parseFrame(this.buffer.slice(0, end)));
          this.buffer = this.buffer.slice(end + 2);
          end = this.buffer.indexOf('\n\n');
        }
        for (const wake of this.waiters.splice(0)) wake();
      }
    } catch {
      // Aborted by close().
    }
    this.ended = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  ended = false;

  async next(predicate: (frame: Frame) => boolean, timeoutMs = 10_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.find(predicate);
      if (found) return found;
      if (this.ended)
        throw new Error(`Stream ended without the expected frame; got ${JSON.stringify(this.frames)}`);
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`No matching frame in time; got ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  events(type?: string): Frame[] {
    return this.frames.filter(
      (frame) => frame.event !== undefined && (type === undefined || frame.event === type),
    );
  }

  close(): void {
    this.controller.abort();
  }
}

function parseFrame(text: string): Frame {
  const frame: Frame = {};
  for (const line of text.split('\n')) {
    if (line.startsWith(':')) frame.comment = line.slice(1).trim();
    else if (line.startsWith('event: ')) frame.event = line.slice(7);
    else if (line.startsWith('id: ')) frame.id = line.slice(4);
    else if (line.startsWith('data: ')) frame.data = JSON.parse(line.slice(6));
  }
  return frame;
}

/** Opens the visitor stream. */
export function visitorStream(
  server: RunningServer,
  token: string,
  after?: string,
  headers: Record<string, string> = {},
) {
  const query = after === undefined ? '' : `?after=${encodeURIComponent(after)}`;
  return StreamReader.open(`${server.url}/v1/stream${query}`, {
    Authorization: `Bearer ${token}`,
    ...headers,
  });
}

/** Opens the agent stream. */
export function agentStream(server: RunningServer) {
  return StreamReader.open(`${server.url}/agent/v1/stream`, { Authorization: `Bearer ${server.agentToken}` });
}
