import { CHECKS, runConformance } from '@sapa/protocol/conformance';
import { type RunningServer, startServer } from '@sapa/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres } from '../../server/test/postgres-test-database.js';

let server: RunningServer;
let dropDatabase: (() => Promise<void>) | undefined;

// In the server-postgres project, the reference server runs on a fresh PostgreSQL database; here, in memory.
beforeAll(async () => {
  const database = onPostgres() ? await createTestDatabase() : undefined;
  dropDatabase = database?.drop;
  server = await startServer({
    port: 0,
    ...(database ? { databaseUrl: database.url } : { dbPath: ':memory:' }),
    quiet: true,
    heartbeatMs: 300,
  });
});
afterAll(async () => {
  await server.close();
  await dropDatabase?.();
});

describe('the conformance kit against the reference server', () => {
  it('passes every check and prints one line per check and the summary', async () => {
    expect(server.stats().store).toBe(onPostgres() ? 'postgres' : 'sqlite');
    const lines: string[] = [];
    const report = await runConformance({
      apiUrl: server.url,
      siteKey: 'demo',
      heartbeatWaitMs: 3000,
      log: (line) => lines.push(line),
    });
    const failures = report.results.filter((result) => !result.ok);
    expect(failures).toEqual([]);
    expect(report.results.map((result) => result.name)).toEqual(Object.values(CHECKS));
    expect(report).toMatchObject({ passed: Object.keys(CHECKS).length, failed: 0, warnings: 0 });
    expect(lines.slice(0, -1)).toEqual(Object.values(CHECKS).map((name) => `✓ ${name}`));
    expect(lines.at(-1)).toBe(`${Object.keys(CHECKS).length} passed, 0 failed, 0 warnings`);
  }, 60_000);
});
