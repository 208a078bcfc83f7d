import type pg from 'pg';
import type { SweepClaims } from './sweep-claims.js';

/** The first key of the sweeps' advisory locks (two-key form); the second is a hash of the sweep's name. */
const SWEEP_LOCK = 0x5aa1;

/**
 * Sweeps claimed with PostgreSQL advisory locks (issue 14): `pg_try_advisory_lock` on a connection held for the
 * sweep; a node that does not get it skips the round instead of waiting. The lock is the session's, so a node
 * that dies mid-sweep releases it when its connection drops. Everything a sweep does is committed before the
 * lock is released, so the next node to sweep sees it done (a thank-you is never sent twice).
 */
export class PostgresSweepClaims implements SweepClaims {
  constructor(private readonly pool: pg.Pool) {}

  async run<T>(name: string, work: () => Promise<T>, skipped: T): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      const { rows } = await client.query<{ claimed: boolean }>(
        'SELECT pg_try_advisory_lock($1, hashtext($2)) AS claimed',
        [SWEEP_LOCK, name],
      );
      if (!rows[0]?.claimed) return skipped;
      try {
        return await work();
      } finally {
        await client
          .query('SELECT pg_advisory_unlock($1, hashtext($2))', [SWEEP_LOCK, name])
          .catch((error: Error) => {
            // Dropping the connection releases the lock.
            broken = error;
          });
      }
    } finally {
      client.release(broken);
    }
  }
}
