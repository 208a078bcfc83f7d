import { describe, expect, it } from 'vitest';
import { appendMessage } from '../src/services/append-message.js';
import { startServices } from './service-fixture.js';

// SQLite's one connection has a lock: calls wait while a transaction is open. (PostgreSQL reads the last commit
// instead of waiting, so this file runs on SQLite only; see vitest.postgres.config.ts.)
describe('the SQLite connection lock', () => {
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
});
