import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appendMessage } from '../src/services/append-message.js';
import { startServices } from './service-fixture.js';

const visitorText = (visitorId: string, text: string) =>
  ({ author: { role: 'visitor', id: visitorId }, type: 'text', text }) as const;

describe('commits shared by the transactions of one turn', () => {
  it('commits transactions started together, and rolls back only the one that failed', async () => {
    const { store, visitor, conversationId } = await startServices();
    const visitorId = visitor.visitor.id;
    const attempts = await Promise.allSettled(
      ['eins', 'zwei', 'drei'].map((text) =>
        store.transaction(async (transaction) => {
          const appended = await appendMessage(transaction, conversationId, visitorText(visitorId, text));
          if (text === 'zwei') throw new Error('The second one fails after its message.');
          return appended.message;
        }),
      ),
    );
    expect(attempts.map((attempt) => attempt.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const page = await store.messages.page(conversationId, { limit: 50 });
    // Seqs stay gapless: the failed transaction's seq was rolled back with its message.
    expect(page.messages.map((message) => [message.seq, message.text])).toEqual([
      [1, 'eins'],
      [2, 'drei'],
    ]);
    expect((await store.conversations.get(conversationId))?.conversation.lastSeq).toBe(2);
  });

  it('answers a transaction only once its changes are on disk, where another connection reads them', async () => {
    const { store, folder, visitor, conversationId } = await startServices();
    const reader = new Database(join(folder, 'sapa.db'), { readonly: true });
    try {
      const sent = await store.transaction(
        async (transaction) =>
          (await appendMessage(transaction, conversationId, visitorText(visitor.visitor.id, 'tersimpan')))
            .message,
      );
      expect(reader.prepare('SELECT text FROM messages WHERE id = ?').get(sent.id)).toEqual({
        text: 'tersimpan',
      });
    } finally {
      reader.close();
    }
  });

  it('answers a read made while others write only after their commit, and shows what they wrote', async () => {
    const { store, visitor, conversationId } = await startServices();
    const writing = store.transaction((transaction) =>
      appendMessage(transaction, conversationId, visitorText(visitor.visitor.id, 'pertama')),
    );
    // Asked in the same turn, after the transaction: it runs inside the shared commit and waits for it.
    const reading = store.messages.page(conversationId, { limit: 50 });
    const order: string[] = [];
    await Promise.all([writing.then(() => order.push('write')), reading.then(() => order.push('read'))]);
    expect(order).toEqual(['write', 'read']);
    expect((await reading).messages.map((message) => message.text)).toEqual(['pertama']);
  });

  it('forgets what it remembered of rows changed by a transaction that rolled back', async () => {
    const { store, conversationId } = await startServices();
    const before = await store.conversations.get(conversationId);
    const failing = store.transaction(async (transaction) => {
      const resolved = await transaction.conversations.update(conversationId, { status: 'resolved' });
      // Read back inside the transaction: the changed row is what the store now remembers.
      expect((await transaction.conversations.get(conversationId))?.conversation.status).toBe(
        resolved.conversation.status,
      );
      throw new Error('Rolled back after the change.');
    });
    await expect(failing).rejects.toThrow('Rolled back after the change.');
    expect(await store.conversations.get(conversationId)).toEqual(before);
    expect((await store.conversations.get(conversationId))?.conversation.status).toBe('open');
  });

  it('shares the records it remembers frozen, so no caller can change them for the others', async () => {
    const { store, visitor, conversationId } = await startServices();
    const record = await store.conversations.get(conversationId);
    expect(() => {
      (record as { handedOver: boolean }).handedOver = true;
    }).toThrow(TypeError);
    const visitorRecord = await store.visitors.get(visitor.visitor.id);
    expect(Object.isFrozen(visitorRecord?.visitor.attributes)).toBe(true);
  });
});
