import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';
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
    expect(database.prepare('SELECT version FROM schema_version').get()).toEqual({ version: 1 });
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
