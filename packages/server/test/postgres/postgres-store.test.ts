import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { SchemaVersionError } from '../../src/database.js';
import { parseCursor } from '../../src/ids.js';
import { startServer } from '../../src/index.js';
import { appendMessage } from '../../src/services/append-message.js';
import { PostgresChatStore } from '../../src/store/postgres/postgres-chat-store.js';
import { POSTGRES_MIGRATIONS } from '../../src/store/postgres/postgres-migrations.js';
import { call, newSession } from '../helpers.js';
import { createTestDatabase } from '../postgres-test-database.js';

// What holds only on PostgreSQL: an empty database migrated by servers starting at once, and several stores
// (as several servers would) writing one database. Runs in the server-postgres project only.

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh, migrated database, dropped after the test. */
async function freshDatabase(): Promise<string> {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  return database.url;
}

/** A database with nothing in it (not even the schema): what a first deployment starts on. */
async function emptyDatabase(): Promise<string> {
  const url = await freshDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  await client.end();
  return url;
}

async function openStore(url: string): Promise<PostgresChatStore> {
  const store = await PostgresChatStore.open(url);
  cleanups.push(() => store.close());
  return store;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('PostgreSQL migrations', () => {
  it('migrate an empty database once when servers start on it at the same time', async () => {
    const url = await emptyDatabase();
    const stores = await Promise.all([openStore(url), openStore(url), openStore(url)]);
    const versions = await stores[0]?.connection.pool.query('SELECT version FROM schema_version');
    expect(versions?.rows).toEqual([{ version: POSTGRES_MIGRATIONS.length }]);
    const visitor = await stores[1]?.visitors.create('demo', 'id', undefined);
    expect((await stores[2]?.visitors.get(visitor?.visitor.id ?? ''))?.locale).toBe('id');
  });

  it('refuse a database that a newer server migrated further', async () => {
    const url = await emptyDatabase();
    const store = await openStore(url);
    await store.connection.pool.query('UPDATE schema_version SET version = 99');
    await expect(PostgresChatStore.open(url)).rejects.toThrow(SchemaVersionError);
  });
});

describe('several stores on one database', () => {
  it('keep a conversation’s seqs gapless and its events in seq order, whichever store sends', async () => {
    const url = await freshDatabase();
    const [first, second] = [await openStore(url), await openStore(url)] as const;
    const visitor = await first.visitors.create('demo', undefined, undefined);
    const conversation = await first.conversations.create({
      siteKey: 'demo',
      visitorId: visitor.visitor.id,
      reference: 'SP-TEST',
    });
    const conversationId = conversation?.conversation.id ?? '';
    const sends = Array.from({ length: 40 }, (_, index) =>
      (index % 2 === 0 ? first : second).transaction(async (transaction) => {
        const { message } = await appendMessage(transaction, conversationId, {
          author: { role: 'visitor', id: visitor.visitor.id },
          type: 'text',
          text: `message ${index}`,
        });
        await transaction.events.append(visitor.visitor.id, { type: 'message.created', message }, 1000);
        return message;
      }),
    );
    const sent = await Promise.all(sends);
    expect(sent.map((message) => message.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    const events = await second.events.after(visitor.visitor.id, 0);
    expect(events.map((event) => JSON.parse(event.data).message.seq)).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
  });

  it('commit a visitor’s events in cursor order, so a reader resuming after a cursor never misses one', async () => {
    const url = await freshDatabase();
    const [first, second] = [await openStore(url), await openStore(url)] as const;
    const visitorId = (await first.visitors.create('demo', undefined, undefined)).visitor.id;
    // Each append stays uncommitted a little while, for a random time: without the visitor's lock, a later
    // cursor could commit first and a reader past it would never see the earlier one.
    const writes = Array.from({ length: 60 }, (_, index) =>
      (index % 2 === 0 ? first : second).transaction(async (transaction) => {
        await transaction.events.append(
          visitorId,
          { type: 'conversation.updated', data: JSON.stringify({ index }) },
          1000,
        );
        await sleep(Math.random() * 4);
      }),
    );
    const read: string[] = [];
    let position = 0;
    let writing = true;
    // A reader resuming after the last cursor it saw, as a stream's ?after= does; once the writes are over it
    // reads once more, so whatever it skipped stays skipped.
    const reading = (async () => {
      for (;;) {
        const last = !writing;
        for (const event of await first.events.after(visitorId, position)) {
          read.push(event.cursor);
          position = parseCursor(event.cursor) ?? position;
        }
        if (last) return;
        await sleep(1);
      }
    })();
    await Promise.all(writes);
    writing = false;
    await reading;
    const stored = (await second.events.after(visitorId, 0)).map((event) => event.cursor);
    expect(stored).toHaveLength(60);
    expect(read).toEqual(stored);
  });

  it('share uploads: one server stores a file, another serves it; both keep data across restarts', async () => {
    const url = await freshDatabase();
    const options = { port: 0, databaseUrl: url, quiet: true, agentToken: 'agent-secret' };
    const first = await startServer(options);
    const session = await newSession(first);
    const uploaded = await fetch(`${first.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${session.token}`,
        'Content-Type': 'text/plain',
        'X-Sapa-Filename': 'a.txt',
      },
      body: 'halo dari node A',
    }).then((response) => response.json());
    const created = await call(
      first,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'x' },
      session.token,
    );
    await call(
      first,
      'PUT',
      `/v1/conversations/${created.body.id}/messages/m1`,
      { type: 'text', text: 'masih ada?' },
      session.token,
    );
    const second = await startServer(options);
    try {
      expect(second.stats().store).toBe('postgres');
      const served = await fetch(`${second.url}/v1/uploads/${uploaded.id}/a.txt`);
      expect(served.status).toBe(200);
      expect(await served.text()).toBe('halo dari node A');
      await first.close();
      const page = await call(
        second,
        'GET',
        `/v1/conversations/${created.body.id}/messages`,
        undefined,
        session.token,
      );
      const fromVisitor = page.body.messages.filter(
        (message: { author: { role: string } }) => message.author.role === 'visitor',
      );
      expect(fromVisitor.map((message: { text: string }) => message.text)).toEqual(['masih ada?']);
    } finally {
      await first.close();
      await second.close();
    }
  });
});
