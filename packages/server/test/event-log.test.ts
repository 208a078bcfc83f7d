import { describe, expect, it } from 'vitest';
import { startServices } from './service-fixture.js';

const text = (value: string) => ({ type: 'text', text: value }) as const;

describe('the visitor event log', () => {
  it("replays each message as it is now, in cursor order with the log's other events", async () => {
    const { services, store, execute, visitor, conversationId } = await startServices();
    const visitorId = visitor.visitor.id;
    const first = await services.conversations.send(visitor, conversationId, 'one', text('Halo'));
    await services.conversations.rate(visitor, conversationId, 5);
    const second = await services.conversations.send(visitor, conversationId, 'two', text('Masih ada?'));
    // A message changed after its event was written (an edit, a redaction): the replay shows it as it is now.
    await execute(`UPDATE messages SET text = 'Halo, Kak' WHERE id = '${first.message.id}'`);

    const replay = await store.events.after(visitorId, 0);
    const cursors = replay.map((event) => event.cursor);
    expect([...cursors].sort()).toEqual(cursors);
    expect(replay.map((event) => event.type)).toEqual([
      'conversation.updated',
      'message.created',
      'conversation.updated',
      'message.created',
    ]);
    const messages = replay
      .filter((event) => event.type === 'message.created')
      .map((event) => JSON.parse(event.data).message);
    expect(messages).toEqual([{ ...first.message, text: 'Halo, Kak' }, second.message]);
    expect(JSON.parse(replay[2]?.data ?? '{}').conversation.rating).toEqual({ score: 5 });
    // Replaying from a cursor gives what came after it, the same way.
    expect(await store.events.after(visitorId, Number(cursors[1]))).toEqual(replay.slice(2));
  });

  it('stores a message once: its event refers to the message row and holds no copy of it', async () => {
    const { services, read, visitor, conversationId } = await startServices();
    const sent = await services.conversations.send(visitor, conversationId, 'one', text('Sekali saja'));
    const rows = await read(
      `SELECT event.data, message.id FROM visitor_events AS event
         JOIN messages AS message ON message.key = event.message_key WHERE event.type = 'message.created'`,
    );
    expect(rows).toEqual([{ data: null, id: sent.message.id }]);
  });

  it('trims a log in batches, keeps at least the retention, and answers 410 below what it dropped', async () => {
    const retention = 30;
    const { services, store, read, visitor, session, conversationId } = await startServices(undefined, {
      streamRetention: retention,
    });
    const visitorId = visitor.visitor.id;
    for (let index = 1; index <= 100; index++) {
      await services.conversations.send(visitor, conversationId, `m${index}`, text(`message ${index}`));
    }
    const [{ count: kept } = { count: 0 }] = await read(
      `SELECT COUNT(*) AS count FROM visitor_events WHERE visitor_id = '${visitorId}'`,
    );
    // Trimmed every retention / 10 = 3 appends: between 30 and 32 kept, never fewer than the retention.
    expect(kept).toBeGreaterThanOrEqual(retention);
    expect(kept).toBeLessThanOrEqual(retention + 2);
    const all = await store.events.after(visitorId, 0);
    const seqs = all.map((event) => JSON.parse(event.data).message.seq);
    expect(seqs.at(-1)).toBe(100);
    // Whatever was kept is the newest events, without a gap.
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, index) => 101 - seqs.length + index));

    const current = await services.sessions.authenticate(session.token);
    // The session's first cursor is older than everything kept: resuming from it would skip events.
    await expect(services.visitorStream.open(current, session.cursor)).rejects.toMatchObject({ status: 410 });
    // The cursor just before the newest 30 events is still served, with all 30 of them.
    const resumeFrom = all[all.length - retention - 1]?.cursor ?? '';
    const opened = await services.visitorStream.open(current, resumeFrom);
    opened.subscribe(() => {})();
    expect(opened.replay.map((event) => JSON.parse(event.data).message.seq)).toEqual(
      Array.from({ length: retention }, (_, index) => 71 + index),
    );
  });
});
