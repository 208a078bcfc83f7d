import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { normalizeReference, REFERENCE_ALPHABET } from '../src/conversation-reference.js';
import { openDatabase } from '../src/database.js';
import { MIGRATIONS } from '../src/migrations.js';
import { call, newSession, startTestServer } from './helpers.js';
import { startServices } from './service-fixture.js';

const REFERENCE = /^SP-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4,}$/;

describe('conversation references', () => {
  it('gives every conversation a reference unique on the site, shown to the visitor and to agents', async () => {
    const server = await startTestServer({ rateLimit: false });
    const references = new Set<string>();
    let session = await newSession(server);
    for (let index = 0; index < 60; index++) {
      // A visitor may have 10 open conversations: a new visitor every 10.
      if (index > 0 && index % 10 === 0) session = await newSession(server);
      const created = await call(
        server,
        'POST',
        '/v1/conversations',
        { clientConversationId: `c${index}` },
        session.token,
      );
      expect(created.body.reference).toMatch(REFERENCE);
      references.add(created.body.reference);
    }
    expect(references.size).toBe(60);
    // Stable: the list, a repeated create and the agent view carry the same one.
    const again = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'c57' },
      session.token,
    );
    const listed = (await call(server, 'GET', '/v1/conversations', undefined, session.token)).body
      .conversations;
    const agentView = await call(
      server,
      'GET',
      `/agent/v1/conversations/${again.body.id}`,
      undefined,
      'agent-secret',
    );
    expect(listed.find((conversation: { id: string }) => conversation.id === again.body.id).reference).toBe(
      again.body.reference,
    );
    expect(agentView.body.reference).toBe(again.body.reference);
  });

  it('draws another reference when the one drawn is taken on the site (and only there)', async () => {
    const { store } = await startServices();
    const visitor = await store.visitors.create('demo', undefined, undefined);
    const other = await store.visitors.create('other', undefined, undefined);
    const first = await store.conversations.create({
      siteKey: 'demo',
      visitorId: visitor.visitor.id,
      reference: 'SP-7KQ2',
    });
    expect(first?.conversation.reference).toBe('SP-7KQ2');
    const taken = await store.conversations.create({
      siteKey: 'demo',
      visitorId: visitor.visitor.id,
      reference: 'SP-7KQ2',
    });
    expect(taken).toBeUndefined();
    const elsewhere = await store.conversations.create({
      siteKey: 'other',
      visitorId: other.visitor.id,
      reference: 'SP-7KQ2',
    });
    expect(elsewhere?.conversation.reference).toBe('SP-7KQ2');
  });

  it('reads a typed reference in any case, with or without the prefix, and nothing that cannot be one', () => {
    expect(normalizeReference('sp-7kq2')).toBe('SP-7KQ2');
    expect(normalizeReference(' 7KQ2 ')).toBe('SP-7KQ2');
    expect(normalizeReference('Ref SP-7KQ2')).toBe('SP-7KQ2');
    expect(normalizeReference('SP 7KQ2')).toBe('SP-7KQ2');
    // 0, O, 1, I and L are never in a reference: a word with them is a name, not a reference.
    expect(normalizeReference('Siti')).toBeUndefined();
    expect(normalizeReference('SP-70Q2')).toBeUndefined();
    expect([...REFERENCE_ALPHABET].some((character) => '01OIL'.includes(character))).toBe(false);
  });

  it('lets agents find a conversation by its reference, any case, and by the visitor name or email', async () => {
    const server = await startTestServer();
    const budi = await newSession(server);
    await call(
      server,
      'PATCH',
      '/v1/visitor',
      { name: 'Budi Santoso', email: 'budi@example.com' },
      budi.token,
    );
    const sari = await newSession(server);
    await call(server, 'PATCH', '/v1/visitor', { name: 'Sari 100%_Setia' }, sari.token);
    const budis = await call(server, 'POST', '/v1/conversations', { clientConversationId: 'b' }, budi.token);
    const saris = await call(server, 'POST', '/v1/conversations', { clientConversationId: 's' }, sari.token);
    const search = async (q: string, status = '') =>
      (
        await call(
          server,
          'GET',
          `/agent/v1/conversations?q=${encodeURIComponent(q)}${status}`,
          undefined,
          'agent-secret',
        )
      ).body.conversations.map((conversation: { id: string }) => conversation.id);
    const reference: string = budis.body.reference;
    expect(await search(reference.toLowerCase())).toEqual([budis.body.id]);
    expect(await search(reference.slice(3))).toEqual([budis.body.id]);
    expect(await search(`Ref ${reference}`)).toEqual([budis.body.id]);
    expect(await search('SANTOSO')).toEqual([budis.body.id]);
    expect(await search('@example.com')).toEqual([budis.body.id]);
    // LIKE wildcards in the text are the characters themselves.
    expect(await search('100%_')).toEqual([saris.body.id]);
    expect(await search('%')).toEqual([saris.body.id]);
    expect(await search('nobody')).toEqual([]);
    expect(await search(reference, '&status=resolved')).toEqual([]);
    expect(await search(reference, '&status=open')).toEqual([budis.body.id]);
    // A search pages like the inbox: newest activity first, `nextCursor` for the rest.
    const second = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'b2' },
      budi.token,
    );
    const firstPage = await call(
      server,
      'GET',
      '/agent/v1/conversations?q=budi&limit=1',
      undefined,
      'agent-secret',
    );
    expect(firstPage.body.conversations.map((row: { id: string }) => row.id)).toEqual([second.body.id]);
    const nextPage = await call(
      server,
      'GET',
      `/agent/v1/conversations?q=budi&limit=1&cursor=${encodeURIComponent(firstPage.body.nextCursor)}`,
      undefined,
      'agent-secret',
    );
    expect(nextPage.body).toEqual({ conversations: [expect.objectContaining({ id: budis.body.id })] });
    const long = await call(
      server,
      'GET',
      `/agent/v1/conversations?q=${'x'.repeat(201)}`,
      undefined,
      'agent-secret',
    );
    expect(long.status).toBe(400);
  });

  it('gives conversations of an older database references when it is upgraded', () => {
    const folder = mkdtempSync(join(tmpdir(), 'sapa-migrate-references-'));
    try {
      const dbPath = join(folder, 'sapa.db');
      const old = new Database(dbPath);
      old.exec(
        'CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (2);',
      );
      old.exec(MIGRATIONS[0] as string);
      old.exec(MIGRATIONS[1] as string);
      old.exec(`
        INSERT INTO visitors (id, site_key, created_at, last_seen_at) VALUES ('v_1', 'demo', '2026-01-01', '2026-01-01');
        INSERT INTO conversations (id, site_key, visitor_id, created_at, updated_at) VALUES
          ('c_1', 'demo', 'v_1', '2026-01-01', '2026-01-01'),
          ('c_2', 'demo', 'v_1', '2026-01-02', '2026-01-02');
        INSERT INTO campaign_deliveries (visitor_id, delivery_key, delivered_at) VALUES
          ('v_1', 'purchase-thank-you', '2026-01-01T10:00:00.000Z'),
          ('v_1', 'birthday-greeting:2026', '2026-01-02T10:00:00.000Z');
      `);
      old.close();
      const upgraded = openDatabase(dbPath);
      try {
        const rows = upgraded.prepare('SELECT reference FROM conversations').all() as { reference: string }[];
        expect(rows).toHaveLength(2);
        for (const row of rows) expect(row.reference).toMatch(REFERENCE);
        expect(rows[0]?.reference).not.toBe(rows[1]?.reference);
        // What was delivered before stays capped: it is in the send log now.
        expect(
          upgraded
            .prepare('SELECT campaign_id, visitor_id, sent_at FROM campaign_sends ORDER BY sent_at')
            .all(),
        ).toEqual([
          { campaign_id: 'purchase-thank-you', visitor_id: 'v_1', sent_at: '2026-01-01T10:00:00.000Z' },
          { campaign_id: 'birthday-greeting', visitor_id: 'v_1', sent_at: '2026-01-02T10:00:00.000Z' },
        ]);
      } finally {
        upgraded.close();
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('profile sources', () => {
  const secret = 'toko-secret';
  const userHash = (key: string, userId: string) => createHmac('sha256', key).update(userId).digest('hex');

  it('records where each value came from: verified identity, identity, form, chat', async () => {
    const server = await startTestServer({
      sites: [{ siteKey: 'demo', name: 'Toko', identitySecret: secret }],
    });
    const sourcesOf = async (visitorId: string) =>
      (await call(server, 'GET', `/agent/v1/visitors/${visitorId}`, undefined, 'agent-secret')).body.sources;

    const verified = await newSession(server);
    const signedIn = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'u-1', userHash: userHash(secret, 'u-1'), name: 'Budi', email: 'budi@example.com' },
      verified.token,
    );
    await call(server, 'POST', '/v1/conversations', { clientConversationId: 'a' }, signedIn.body.token);
    expect(await sourcesOf(verified.visitorId)).toEqual({
      name: 'identity-verified',
      email: 'identity-verified',
    });
    // The pre-chat form repeats the verified name and adds a phone: the name stays verified.
    await call(
      server,
      'PATCH',
      '/v1/visitor',
      { name: 'Budi', phone: '+62 812 0000 1111', source: 'form' },
      signedIn.body.token,
    );
    expect(await sourcesOf(verified.visitorId)).toEqual({
      name: 'identity-verified',
      email: 'identity-verified',
      phone: 'form',
    });
    // An email asked for in the chat replaces the verified one: its source is the chat now.
    await call(
      server,
      'PATCH',
      '/v1/visitor',
      { email: 'budi@kantor.example', source: 'chat' },
      signedIn.body.token,
    );
    expect((await sourcesOf(verified.visitorId)).email).toBe('chat');

    const unverified = await newSession(server);
    const plain = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'u-2', name: 'Sari' },
      unverified.token,
    );
    await call(server, 'PATCH', '/v1/visitor', { email: 'sari@example.com' }, plain.body.token);
    await call(server, 'POST', '/v1/conversations', { clientConversationId: 'b' }, plain.body.token);
    // The page's own update (no source) counts as the page's identity, not as something the visitor typed.
    expect(await sourcesOf(unverified.visitorId)).toEqual({ name: 'identity', email: 'identity' });

    const refused = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { name: 'X', source: 'whatsapp' },
      plain.body.token,
    );
    expect(refused.status).toBe(400);
  });
});
