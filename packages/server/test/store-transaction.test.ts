import { describe, expect, it } from 'vitest';
import { appendMessage } from '../src/services/append-message.js';
import { startServices } from './service-fixture.js';

describe('store transactions', () => {
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
    const { refuseInserts, services, visitor, conversationId, live, messageEvents } = await startServices();
    const allowInserts = await refuseInserts('visitor_events', 'The event log refuses writes.');
    const send = { type: 'text', text: 'Masih ada stok?' } as const;
    await expect(services.conversations.send(visitor, conversationId, 'client-1', send)).rejects.toThrow(
      'The event log refuses writes.',
    );
    expect((await services.conversations.page(visitor, conversationId, { limit: 50 })).messages).toEqual([]);
    expect(live).toEqual([]);

    await allowInserts();
    const retried = await services.conversations.send(visitor, conversationId, 'client-1', send);
    expect(retried.created).toBe(true);
    expect(retried.message.seq).toBe(1);
    expect((await messageEvents()).map((event) => JSON.parse(event.data).message.id)).toEqual([
      retried.message.id,
    ]);
    expect(live.map((event) => event.type)).toEqual(['message.created']);
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
