// Over 300 lines: the lock, the shared commit and how a call settles belong together; each part needs the others.
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../../database.js';

/** A prepared better-sqlite3 statement. */
export type Statement = Database.Statement<unknown[]>;

/**
 * Runs a group of statements (synchronously, as better-sqlite3 does) and hands back their result as a
 * Promise. Repositories get one bound to the store (waits while a transaction is open) or to a transaction.
 */
export type Runner = <T>(statements: () => T) => Promise<T>;

/** The calls that ran inside one SQLite transaction, settled together when it commits. */
interface Batch {
  readonly settle: Array<{ commit: () => void; fail: (error: unknown) => void }>;
}

/** How a call ended, before it settles. */
type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** What the connection is running right now. */
type Running = 'nothing' | 'direct' | 'direct-writing' | 'transaction';

/**
 * The one SQLite connection, shared by every repository: prepared statements, the lock that makes
 * asynchronous transactions correct on it, and commits shared by everything that ran in one turn of the
 * event loop.
 *
 * better-sqlite3 is synchronous, but the store's contract is asynchronous (so PostgreSQL fits behind it), and
 * a transaction's work may await between statements. While a transaction is open, nothing else may run on
 * the connection, or it would read uncommitted rows or write into someone else's transaction. So the
 * connection has a lock: a transaction holds it while its work runs; calls outside it run at once when it
 * is free (no queue, no extra tick) and otherwise wait their turn, first come, first served.
 *
 * A commit costs more than the statements of a chat message together (every page it changed is written to
 * the WAL), so commits are shared (issue 14): the first transaction or write of a turn opens an SQLite
 * transaction (`BEGIN IMMEDIATE`), everything after it in the same turn runs inside it, each transaction in a
 * savepoint of its own (rolled back alone when it fails), and one `COMMIT` ends it when the turn is over
 * (`setImmediate`). A call that ran inside it settles only after that commit, in order: what a caller is
 * told is stored is on disk, what it read was committed, and live events leave in commit order.
 */
export class SqliteConnection {
  // Preparing a statement costs more than running it; every statement text is prepared once.
  private readonly statements = new Map<string, Statement>();
  private locked = false;
  private closed = false;
  private running: Running = 'nothing';
  private readonly waiting: Array<() => void> = [];
  private batch: Batch | undefined;
  /** The turn ended while a transaction held the lock: commit as soon as it lets go. */
  private commitWanted = false;
  private readonly rollbackListeners: Array<() => void> = [];
  private readonly commitListeners: Array<() => void> = [];
  private readonly beforeCommitListeners: Array<() => void> = [];

  constructor(
    private readonly database: SqliteDatabase,
    /** The server's clock (injectable, so tests move time instead of waiting). */
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The current time as stored in every `*_at` column. */
  now(): string {
    return this.clock().toISOString();
  }

  /** The prepared statement of a SQL text (prepared on first use). */
  sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.database.prepare(text);
      this.statements.set(text, statement);
    }
    // A write outside a transaction joins the shared commit, in a savepoint so the call stays atomic.
    if (this.running === 'direct' && !statement.readonly) {
      this.beginBatch();
      this.control('SAVEPOINT direct_call');
      this.running = 'direct-writing';
    }
    return statement;
  }

  /** Called after every rollback of changes (a failed transaction or commit): caches of rows forget them. */
  onRollback(listener: () => void): void {
    this.rollbackListeners.push(listener);
  }

  /** Called inside the shared transaction right before it commits: last writes that belong to all of it. */
  onBeforeCommit(listener: () => void): void {
    this.beforeCommitListeners.push(listener);
  }

  /** Called after every commit. */
  onCommit(listener: () => void): void {
    this.commitListeners.push(listener);
  }

  /** Runs statements outside any transaction, waiting while one is open. */
  readonly direct: Runner = (statements) => {
    if (this.closed) return Promise.reject(new Error('The database is closed.'));
    if (!this.locked) return this.runDirect(statements);
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        if (this.closed) reject(new Error('The database is closed.'));
        else this.runDirect(statements).then(resolve, reject);
      });
    });
  };

  /**
   * Runs `work` as one transaction while holding the lock: a savepoint inside the turn's shared SQLite
   * transaction, released when `work` resolves and rolled back when it throws. `work` gets a runner for its
   * statements, valid until it ends, and a list of callbacks to run right after the commit, before any later
   * transaction's. Settles once the shared transaction has committed.
   */
  async transaction<T>(work: (run: Runner, afterCommit: Array<() => void>) => Promise<T>): Promise<T> {
    const turn = this.acquire();
    if (turn) await turn;
    let open = true;
    const run: Runner = (statements) =>
      open
        ? settleNow(statements)
        : Promise.reject(new Error('The transaction has ended; run its statements inside its callback.'));
    const afterCommit: Array<() => void> = [];
    let outcome: Outcome<T>;
    try {
      if (this.closed) throw new Error('The database is closed.');
      this.beginBatch();
      this.running = 'transaction';
      this.control('SAVEPOINT transaction_work');
      try {
        outcome = { ok: true, value: await work(run, afterCommit) };
        this.control('RELEASE transaction_work');
      } catch (error) {
        outcome = { ok: false, error };
        this.undo('transaction_work');
      }
    } catch (error) {
      outcome = { ok: false, error };
    }
    open = false;
    this.running = 'nothing';
    // Queued before the lock is released: releasing it may commit at once (the turn ended meanwhile).
    const settled = this.settleAfterCommit(outcome, afterCommit);
    this.release();
    return settled;
  }

  /**
   * Runs `work` while nothing is written: waits for a running transaction, commits what is pending, and holds
   * the lock until `work` settles, so transactions and calls wait meanwhile.
   */
  async betweenCommits(work: () => Promise<void>): Promise<void> {
    const turn = this.acquire();
    if (turn) await turn;
    try {
      this.commit();
      await work();
    } finally {
      this.release();
    }
  }

  /** Waits for a running transaction, commits what is pending, then closes the database; later calls fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    const turn = this.acquire();
    if (turn) await turn;
    this.closed = true;
    this.commit();
    this.database.close();
    this.release();
  }

  private runDirect<T>(statements: () => T): Promise<T> {
    this.running = 'direct';
    let outcome: Outcome<T>;
    try {
      outcome = { ok: true, value: statements() };
      if (this.directCallWrote()) this.control('RELEASE direct_call');
    } catch (error) {
      outcome = { ok: false, error };
      if (this.directCallWrote()) this.undo('direct_call');
    }
    this.running = 'nothing';
    return this.settleAfterCommit(outcome, []);
  }

  /** Whether the direct call running now wrote (and so opened a savepoint); a method, so no narrowing sticks. */
  private directCallWrote(): boolean {
    return this.running === 'direct-writing';
  }

  /**
   * Settles a call that has run: at once when no shared transaction is open (it read only committed rows
   * and wrote nothing), else when that transaction commits, after running `afterCommit`.
   */
  private settleAfterCommit<T>(outcome: Outcome<T>, afterCommit: Array<() => void>): Promise<T> {
    const batch = this.batch;
    if (!batch) return outcome.ok ? Promise.resolve(outcome.value) : Promise.reject(outcome.error);
    return new Promise<T>((resolve, reject) => {
      batch.settle.push({
        commit: () => {
          if (!outcome.ok) return reject(outcome.error);
          try {
            runAll(afterCommit);
            resolve(outcome.value);
          } catch (error) {
            reject(error);
          }
        },
        // A call that failed by itself reports its own error; one that worked, the commit's.
        fail: (error) => reject(outcome.ok ? error : outcome.error),
      });
    });
  }

  /** The turn's shared SQLite transaction, opened (and its commit scheduled) if there is none yet. */
  private beginBatch(): Batch {
    if (this.batch) return this.batch;
    this.control('BEGIN IMMEDIATE');
    const batch: Batch = { settle: [] };
    this.batch = batch;
    setImmediate(() => {
      if (this.batch !== batch) return;
      if (this.locked) this.commitWanted = true;
      else this.commit();
    });
    return batch;
  }

  /** Commits the shared transaction and settles every call that ran in it, in order. */
  private commit(): void {
    const batch = this.batch;
    this.commitWanted = false;
    if (!batch) return;
    this.batch = undefined;
    try {
      this.notify(this.beforeCommitListeners);
      this.control('COMMIT');
    } catch (error) {
      if (this.database.inTransaction) this.control('ROLLBACK');
      this.notify(this.rollbackListeners);
      for (const call of batch.settle) call.fail(error);
      return;
    }
    this.notify(this.commitListeners);
    for (const call of batch.settle) call.commit();
  }

  /**
   * Rolls a failed call back to its savepoint. When SQLite gave up the whole transaction by itself, every
   * call in it fails with the error of the call that made it do so (that call reports its own).
   */
  private undo(savepoint: string): void {
    this.notify(this.rollbackListeners);
    // Some failures (a full disk, an I/O error) make SQLite roll back the whole transaction on its own.
    if (this.database.inTransaction) {
      this.control(`ROLLBACK TO ${savepoint}`);
      this.control(`RELEASE ${savepoint}`);
      return;
    }
    const batch = this.batch;
    this.batch = undefined;
    const error = new Error('The database rolled back a transaction this call was part of.');
    for (const call of batch?.settle ?? []) call.fail(error);
  }

  /** Transaction control statements, prepared once, outside the write detection of `sql`. */
  private control(text: string): void {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.database.prepare(text);
      this.statements.set(text, statement);
    }
    statement.run();
  }

  private notify(listeners: Array<() => void>): void {
    for (const listener of listeners) listener();
  }

  private acquire(): Promise<void> | undefined {
    if (this.closed) return Promise.reject(new Error('The database is closed.'));
    if (!this.locked) {
      this.locked = true;
      return undefined;
    }
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.locked = true;
        resolve();
      });
    });
  }

  private release(): void {
    this.locked = false;
    // The turn ended while the lock was held: its calls have waited long enough.
    if (this.commitWanted) this.commit();
    // Waiting direct calls run right here, in order, until a waiting transaction takes the lock again.
    while (!this.locked && this.waiting.length > 0) this.waiting.shift()?.();
  }
}

function settleNow<T>(statements: () => T): Promise<T> {
  try {
    return Promise.resolve(statements());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Runs every callback even when one throws; then throws the first error (both stores run `afterCommit` so). */
export function runAll(callbacks: Array<() => void>): void {
  let failure: { error: unknown } | undefined;
  for (const callback of callbacks) {
    try {
      callback();
    } catch (error) {
      failure ??= { error };
    }
  }
  if (failure) throw failure.error;
}
