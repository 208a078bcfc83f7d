import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, readDatabase, startTestServer, visitorStream, visitorWithConversation } from './helpers.js';

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe('a burst of concurrent sends', () => {
  it('stores each message with exactly one message.created event, and streams each once, in order', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-burst-'));
    const dbPath = join(folder, 'sapa.db');
    const server = await startTestServer({ sites: [QUIET_SITE], dbPath, rateLimit: false });
    const visitors = await Promise.all([1, 2, 3].map(() => visitorWithConversation(server)));
    const streams = await Promise.all(
      visitors.map(({ session }) => visitorStream(server, session.token, session.cursor)),
    );
    await Promise.all(streams.map((stream) => stream.next((frame) => frame.comment === 'open')));

    // Every message is sent twice at once (a retry racing the first try): one 201, one 200, one message.
    const put = (visitor: (typeof visitors)[number], index: number) =>
      call(
        server,
        'PUT',
        `/v1/conversations/${visitor.conversationId}/messages/burst-${index}`,
        { type: 'text', text: `message ${index}` },
        visitor.session.token,
      );
    const perVisitor = 30;
    const firstHalf = visitors.flatMap((visitor) =>
      Array.from({ length: perVisitor / 2 }, (_, index) => [put(visitor, index), put(visitor, index)]).flat(),
    );
    // A tab that opens its stream mid-burst from the session's cursor gets the replay, then live events.
    const lateTab = visitorStream(server, visitors[0]?.session.token ?? '', visitors[0]?.session.cursor);
    const secondHalf = visitors.flatMap((visitor) =>
      Array.from({ length: perVisitor / 2 }, (_, index) => [
        put(visitor, perVisitor / 2 + index),
        put(visitor, perVisitor / 2 + index),
      ]).flat(),
    );
    const answers = await Promise.all([...firstHalf, ...secondHalf]);
    const late = await lateTab;

    expect(answers.every((answer) => answer.status === 201 || answer.status === 200)).toBe(true);
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(visitors.length * perVisitor);
    const byClientId = new Map<string, Set<string>>();
    for (const answer of answers) {
      const key = `${answer.body.conversationId} ${answer.body.clientMessageId}`;
      byClientId.set(key, (byClientId.get(key) ?? new Set()).add(answer.body.id));
    }
    expect([...byClientId.values()].every((ids) => ids.size === 1)).toBe(true);

    for (const [index, { conversationId }] of visitors.entries()) {
      const stream = streams[index];
      const lastSeq = perVisitor;
      await stream?.next((frame) => frame.data?.message?.seq === lastSeq);
      const created = stream?.events('message.created') ?? [];
      expect(created.map((frame) => frame.data.message.seq)).toEqual(
        Array.from({ length: perVisitor }, (_, seq) => seq + 1),
      );
      expect(created.every((frame) => frame.data.message.conversationId === conversationId)).toBe(true);
      const cursors = created.map((frame) => frame.id ?? '');
      expect([...cursors].sort()).toEqual(cursors);
    }
    await late.next((frame) => frame.data?.message?.seq === perVisitor);
    expect(late.events('message.created').map((frame) => frame.data.message.seq)).toEqual(
      Array.from({ length: perVisitor }, (_, seq) => seq + 1),
    );

    await server.close();
    const messages = await readDatabase(dbPath, 'SELECT id FROM messages');
    // The event log refers to each message's row instead of copying it.
    const events = await readDatabase(
      dbPath,
      `SELECT message.id FROM visitor_events AS event JOIN messages AS message ON message.key = event.message_key
         WHERE event.type = 'message.created'`,
    );
    const reported = events.map((event) => event.id as string);
    expect(messages).toHaveLength(visitors.length * perVisitor);
    expect(reported.sort()).toEqual(messages.map((message) => message.id as string).sort());
  });
});
