import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the checkpointer copies the WAL back into the database file. */
const CHECKPOINT_INTERVAL_MS = 250;

/**
 * The worker's code, run with `eval` so that it needs no file of its own (the server runs from `src/` in
 * tests and from `dist/` in production). It opens its own connection and checkpoints PASSIVE on a timer:
 * PASSIVE never waits for the writer nor makes it wait, and the file system syncs it needs happen here,
 * off the event loop.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.path);
const timer = setInterval(() => {
  try {
    database.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // A busy or failing checkpoint is tried again on the next tick; the WAL only grows meanwhile.
  }
}, workerData.intervalMs);
parentPort.once('message', () => {
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/**
 * WAL checkpoints off the event loop (issue 14). SQLite's automatic checkpoint runs inside a `COMMIT`, on the
 * thread that commits, and syncs the database file there: a pause of the whole server every thousand pages.
 * The server's connection turns it off (`wal_autocheckpoint = 0`) and this worker thread checkpoints instead,
 * with a connection of its own. It starts only once the server has written enough to need it
 * (`startAfterCommits`), so short-lived servers (tests, tools) never pay for a thread.
 */
export class SqliteCheckpoints {
  private worker: { thread: Worker; exited: Promise<void> } | undefined;
  private commits = 0;
  private stopped = false;

  constructor(
    private readonly path: string,
    private readonly startAfterCommits = 100,
  ) {}

  /** Counts a commit; the worker starts on the `startAfterCommits`-th. */
  committed(): void {
    if (this.worker || this.stopped || ++this.commits < this.startAfterCommits) return;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const thread = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, path: this.path, intervalMs: CHECKPOINT_INTERVAL_MS },
    });
    // Checkpoints are an optimisation: a worker that cannot run leaves them to the close of the database.
    thread.on('error', () => {});
    thread.unref();
    this.worker = { thread, exited: new Promise((resolve) => thread.once('exit', () => resolve())) };
  }

  /** Ends the worker and closes its connection, so the server's own close can checkpoint and remove the WAL. */
  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    worker.thread.postMessage('stop');
    await worker.exited;
  }
}
