import { readFile } from 'node:fs/promises';
import { CHECK_LEVELS, CHECKS, runConformance } from '@sapa/protocol/conformance';
import { type RunningServer, startServer } from '@sapa/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: RunningServer;

beforeAll(async () => {
  // A backend that follows the contract but has no rate limiter at all, like many written against docs/protocol.md.
  server = await startServer({
    port: 0,
    dbPath: ':memory:',
    quiet: true,
    heartbeatMs: 200,
    rateLimit: false,
  });
});
afterAll(async () => {
  await server.close();
});

describe('must and should', () => {
  it('a backend without a rate limiter passes with one warning', async () => {
    const lines: string[] = [];
    const report = await runConformance({
      apiUrl: server.url,
      siteKey: 'demo',
      heartbeatWaitMs: 3000,
      burst: 200,
      log: (line) => lines.push(line),
    });
    const total = Object.keys(CHECKS).length;
    expect(report).toMatchObject({ passed: total - 1, failed: 0, warnings: 1 });
    expect(report.results.filter((result) => !result.ok)).toEqual([
      { name: CHECKS.rateLimit, level: 'should', ok: false, detail: 'no 429 after 200 requests' },
    ]);
    expect(lines).toContain(`⚠ ${CHECKS.rateLimit} — no 429 after 200 requests`);
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([]);
    expect(lines.at(-1)).toBe(`${total - 1} passed, 0 failed, 1 warning`);
  }, 60_000);

  it('every check has a level; only operations are should', () => {
    expect(Object.keys(CHECK_LEVELS)).toEqual(Object.values(CHECKS));
    expect(Object.entries(CHECK_LEVELS).filter(([, level]) => level === 'should')).toEqual([
      [CHECKS.rateLimit, 'should'],
    ]);
  });

  it('docs/protocol.md gives every check with its level', async () => {
    const docs = await readFile(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    const table = Object.fromEntries(
      [...docs.matchAll(/^\| ([^|`]+?) \| \*\*(must|should)\*\* \|/gm)].map((row) => [row[1], row[2]]),
    );
    expect(table).toEqual(CHECK_LEVELS);
  });
});
