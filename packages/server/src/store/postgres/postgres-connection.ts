import pg from 'pg';
import { runAll } from '../sqlite/sqlite-connection.js';

/**
 * Runs statements on PostgreSQL for a repository: on the pool (each call on its own) or on one transaction's
 * client. Statements are prepared once per connection (named by their text).
 */
export interface PostgresRunner {
  /** Every row a statement answered. */
  rows<T>(text: string, values?: unknown[]): Promise<T[]>;
  /** The first row a statement answered, if any. */
  row<T>(text: string, values?: unknown[]): Promise<T | undefined>;
  /** Runs a statement; returns how many rows it changed. */
  run(text: string, values?: unknown[]): Promise<number>;
  /**
   * Runs `work` atomically: in a transaction of its own on the pool, or as part of the open one. Locks taken
   * in it (`FOR UPDATE`, `pg_advisory_xact_lock`) are held until that transaction ends.
   */
  atomic<T>(work: (runner: PostgresRunner) => Promise<T>): Promise<T>;
  /**
   * In a transaction, waits for and takes an advisory lock (two-key form: `namespace`, a hash of `key`) held
   * until the transaction ends; outside one, does nothing. What SQLite gets from running one transaction at a
   * time, taken where a check and the write it guards must not interleave with another transaction's.
   */
  lockInTransaction(namespace: number, key: string): Promise<void>;
}

/**
 * A seq from a request, within PostgreSQL's `integer` (seqs are stored as such): a larger one asks for more than
 * any conversation holds, and would otherwise fail the statement.
 */
export function seqParameter(seq: number): number {
  return Math.min(seq, 2_147_483_647);
}

/**
 * PostgreSQL's text cannot hold NUL (U+0000), which SQLite stores and a visitor may send: it is stored as U+FFFD,
 * the replacement character, in every text and in what is looked up by them alike (a client id with a NUL still
 * finds its row). Strings written as JSON are not affected: JSON escapes NUL.
 */
function storable(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\0') ? value.replaceAll('\0', '\uFFFD') : value;
  if (Array.isArray(value)) return value.map(storable);
  return value;
}

/** The first keys of this store's advisory locks (two-key form), one per kind of lock. */
export const LOCKS = {
  migrations: 0x5a9a,
  visitorEvents: 0x5a9b,
  uploadQuota: 0x5a9c,
  clientMessageId: 0x5a9d,
  clientConversationId: 0x5a9e,
  openConversations: 0x5a9f,
  verifiedUser: 0x5aa0,
  campaignSends: 0x5aa1,
  campaignDay: 0x5aa2,
  feedback: 0x5aa3,
} as const;

/** The 64-bit integers this store reads (cursors, row keys, counts) stay far below 2^53: read them as numbers. */
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/** How a query is sent: a named (prepared) statement, so each connection parses and plans it once. */
type QueryTarget = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

/**
 * The pool of connections to one PostgreSQL database, shared by every repository of a store, with the
 * server's clock. Each call outside a transaction takes any free connection; a transaction keeps one from
 * `BEGIN` to `COMMIT` (or `ROLLBACK`).
 */
export class PostgresConnection {
  readonly pool: pg.Pool;
  /** Runs statements outside any transaction, each on any free connection. */
  readonly direct: PostgresRunner;
  private readonly names = new Map<string, string>();

  constructor(
    url: string,
    /** The server's clock (injectable, so tests move time instead of waiting). */
    private readonly clock: () => Date = () => new Date(),
    /** Connections at most (default 10). */
    max = 10,
  ) {
    this.pool = new pg.Pool({ connectionString: url, max, types });
    // An idle connection that breaks (the server restarted) is dropped by the pool; without a listener the
    // error would end the process.
    this.pool.on('error', () => {});
    this.direct = this.runner(this.pool, (work) => this.transaction((runner) => work(runner)), false);
  }

  /** The current time as stored in every `*_at` column. */
  now(): string {
    return this.clock().toISOString();
  }

  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws.
   * `afterCommit` callbacks run right after the commit, in order, and never after a rollback.
   */
  async transaction<T>(
    work: (runner: PostgresRunner, afterCommit: Array<() => void>) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    let open = true;
    const afterCommit: Array<() => void> = [];
    const bound = this.runner(
      {
        query: ((config: pg.QueryConfig) => {
          if (!open)
            return Promise.reject(
              new Error('The transaction has ended; run its statements inside its callback.'),
            );
          return client.query(config);
        }) as pg.PoolClient['query'],
      },
      (inner) => inner(bound),
      true,
    );
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      let value: T;
      try {
        value = await work(bound, afterCommit);
      } catch (error) {
        open = false;
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      }
      open = false;
      await client.query('COMMIT');
      runAll(afterCommit);
      return value;
    } catch (error) {
      // A failed BEGIN or COMMIT: the connection may be unusable; the pool replaces it.
      if (open) broken = error as Error;
      throw error;
    } finally {
      open = false;
      client.release(broken);
    }
  }

  /** Waits for the connections in use to be given back, then closes them all. */
  close(): Promise<void> {
    return this.pool.end();
  }

  private runner(
    target: QueryTarget,
    atomic: PostgresRunner['atomic'],
    inTransaction: boolean,
  ): PostgresRunner {
    const query = async <T>(text: string, values: unknown[] = []) =>
      (await target.query({
        name: this.nameOf(text),
        text,
        values: values.map(storable),
      } as pg.QueryConfig)) as pg.QueryResult<T & pg.QueryResultRow>;
    const run = async (text: string, values?: unknown[]) => (await query(text, values)).rowCount ?? 0;
    return {
      rows: async <T>(text: string, values?: unknown[]) => (await query<T>(text, values)).rows as T[],
      row: async <T>(text: string, values?: unknown[]) =>
        (await query<T>(text, values)).rows[0] as T | undefined,
      run,
      atomic,
      lockInTransaction: async (namespace, key) => {
        if (inTransaction) await run('SELECT pg_advisory_xact_lock($1, hashtext($2))', [namespace, key]);
      },
    };
  }

  /** A statement's name: the same on every connection, one per text. */
  private nameOf(text: string): string {
    let name = this.names.get(text);
    if (name === undefined) {
      name = `sapa_${this.names.size + 1}`;
      this.names.set(text, name);
    }
    return name;
  }
}
