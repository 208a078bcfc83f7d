import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_SITE, type RunningServer, type ServerOptions } from '../../src/index.js';
import { messagesOf, say } from '../care-helpers.js';
import { agentStream, call, newSession, startTestServer, visitorStream } from '../helpers.js';
import { JAKARTA_MORNING, PinnedClock } from '../pinned-clock.js';
import { createTestDatabase } from '../postgres-test-database.js';

// Many servers on one PostgreSQL database (issue 14); on SQLite there is one node.

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Two servers ("nodes") on one fresh database, and a client of that database for the test's own SQL. */
async function twoNodes(options: ServerOptions = {}) {
  const database = await createTestDatabase();
  cleanups.push(() => database.drop());
  const shared = { sites: [QUIET_SITE], databaseUrl: database.url, presenceHeartbeatMs: 200, ...options };
  const a = await startTestServer(shared);
  const b = await startTestServer(shared);
  const sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  cleanups.push(() => sql.end());
  return { a, b, sql };
}

const agentMessage = (server: RunningServer, conversationId: string, text: string) =>
  call(
    server,
    'POST',
    `/agent/v1/conversations/${conversationId}/messages`,
    { type: 'text', text },
    server.agentToken,
  );

const visitorOnline = async (server: RunningServer, conversationId: string) =>
  (await call(server, 'GET', `/agent/v1/conversations/${conversationId}`, undefined, server.agentToken)).body
    .visitor.online;

const availability = async (server: RunningServer, token: string) =>
  (await call(server, 'GET', '/v1/config', undefined, token)).body.availability.online;

describe('many servers on one PostgreSQL database', () => {
  it('streams every message to the visitor on one node and the agents on the other, once each, in order', async () => {
    const { a, b } = await twoNodes();
    const session = await newSession(a);
    const created = await call(b, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    const conversationId: string = created.body.id;
    const visitor = await visitorStream(a, session.token, session.cursor);
    const agents = await agentStream(b);
    await visitor.next((frame) => frame.comment === 'open');
    await agents.next((frame) => frame.comment === 'open');

    // The visitor writes through both nodes, the agent answers through both: 12 messages.
    for (let index = 0; index < 3; index++) {
      await say(index % 2 ? a : b, session.token, conversationId, `visitor ${index}`);
      await agentMessage(index % 2 ? b : a, conversationId, `agent ${index}`);
      await say(index % 2 ? b : a, session.token, conversationId, `visitor again ${index}`);
      await agentMessage(index % 2 ? a : b, conversationId, `agent again ${index}`);
    }
    const isLast = (frame: { event?: string; data?: { message?: { seq: number } } }) =>
      frame.event === 'message.created' && frame.data?.message?.seq === 12;
    await visitor.next(isLast);
    await agents.next(isLast);
    const seqs = (frames: Array<{ data?: { message?: { seq: number } } }>) =>
      frames.map((frame) => frame.data?.message?.seq);
    const expected = Array.from({ length: 12 }, (_, index) => index + 1);
    expect(seqs(visitor.events('message.created'))).toEqual(expected);
    expect(seqs(agents.events('message.created'))).toEqual(expected);
    // Cursors only grow on the visitor's stream.
    const cursors = visitor.events().map((frame) => frame.id ?? '');
    expect([...cursors].sort()).toEqual(cursors);

    // A stream resumed on the other node from a cursor gets exactly what came after it, from the shared log.
    const middle = visitor.events('message.created')[5]?.id as string;
    const resumed = await visitorStream(b, session.token, middle);
    await resumed.next(isLast);
    expect(seqs(resumed.events('message.created'))).toEqual(expected.slice(6));
  });

  it('carries an agent event larger than a notification holds', async () => {
    const { a, b } = await twoNodes();
    const session = await newSession(a);
    const created = await call(a, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    const agents = await agentStream(b);
    await agents.next((frame) => frame.comment === 'open');
    await expect.poll(() => availability(a, session.token)).toBe(true);
    // 3,000 three-byte characters: 9,000 bytes of UTF-8, over NOTIFY's 8,000.
    const text = 'ê'.repeat(3_000);
    expect((await say(a, session.token, created.body.id, text)).status).toBe(201);
    const frame = await agents.next((each) => each.event === 'message.created');
    expect(frame.data.message.text).toBe(text);
  });

  it('keeps delivering after a notification it cannot read', async () => {
    const { a, b, sql } = await twoNodes({ quiet: true });
    const session = await newSession(a);
    const created = await call(a, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    const visitor = await visitorStream(a, session.token, session.cursor);
    await visitor.next((frame) => frame.comment === 'open');
    // Not JSON, and a stored payload that is not there.
    await sql.query("SELECT pg_notify('sapa_events', 'not json'), pg_notify('sapa_events', '@999999')");
    await agentMessage(b, created.body.id, 'still here');
    await visitor.next((frame) => frame.data?.message?.text === 'still here');
  });

  it('counts visitors and agents online across nodes', async () => {
    const { a, b } = await twoNodes();
    const session = await newSession(a);
    const created = await call(a, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    const conversationId: string = created.body.id;
    expect(await availability(a, session.token)).toBe(false);

    // An agent on B: agents are online for a visitor asking A.
    const agents = await agentStream(b);
    await agents.next((frame) => frame.comment === 'open');
    await expect.poll(() => availability(a, session.token)).toBe(true);

    // The visitor's stream on A: B's agents see them online, and are told.
    expect(await visitorOnline(b, conversationId)).toBe(false);
    const visitor = await visitorStream(a, session.token, session.cursor);
    await agents.next((frame) => frame.event === 'visitor.updated' && frame.data.visitor.online === true);
    await expect.poll(() => visitorOnline(b, conversationId)).toBe(true);
    visitor.close();
    await expect.poll(() => visitorOnline(b, conversationId)).toBe(false);

    agents.close();
    await expect.poll(() => availability(a, session.token)).toBe(false);
  });

  it('stops counting a node that stopped renewing its heartbeat within three heartbeats, and tells agents', async () => {
    const { a, sql } = await twoNodes();
    const session = await newSession(a);
    const created = await call(a, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    // A node that announced an agent stream and this visitor's stream, then died (never renews).
    await sql.query(
      `INSERT INTO sapa_nodes (id, agent_streams, expires_at) VALUES ('dead', true, now() + interval '600 milliseconds')`,
    );
    await sql.query('SELECT pg_notify($1, $2)', [
      'sapa_events',
      JSON.stringify({ k: 'p', n: 'dead', on: [session.visitorId], off: [], agents: 1 }),
    ]);
    await expect.poll(() => availability(a, session.token)).toBe(true);
    expect(await visitorOnline(a, created.body.id)).toBe(true);
    // An agent on A, told when the visitor goes away with the dead node.
    const agents = await agentStream(a);
    await agents.next((frame) => frame.comment === 'open');
    const started = Date.now();
    const away = await agents.next(
      (frame) => frame.event === 'visitor.updated' && frame.data.visitor.online === false,
      5_000,
    );
    expect(away.data.visitor.id).toBe(session.visitorId);
    expect(await visitorOnline(a, created.body.id)).toBe(false);
    agents.close();
    await expect.poll(() => availability(a, session.token), { timeout: 5_000 }).toBe(false);
    // Expiry (600 ms) plus at most one heartbeat (200 ms), with room for a busy machine.
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('announces its visitors again when its own heartbeat had lapsed and the others forgot it', async () => {
    // A heartbeat of a second: B's forgetting A shows before A's next heartbeat.
    const { a, b, sql } = await twoNodes({ presenceHeartbeatMs: 1_000 });
    const session = await newSession(a);
    const created = await call(a, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    const visitor = await visitorStream(a, session.token, session.cursor);
    await visitor.next((frame) => frame.comment === 'open');
    await expect.poll(() => visitorOnline(b, created.body.id)).toBe(true);
    // A stalled past its expiry: its row lapsed, and B forgot it (as when B saw it expire).
    const { rows } = await sql.query('SELECT node_id FROM sapa_visitor_presence WHERE visitor_id = $1', [
      session.visitorId,
    ]);
    const nodeA = rows[0]?.node_id as string;
    await sql.query(
      `WITH lapsed AS (UPDATE sapa_nodes SET expires_at = now() - interval '1 second' WHERE id = $1)
       SELECT pg_notify('sapa_events', $2)`,
      [nodeA, JSON.stringify({ k: 'p', n: nodeA, on: [], off: [], agents: 0, gone: 1 })],
    );
    await expect.poll(() => visitorOnline(b, created.body.id), { interval: 10 }).toBe(false);
    // A's next heartbeat finds it had lapsed and tells the others again (else B would never know).
    await expect.poll(() => visitorOnline(b, created.body.id), { timeout: 5_000 }).toBe(true);
  });

  it('listens again after its connection is cut, ending its visitors’ streams (they resume from their cursors) and its agents’ (the console reloads)', async () => {
    const { a, b, sql } = await twoNodes();
    const session = await newSession(a);
    const created = await call(a, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    const conversationId: string = created.body.id;
    const first = await visitorStream(a, session.token, session.cursor);
    await first.next((frame) => frame.comment === 'open');
    const agents = await agentStream(a);
    await agentMessage(b, conversationId, 'before the cut');
    await first.next((frame) => frame.data?.message?.text === 'before the cut');
    // Every node's listening connection is cut (a database restart, a network blip).
    const cut = await sql.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
    );
    expect(cut.rowCount).toBe(2);
    // Sent while the nodes are not listening: its notification is lost.
    await agentMessage(b, conversationId, 'while reconnecting');
    // A ends the visitor's stream once it listens again, so the client resumes from its cursor.
    await expect.poll(() => first.ended, { timeout: 5_000 }).toBe(true);
    // Agents' events are live only: A's agent stream ends too, so the console reconnects and reloads what it missed.
    await expect.poll(() => agents.ended, { timeout: 5_000 }).toBe(true);
    const cursor = first.events().at(-1)?.id as string;
    const resumed = await visitorStream(a, session.token, cursor);
    await resumed.next((frame) => frame.data?.message?.text === 'while reconnecting');
    await agentMessage(b, conversationId, 'after the cut');
    await resumed.next((frame) => frame.data?.message?.text === 'after the cut');
    // Every message once across both streams, in order.
    const texts = [...first.events('message.created'), ...resumed.events('message.created')].map(
      (frame) => frame.data.message.text,
    );
    expect(texts).toEqual(['before the cut', 'while reconnecting', 'after the cut']);
  });

  it('sends a due thank-you once, whichever nodes sweep at the same time', async () => {
    const clock = new PinnedClock(JAKARTA_MORNING);
    const { a, b } = await twoNodes({ now: clock.now, sites: [DEMO_SITE] });
    const session = await newSession(a, { locale: 'id-ID' });
    const created = await call(a, 'POST', '/v1/conversations', { clientConversationId: 'c1' }, session.token);
    const conversationId: string = created.body.id;
    await say(a, session.token, conversationId, 'Pesanan saya belum sampai');
    await agentMessage(b, conversationId, 'Sudah kami cek, Kak: paketnya tiba besok.');
    await call(b, 'POST', `/agent/v1/conversations/${conversationId}/resolve`, {}, b.agentToken);
    const before = (await messagesOf(a, session.token, conversationId)).length;
    clock.advance({ days: 3, minutes: 1 });
    let sent = 0;
    for (let round = 0; round < 3; round++) {
      const results = await Promise.all([
        a.runCareSweep(),
        b.runCareSweep(),
        a.runCareSweep(),
        b.runCareSweep(),
      ]);
      for (const result of results) sent += result.feedbackRequests;
    }
    expect(sent).toBe(1);
    const messages = await messagesOf(b, session.token, conversationId);
    expect(messages).toHaveLength(before + 1);
    expect(messages.at(-1)?.text).toMatch(/terima kasih sudah menghubungi/);
  });
});
