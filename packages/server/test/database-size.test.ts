import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServices } from './service-fixture.js';

/** The database file's size once a second connection has checkpointed the WAL into it and emptied it. */
function checkpointedBytes(path: string): number {
  const connection = new Database(path);
  try {
    connection.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    connection.close();
  }
  return statSync(path).size + statSync(`${path}-wal`).size;
}

describe('the database per text message', () => {
  it('grows by at most 600 bytes per 60-character text message (DESIGN.md budget)', async () => {
    const { services, folder } = await startServices();
    const path = join(folder, 'sapa.db');
    const conversations = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const session = await services.sessions.start('demo', undefined);
        const visitor = await services.sessions.authenticate(session.token);
        const { conversation } = await services.conversations.create(visitor, `size-${index}`);
        return { visitor, conversationId: conversation.id };
      }),
    );
    const before = checkpointedBytes(path);
    const perConversation = 100;
    // Twenty visitors write at once, each a message after the other, as the widget does (a UUID per message).
    await Promise.all(
      conversations.map(async ({ visitor, conversationId }, visitorIndex) => {
        for (let index = 0; index < perConversation; index++) {
          const text = `${visitorIndex}-${index} halo, apakah sepatu ini masih ada ukuran 42?`.padEnd(
            60,
            '.',
          );
          await services.conversations.send(visitor, conversationId, randomUUID(), { type: 'text', text });
        }
      }),
    );
    const messages = conversations.length * perConversation;
    const bytesPerMessage = (checkpointedBytes(path) - before) / messages;
    expect(messages).toBe(2000);
    expect(bytesPerMessage).toBeLessThanOrEqual(600);
  });
});
