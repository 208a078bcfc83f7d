// The child side of a server process: tells the harness where it listens and answers its memory questions
// over the IPC channel, so the same harness drives sapa-server and the plain-Node baseline.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collectGarbage;

/**
 * A full garbage collection without starting the server with `--expose-gc` (which would change how it runs):
 * the flag is set at run time and `gc` taken from a fresh context, only when memory is measured.
 */
function fullCollection() {
  if (!collectGarbage) {
    setFlagsFromString('--expose-gc');
    collectGarbage = runInNewContext('gc');
  }
  collectGarbage();
  collectGarbage();
}

/**
 * Reports `{ url, agentToken, store }` to the harness, then answers `memory` (heap after a full collection,
 * plus `stats()`) and `stop` (closes, then exits). Exits when the harness goes away.
 */
export function answerHarness({ url, agentToken, store, stats, close }) {
  process.on('message', async (message) => {
    if (message?.type === 'memory') {
      fullCollection();
      // Freed pages go back to the system a moment after the collection.
      await new Promise((resolve) => setTimeout(resolve, 200));
      process.send?.({ type: 'memory', id: message.id, usage: process.memoryUsage(), stats: stats() });
    } else if (message?.type === 'stop') {
      await close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', url, agentToken, store });
}
