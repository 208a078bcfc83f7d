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
});
