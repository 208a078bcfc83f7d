import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SchemaVersionError } from '../src/database.js';
import { startServer } from '../src/index.js';
import { MIGRATIONS } from '../src/migrations.js';
import { call, newSession, startTestServer } from './helpers.js';

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('persistence', () => {
  it('keeps visitors, tokens and messages across a restart, in a WAL database with a schema version', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-persist-'));
    const dbPath = join(folder, 'nested', 'sapa.db');
    const first = await startServer({ port: 0, dbPath, quiet: true });
    const session = await newSession(first);
    const created = await call(
      first,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'p' },
      session.token,
    );
    await call(
      first,
      'PUT',
      `/v1/conversations/${created.body.id}/messages/m`,
      { type: 'text', text: 'masih ada?' },
      session.token,
    );
    await first.close();

    const database = new Database(dbPath, { readonly: true });
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.prepare('SELECT version FROM schema_version').get()).toEqual({
      version: MIGRATIONS.length,
    });
    database.close();

    const second = await startServer({ port: 0, dbPath, quiet: true });
    try {
      const page = await call(
        second,
        'GET',
        `/v1/conversations/${created.body.id}/messages`,
        undefined,
        session.token,
      );
      expect(page.status).toBe(200);
      expect(page.body.messages[0].text).toBe('masih ada?');
    } finally {
      await second.close();
    }
  });
});

describe('session expiry', () => {
  it('refuses an expired token and forgets expired sessions at start', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-expiry-'));
    const dbPath = join(folder, 'sapa.db');
    const first = await startServer({ port: 0, dbPath, quiet: true });
    const session = await newSession(first);
    await first.close();
    const database = new Database(dbPath);
    database.prepare('UPDATE sessions SET expires_at = ?').run('2000-01-01T00:00:00.000Z');
    database.close();

    const second = await startServer({ port: 0, dbPath, quiet: true });
    try {
      expect((await call(second, 'GET', '/v1/conversations', undefined, session.token)).status).toBe(401);
      const fresh = await newSession(second, { token: session.token });
      expect(fresh.visitorId).not.toBe(session.visitorId);
    } finally {
      await second.close();
    }
    const after = new Database(dbPath, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) AS count FROM sessions').get()).toEqual({ count: 1 });
    after.close();
  });
});

describe('failures', () => {
  it('answers an unexpected failure with a 500 problem and keeps serving', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-broken-'));
    // Uploads go under dataDir/uploads; a file in the way makes writing them fail.
    writeFileSync(join(folder, 'uploads'), 'in the way');
    const server = await startTestServer({ dataDir: folder });
    const session = await newSession(server);
    const response = await fetch(`${server.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${session.token}`,
        'Content-Type': 'text/plain',
        'X-Sapa-Filename': 'a.txt',
      },
      body: 'hello',
    });
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({ code: 'server_error', status: 500 });
    expect((await call(server, 'GET', '/v1/conversations', undefined, session.token)).status).toBe(200);
  });
});

describe('migrations', () => {
  it('upgrades a version 1 database in place, keeping its messages and filling the new column', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-migrate-'));
    const dbPath = join(folder, 'sapa.db');
    const old = new Database(dbPath);
    old.exec(
      'CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (1);',
    );
    old.exec(MIGRATIONS[0] as string);
    old.exec(`
      INSERT INTO visitors (id, site_key, created_at, last_seen_at) VALUES ('v_1', 'demo', '2026-01-01', '2026-01-01');
      INSERT INTO conversations (id, site_key, visitor_id, created_at, updated_at, last_seq)
        VALUES ('c_1', 'demo', 'v_1', '2026-01-01', '2026-01-01', 1);
      INSERT INTO messages (id, conversation_id, seq, author, type, text, created_at)
        VALUES ('m_1', 'c_1', 1, '{"role":"visitor","id":"v_1"}', 'text', 'lama', '2026-01-01');
    `);
    old.close();

    const upgraded = openDatabase(dbPath);
    try {
      expect(upgraded.prepare('SELECT version FROM schema_version').get()).toEqual({
        version: MIGRATIONS.length,
      });
      expect(upgraded.prepare("SELECT author_role, text FROM messages WHERE id = 'm_1'").get()).toEqual({
        author_role: 'visitor',
        text: 'lama',
      });
    } finally {
      upgraded.close();
    }
  });

  it('refuses a database from a newer server', () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-newer-'));
    const dbPath = join(folder, 'sapa.db');
    const newer = new Database(dbPath);
    newer.exec(
      `CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (999);`,
    );
    newer.close();
    expect(() => openDatabase(dbPath)).toThrow(SchemaVersionError);
  });
});
