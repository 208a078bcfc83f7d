import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServices } from './service-fixture.js';

describe('WAL checkpoints', () => {
  it('copy the WAL into the database file off the event loop while the server writes', async () => {
    const { services, folder, visitor, conversationId } = await startServices();
    const path = join(folder, 'sapa.db');
    // The server's own commits never checkpoint (SQLite's automatic checkpoint is off on its connection), so
    // until the worker thread starts, everything written stays in the WAL.
    const before = statSync(path).size;
    for (let index = 0; index < 150; index++) {
      await services.conversations.send(visitor, conversationId, `m${index}`, {
        type: 'text',
        text: `pesan ${index}`.padEnd(200, '.'),
      });
    }
    // The worker starts after 100 commits and checkpoints every 250 ms.
    await expect.poll(() => statSync(path).size, { timeout: 10_000, interval: 100 }).toBeGreaterThan(before);
  });

  it('start the WAL over once it is long, so it stays bounded under writes that never pause', async () => {
    const { services, folder } = await startServices(undefined, {
      checkpoints: { startAfterCommits: 1, intervalMs: 20, restartAfterFrames: 100 },
    });
    const wal = join(folder, 'sapa.db-wal');
    const visitors = await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const session = await services.sessions.start('demo', undefined);
        const visitor = await services.sessions.authenticate(session.token);
        const { conversation } = await services.conversations.create(visitor, `wal-${index}`);
        return { visitor, conversationId: conversation.id };
      }),
    );
    // The worker is running once the database file has grown by a checkpoint.
    const before = statSync(join(folder, 'sapa.db')).size;
    await expect
      .poll(
        async () => {
          const { visitor, conversationId } = visitors[0] as (typeof visitors)[number];
          await services.conversations.send(visitor, conversationId, `warm-${Date.now()}`, {
            type: 'text',
            text: 'warm',
          });
          return statSync(join(folder, 'sapa.db')).size;
        },
        { timeout: 10_000, interval: 20 },
      )
      .toBeGreaterThan(before);
    let largest = 0;
    // Twenty writers at once for 2,400 messages (some 20 MB of WAL without restarts), never a turn without a commit.
    await Promise.all(
      visitors.map(async ({ visitor, conversationId }) => {
        for (let index = 0; index < 120; index++) {
          await services.conversations.send(visitor, conversationId, `m${index}`, {
            type: 'text',
            text: `pesan ${index}`.padEnd(400, '.'),
          });
          largest = Math.max(largest, statSync(wal).size);
        }
      }),
    );
    // Restarted after 100 frames (400 KiB), the file holds a few restarts' worth at most; a busy machine that holds
    // the worker up has taken it past 6 MiB. Without restarts it reaches some 20 MB: half of that is the bound.
    expect(largest).toBeLessThan(10 * 1024 * 1024);
  });
});
