import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message } from '@sapa/protocol';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../src/ids.js';
import { startServer } from '../src/index.js';
import { MIGRATIONS } from '../src/migrations.js';
import { call, visitorStream } from './helpers.js';

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const TOKEN = 'token-of-a-visitor-from-before';
const AT = '2026-11-01T10:00:00.000Z';
const first: Message = {
  id: 'm_old1',
  conversationId: 'c_old',
  seq: 1,
  author: { role: 'visitor', id: 'v_old' },
  type: 'text',
  createdAt: AT,
  clientMessageId: 'one',
  text: 'Halo',
};
const reply: Message = {
  id: 'm_old2',
  conversationId: 'c_old',
  seq: 2,
  author: { role: 'agent', id: 'agent:Rina', name: 'Rina' },
  type: 'text',
  createdAt: AT,
  text: 'Ada yang bisa dibantu?',
};

/** A database as the server wrote it before issue 14: schema version 2, events holding copies of messages. */
function writeVersion2Database(path: string): void {
  const old = new Database(path);
  old.pragma('journal_mode = WAL');
  old.exec('CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (2);');
  old.exec(MIGRATIONS[0] as string);
  old.exec(MIGRATIONS[1] as string);
  old
    .prepare(
      `INSERT INTO visitors (id, site_key, created_at, last_seen_at, pruned_through) VALUES ('v_old', 'demo', ?, ?, 4)`,
    )
    .run(AT, AT);
  old
    .prepare('INSERT INTO sessions (token_hash, visitor_id, expires_at, created_at) VALUES (?, ?, ?, ?)')
    .run(hashToken(TOKEN), 'v_old', '2099-01-01T00:00:00.000Z', AT);
  old
    .prepare(
      `INSERT INTO conversations (id, site_key, visitor_id, client_conversation_id, created_at, updated_at, last_seq)
         VALUES ('c_old', 'demo', 'v_old', 'first', ?, ?, 2)`,
    )
    .run(AT, AT);
  const insertMessage = old.prepare(
    `INSERT INTO messages (id, conversation_id, seq, client_message_id, request_key, author, author_role, type, text,
       created_at) VALUES (?, 'c_old', ?, ?, ?, ?, ?, 'text', ?, ?)`,
  );
  // Before, the request key was the send's canonical JSON itself.
  insertMessage.run(
    'm_old1',
    1,
    'one',
    '{"type":"text","text":"Halo"}',
    '{"role":"visitor","id":"v_old"}',
    'visitor',
    'Halo',
    AT,
  );
  insertMessage.run('m_old2', 2, null, null, JSON.stringify(reply.author), 'agent', reply.text, AT);
  const insertEvent = old.prepare(
    'INSERT INTO visitor_events (cursor, visitor_id, type, data) VALUES (?, ?, ?, ?)',
  );
  insertEvent.run(5, 'v_old', 'read.updated', '{"conversationId":"c_old","role":"agent","seq":1}');
  insertEvent.run(6, 'v_old', 'message.created', JSON.stringify({ message: first }));
  insertEvent.run(7, 'v_old', 'message.created', JSON.stringify({ message: reply }));
  old.close();
}

describe('a database written before messages were stored once', () => {
  it('opens, keeps its cursors and replays, and goes on from where it was', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-upgrade-'));
    const dbPath = join(folder, 'sapa.db');
    writeVersion2Database(dbPath);
    const server = await startServer({
      port: 0,
      dbPath,
      quiet: true,
      sites: [{ siteKey: 'demo', name: 'Quiet', bot: false }],
    });
    try {
      // The same events under the same cursors; the messages now come from their rows.
      const stream = await visitorStream(server, TOKEN, '0000000000000004');
      await stream.next((frame) => frame.id === '0000000000000007');
      expect(stream.events().map((frame) => [frame.id, frame.event, frame.data])).toEqual([
        ['0000000000000005', 'read.updated', { conversationId: 'c_old', role: 'agent', seq: 1 }],
        ['0000000000000006', 'message.created', { message: first }],
        ['0000000000000007', 'message.created', { message: reply }],
      ]);
      // Older than what was kept before the upgrade: still gone.
      expect((await call(server, 'GET', '/v1/stream?after=0000000000000003', undefined, TOKEN)).status).toBe(
        410,
      );

      // A retry of a message sent before is still recognised, and a different body still refused.
      const path = '/v1/conversations/c_old/messages';
      const retried = await call(server, 'PUT', `${path}/one`, { type: 'text', text: 'Halo' }, TOKEN);
      expect(retried.status).toBe(200);
      expect(retried.body).toEqual(first);
      expect((await call(server, 'PUT', `${path}/one`, { type: 'text', text: 'Lain' }, TOKEN)).status).toBe(
        422,
      );

      const next = await call(server, 'PUT', `${path}/three`, { type: 'text', text: 'Masih ada?' }, TOKEN);
      expect(next.status).toBe(201);
      expect(next.body.seq).toBe(3);
      const live = await stream.next((frame) => frame.data?.message?.clientMessageId === 'three');
      expect(live.id).toBe('0000000000000008');
      const page = await call(server, 'GET', `${path}?limit=10`, undefined, TOKEN);
      expect(page.body.messages.map((message: Message) => message.id)).toEqual([
        'm_old1',
        'm_old2',
        next.body.id,
      ]);
    } finally {
      await server.close();
    }
    const upgraded = new Database(dbPath, { readonly: true });
    try {
      expect(upgraded.prepare('SELECT version FROM schema_version').get()).toEqual({
        version: MIGRATIONS.length,
      });
      expect(
        upgraded
          .prepare(
            "SELECT COUNT(*) AS count FROM visitor_events WHERE data IS NOT NULL AND type = 'message.created'",
          )
          .get(),
      ).toEqual({ count: 0 });
    } finally {
      upgraded.close();
    }
  });
});
