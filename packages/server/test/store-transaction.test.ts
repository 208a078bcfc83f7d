import { describe, expect, it } from 'vitest';
import { appendMessage } from '../src/services/append-message.js';
import { startServices } from './service-fixture.js';

describe('SQLite transactions', () => {
  it('rolls back the message and its event together when a step fails, and publishes nothing', async () => {
    const { store, fanOut, visitor, conversationId, live, messageEvents } = await startServices();
    const attempt = store.transaction(async (transaction) => {
      const appended = await appendMessage(transaction, conversationId, {
        author: { role: 'visitor', id: visitor.visitor.id },
        type: 'text',
        text: 'Halo',
      });
      await fanOut.in(transaction).messageCreated(appended.conversation, appended.message);
      throw new Error('The step after the event failed.');
    });
    await expect(attempt).rejects.toThrow('The step after the event failed.');
    expect((await store.messages.page(conversationId, { limit: 50 })).messages).toEqual([]);
    expect((await store.conversations.get(conversationId))?.conversation.lastSeq).toBe(0);
    expect(await messageEvents()).toEqual([]);
    expect(live).toEqual([]);
  });

  it('stores no message when appending its event fails, and the same send succeeds afterwards', async () => {
    const { execute, services, visitor, conversationId, live, messageEvents } = await startServices();
    execute(`CREATE TRIGGER refuse_events BEFORE INSERT ON visitor_events
      BEGIN SELECT RAISE(ABORT, 'The event log refuses writes.'); END`);
    const send = { type: 'text', text: 'Masih ada stok?' } as const;
    await expect(services.conversations.send(visitor, conversationId, 'client-1', send)).rejects.toThrow(
      'The event log refuses writes.',
    );
    expect((await services.conversations.page(visitor, conversationId, { limit: 50 })).messages).toEqual([]);
    expect(live).toEqual([]);

    execute('DROP TRIGGER refuse_events');
    const retried = await services.conversations.send(visitor, conversationId, 'client-1', send);
    expect(retried.created).toBe(true);
    expect(retried.message.seq).toBe(1);
    expect((await messageEvents()).map((event) => JSON.parse(event.data).message.id)).toEqual([
      retried.message.id,
    ]);
    expect(live.map((event) => event.type)).toEqual(['message.created']);
  });

  it('keeps a transaction that awaits between statements whole: a concurrent send and reads wait for it', async () => {
    const { store, services, fanOut, visitor, conversationId, live, messageEvents } = await startServices();
    let readSettled = false;
    let sendSettled = false;
    let seenWhileOpen: { read: boolean; send: boolean } | undefined;
    let concurrent: Promise<unknown>[] = [];
    const first = store.transaction(async (transaction) => {
      const appended = await appendMessage(transaction, conversationId, {
        author: { role: 'agent', id: 'agent:Rina', name: 'Rina' },
        type: 'text',
        text: 'Sebentar, saya cek dulu.',
      });
      // Work outside the database between statements: timers and I/O run meanwhile.
      concurrent = [
        services.conversations
          .send(visitor, conversationId, 'client-2', { type: 'text', text: 'Baik' })
          .finally(() => {
            sendSettled = true;
          }),
        Promise.all([store.messages.page(conversationId, { limit: 50 }), messageEvents()]).finally(() => {
          readSettled = true;
        }),
      ];
      await new Promise((resolve) => setTimeout(resolve, 50));
      await fanOut.in(transaction).messageCreated(appended.conversation, appended.message);
      seenWhileOpen = { read: readSettled, send: sendSettled };
      return appended.message;
    });
    const agentMessage = await first;
    const [sent, [page, events]] = (await Promise.all(concurrent)) as [
      Awaited<ReturnType<typeof services.conversations.send>>,
      [Awaited<ReturnType<typeof store.messages.page>>, Awaited<ReturnType<typeof messageEvents>>],
    ];
    expect(seenWhileOpen).toEqual({ read: false, send: false });
    // Issued between the first message and its event, the read waited: it saw each message with its event,
    // after both transactions (first come, first served: the send had asked before it).
    expect(page.messages.map((message) => message.id)).toEqual([agentMessage.id, sent.message.id]);
    expect(events.map((event) => JSON.parse(event.data).message.id)).toEqual([
      agentMessage.id,
      sent.message.id,
    ]);
    // Both landed, the waiting send after the open transaction, with events in the same order.
    expect(agentMessage.seq).toBe(1);
    expect(sent.message.seq).toBe(2);
    const stored = await messageEvents();
    expect(stored.map((event) => JSON.parse(event.data).message.seq)).toEqual([1, 2]);
    expect(live.filter((event) => event.type === 'message.created').map((event) => event.id)).toEqual(
      stored.map((event) => event.cursor),
    );
  });

  it('refuses statements on a transaction that has ended, and frees the connection after a failure', async () => {
    const { store, conversationId } = await startServices();
    let leaked: Parameters<Parameters<typeof store.transaction>[0]>[0] | undefined;
    await store.transaction(async (transaction) => {
      leaked = transaction;
    });
    await expect(leaked?.conversations.get(conversationId)).rejects.toThrow(/transaction has ended/);
    const failing = store.transaction(async () => {
      throw new Error('failed');
    });
    const waiting = store.conversations.get(conversationId);
    await expect(failing).rejects.toThrow('failed');
    expect((await waiting)?.conversation.id).toBe(conversationId);
  });

  it('answers a burst of sends, each twice at once, with one message and one event per client id', async () => {
    const { services, visitor, conversationId, messageEvents } = await startServices();
    const sends = Array.from({ length: 40 }, (_, index) => {
      const send = { type: 'text', text: `message ${index}` } as const;
      return [
        services.conversations.send(visitor, conversationId, `burst-${index}`, send),
        services.conversations.send(visitor, conversationId, `burst-${index}`, send),
      ];
    }).flat();
    const answers = await Promise.all(sends);
    expect(answers.filter((answer) => answer.created)).toHaveLength(40);
    for (let index = 0; index < answers.length; index += 2) {
      expect(answers[index + 1]?.message).toEqual(answers[index]?.message);
    }
    const page = await services.conversations.page(visitor, conversationId, { limit: 200 });
    expect(page.messages.map((message) => message.seq)).toEqual(
      Array.from({ length: 40 }, (_, seq) => seq + 1),
    );
    const reported = (await messageEvents()).map((event) => JSON.parse(event.data).message.id);
    expect(reported).toEqual(page.messages.map((message) => message.id));
  });
});
