import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CHECKS } from '@sapa/protocol/conformance';
import { startServer } from '@sapa/server';
import { afterEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const serverBin = `${root}packages/server/dist/bin/sapa-server.js`;
const conformanceBin = `${root}packages/protocol/dist/bin/sapa-conformance.js`;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

function requireBuilt(path: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before these tests.`);
}

/** Starts the built `sapa-server` on a free port and resolves its URL from the start-up line. */
function startServerProcess(): Promise<string> {
  const child = spawn(
    process.execPath,
    [serverBin, '--port', '0', '--db', ':memory:', '--demo', '--heartbeat-ms', '300'],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const url = /Started in \d+ ms \((http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    child.on('exit', (code) =>
      reject(new Error(`sapa-server ended with ${code} before it started:\n${output}`)),
    );
  });
}

/** Runs the built `sapa-conformance` and collects its output and exit code. */
function runConformanceProcess(args: string[]): Promise<{ code: number | null; lines: string[] }> {
  const child = spawn(process.execPath, [conformanceBin, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, lines: output.trimEnd().split('\n') }));
  });
}

describe('the sapa-conformance bin', () => {
  it('passes against a running sapa-server process and exits 0', async () => {
    requireBuilt(serverBin);
    requireBuilt(conformanceBin);
    const url = await startServerProcess();
    const { code, lines } = await runConformanceProcess([
      url,
      '--site-key',
      'demo',
      '--heartbeat-wait',
      '3000',
    ]);
    expect(lines.filter((line) => line.startsWith('✗'))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed, 0 warnings$/);
    expect(lines.filter((line) => line.startsWith('✓ ')).length).toBe(Number(lines.at(-1)?.split(' ')[0]));
    expect(code).toBe(0);
  }, 60_000);

  it('exits 1 and names the failed checks when the backend is wrong', async () => {
    requireBuilt(conformanceBin);
    const url = await startServerProcess();
    // The demo site does not exist under this key, so nothing after the session works.
    const { code, lines } = await runConformanceProcess([
      url,
      '--site-key',
      'no-such-site',
      '--skip-rate-limit',
      '--timeout',
      '2000',
    ]);
    expect(lines[0]).toMatch(
      /^✗ session: create answers 201 with a Session — POST \/v1\/sessions answered 4\d\d/,
    );
    expect(lines.at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed, \d+ warnings?$/);
    expect(code).toBe(1);
  }, 60_000);

  it('prints the three counts and exits 0 when only should checks failed', async () => {
    requireBuilt(conformanceBin);
    // A backend that follows the contract without any rate limiter: the 429 check is a warning, not a failure.
    const server = await startServer({
      port: 0,
      dbPath: ':memory:',
      quiet: true,
      heartbeatMs: 300,
      rateLimit: false,
    });
    try {
      const { code, lines } = await runConformanceProcess([
        server.url,
        '--site-key',
        'demo',
        '--heartbeat-wait',
        '3000',
        '--burst',
        '200',
      ]);
      expect(lines.filter((line) => line.startsWith('✗'))).toEqual([]);
      expect(lines.filter((line) => line.startsWith('⚠'))).toEqual([
        `⚠ ${CHECKS.rateLimit} — no 429 after 200 requests`,
      ]);
      expect(lines.at(-1)).toBe(`${Object.keys(CHECKS).length - 1} passed, 0 failed, 1 warning`);
      expect(code).toBe(0);
    } finally {
      await server.close();
    }
  }, 60_000);

  it('exits 2 with the usage text without a site key', async () => {
    requireBuilt(conformanceBin);
    const { code, lines } = await runConformanceProcess(['http://127.0.0.1:9']);
    expect(lines[0]).toBe("Give the backend's URL and --site-key.");
    expect(lines).toContain('Usage: sapa-conformance <apiUrl> --site-key <key> [options]');
    expect(code).toBe(2);
  });
});
