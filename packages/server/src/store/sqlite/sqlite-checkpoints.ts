import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Longest wait for the worker to catch up before writing goes on anyway (it is stuck or gone). */
const CATCH_UP_TIMEOUT_MS = 2_000;

/**
 * The worker's code, run with `eval` so that it needs no file of its own (the server runs from `src/` in
 * tests and from `dist/` in production). It opens its own connection and checkpoints PASSIVE on a timer and
 * when asked: PASSIVE never waits for the writer nor makes it wait, and the file system syncs it needs happen
 * here, off the event loop. It reports the WAL's length (in frames) after each checkpoint.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const database = new Database(workerData.path);
const checkpoint = () => {
  try {
    return database.pragma('wal_checkpoint(PASSIVE)')[0].log;
  } catch {
    // A busy or failing checkpoint is tried again on the next tick; the WAL only grows meanwhile.
    return -1;
  }
};
const timer = setInterval(() => parentPort.postMessage({ type: 'checkpointed', frames: checkpoint() }), workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'catch-up') {
    parentPort.postMessage({ type: 'caught-up', frames: checkpoint() });
    return;
  }
  clearInterval(timer);
  database.close();
  parentPort.close();
});
`;

/** When the checkpointer works; every field has a default. */
export interface CheckpointOptions {
  /** Commits after which the worker starts. Default 100. */
  startAfterCommits?: number;
  /** How often it copies the WAL back into the database file. Default 250 ms. */
  intervalMs?: number;
  /** WAL frames (pages) after which the WAL is started over from its beginning. Default 65,536 (256 MiB). */
  restartAfterFrames?: number;
}

interface WorkerThread {
  thread: Worker;
  exited: Promise<void>;
  caughtUp: Array<() => void>;
}

/**
 * WAL checkpoints off the event loop (issue 14). SQLite's automatic checkpoint runs inside a `COMMIT`, on the
 * thread that commits, and syncs the database file there: a pause of the whole server every thousand pages.
 * The server's connection turns it off (`wal_autocheckpoint = 0`) and this worker thread checkpoints instead,
 * with a connection of its own. It starts only once the server has written enough to need it
 * (`startAfterCommits`), so short-lived servers (tests, tools) never pay for a thread.
 *
 * SQLite starts the WAL over from its beginning only when a write begins while every frame has been copied
 * back, which never happens while commits follow each other without a pause: the WAL would grow without end.
 * So once it is past 256 MiB, `onLongWal` asks the connection for a pause between two commits, during which
 * `catchUp` lets the worker copy the rest; the next write then starts the WAL over, and the commit after it
 * cuts the file back to `journal_size_limit`.
 */
export class SqliteCheckpoints {
  private worker: WorkerThread | undefined;
  private commits = 0;
  private stopped = false;
  private longWalListener: (() => void) | undefined;

  private readonly startAfterCommits: number;
  private readonly intervalMs: number;
  private readonly restartAfterFrames: number;

  constructor(
    private readonly path: string,
    options: CheckpointOptions = {},
  ) {
    this.startAfterCommits = options.startAfterCommits ?? 100;
    this.intervalMs = options.intervalMs ?? 250;
    // Each start-over pauses writing for a catch-up checkpoint (two file syncs, 20-80 ms on a busy machine):
    // rare enough at 256 MiB (every few seconds at full load) to stay out of the 99th percentile.
    this.restartAfterFrames = options.restartAfterFrames ?? 65_536;
  }

  /** Calls `listener` whenever a checkpoint finds the WAL longer than `restartAfterFrames`. */
  onLongWal(listener: () => void): void {
    this.longWalListener = listener;
  }

  /** Counts a commit; the worker starts on the `startAfterCommits`-th. */
  committed(): void {
    if (this.worker || this.stopped || ++this.commits < this.startAfterCommits) return;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const thread = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, path: this.path, intervalMs: this.intervalMs },
    });
    const worker: WorkerThread = {
      thread,
      exited: new Promise((resolve) => thread.once('exit', () => resolve())),
      caughtUp: [],
    };
    thread.on('message', (message: { type: string; frames: number }) => {
      if (message.type === 'caught-up') for (const done of worker.caughtUp.splice(0)) done();
      else if (message.frames > this.restartAfterFrames) this.longWalListener?.();
    });
    // Checkpoints are an optimisation: a worker that cannot run leaves them to the close of the database.
    thread.on('error', () => {});
    void worker.exited.then(() => {
      for (const done of worker.caughtUp.splice(0)) done();
    });
    thread.unref();
    this.worker = worker;
  }

  /** Has the worker copy every frame written so far; call it while nothing is being written. */
  catchUp(): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    return new Promise((resolve) => {
      const timeout = setTimeout(resolve, CATCH_UP_TIMEOUT_MS);
      worker.caughtUp.push(() => {
        clearTimeout(timeout);
        resolve();
      });
      worker.thread.postMessage('catch-up');
    });
  }

  /** Ends the worker and closes its connection, so the server's own close can checkpoint and remove the WAL. */
  async stop(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    // The thread is unref'd so that it never keeps a server's process alive; while the server waits for it to
    // stop, it must, or a program awaiting `close()` with nothing else pending exits before the database closes.
    worker.thread.ref();
    worker.thread.postMessage('stop');
    await worker.exited;
  }
}
