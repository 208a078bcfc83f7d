import type Database from 'better-sqlite3';
import type { SqliteDatabase } from '../../database.js';

/** A prepared better-sqlite3 statement. */
export type Statement = Database.Statement<unknown[]>;

/**
 * Runs a group of statements (synchronously, as better-sqlite3 does) and hands back their result as a
 * Promise. Repositories get one bound to the store (waits while a transaction is open) or to a transaction.
 */
export type Runner = <T>(statements: () => T) => Promise<T>;

function settle<T>(statements: () => T): Promise<T> {
  try {
    return Promise.resolve(statements());
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The one SQLite connection, shared by every repository: prepared statements, and the lock that makes
 * asynchronous transactions correct on it.
 *
 * better-sqlite3 is synchronous, but the store's contract is asynchronous (so PostgreSQL fits behind it), and
 * a transaction's work may await between statements. While a transaction is open, nothing else may run on
 * the connection, or it would read uncommitted rows or write into someone else's transaction. So the
 * connection has a lock: a transaction holds it from `BEGIN IMMEDIATE` to `COMMIT`/`ROLLBACK`; calls outside
 * it run at once when it is free (no queue, no extra tick) and otherwise wait their turn, first come, first
 * served.
 */
export class SqliteConnection {
  // Preparing a statement costs more than running it; every statement text is prepared once.
  private readonly statements = new Map<string, Statement>();
  private locked = false;
  private closed = false;
  private readonly waiting: Array<() => void> = [];

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
    return statement;
  }

  /** Runs statements outside any transaction, waiting while one is open. */
  readonly direct: Runner = (statements) => {
    if (this.closed) return Promise.reject(new Error('The database is closed.'));
    if (!this.locked) return settle(statements);
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        if (this.closed) reject(new Error('The database is closed.'));
        else settle(statements).then(resolve, reject);
      });
    });
  };

  /**
   * Runs `work` between `BEGIN IMMEDIATE` and `COMMIT` (or `ROLLBACK` when it throws) while holding the
   * lock. `work` gets a runner for its statements, valid until the transaction ends, and a list of callbacks
   * to run after the commit and before the lock is released.
   */
  async transaction<T>(work: (run: Runner, afterCommit: Array<() => void>) => Promise<T>): Promise<T> {
    const turn = this.acquire();
    if (turn) await turn;
    let open = true;
    const run: Runner = (statements) =>
      open
        ? settle(statements)
        : Promise.reject(new Error('The transaction has ended; run its statements inside its callback.'));
    const afterCommit: Array<() => void> = [];
    try {
      if (this.closed) throw new Error('The database is closed.');
      this.sql('BEGIN IMMEDIATE').run();
      let result: T;
      try {
        result = await work(run, afterCommit);
      } catch (error) {
        open = false;
        // Some failures (a full disk, an I/O error) make SQLite roll back on its own.
        if (this.database.inTransaction) this.sql('ROLLBACK').run();
        throw error;
      }
      open = false;
      try {
        this.sql('COMMIT').run();
      } catch (error) {
        if (this.database.inTransaction) this.sql('ROLLBACK').run();
        throw error;
      }
      runAll(afterCommit);
      return result;
    } finally {
      open = false;
      this.release();
    }
  }

  /** Waits for a running transaction, then closes the database; later calls fail. */
  async close(): Promise<void> {
    if (this.closed) return;
    const turn = this.acquire();
    if (turn) await turn;
    this.closed = true;
    this.database.close();
    this.release();
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
    // Waiting direct calls run right here, in order, until a waiting transaction takes the lock again.
    while (!this.locked && this.waiting.length > 0) this.waiting.shift()?.();
  }
}

/** Runs every callback even when one throws; then throws the first error. */
function runAll(callbacks: Array<() => void>): void {
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
