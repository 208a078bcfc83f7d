import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, UsageError } from '../src/cli.js';
import type { RunningServer } from '../src/index.js';
import { call, databaseFlag, newSession } from './helpers.js';
import { onPostgres } from './postgres-test-database.js';

let folder: string;
let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  rmSync(folder, { recursive: true, force: true });
});

async function run(argv: string[], environment: Record<string, string | undefined> = {}) {
  folder = mkdtempSync(join(tmpdir(), 'sapa-cli-'));
  const lines: string[] = [];
  server = await runCli(
    // On PostgreSQL (server-postgres), the database standing in for this file.
    [...(await databaseFlag(join(folder, 'sapa.db'))), ...argv],
    environment,
    (line) => lines.push(line),
    () => 123.4,
  );
  return lines;
}

describe('sapa-server command line', () => {
  it('prints the demo page, the console with a random token when SAPA_AGENT_TOKEN is empty, and the start-up time', async () => {
    const lines = await run(['--port', '0'], { SAPA_AGENT_TOKEN: '' });
    const port = new URL(server?.url ?? '').port;
    expect(lines[0]).toBe(`Sapa demo: http://localhost:${port}/`);
    expect(lines[1]).toMatch(
      new RegExp(`^Agent console: http://localhost:${port}/console/#token=[\\w-]{40,}$`),
    );
    expect(lines[1]?.endsWith(server?.agentToken ?? 'none')).toBe(true);
    expect(lines[2]).toMatch(/^Started in 123 ms /);
    // Where the data is, without the password a database URL may hold.
    expect(lines[2]).toMatch(
      onPostgres()
        ? /, store: PostgreSQL 127\.0\.0\.1:\d+\/sapa_test_\w+\)$/
        : /, store: SQLite \S+sapa\.db\)$/,
    );
    expect(server?.stats().store).toBe(onPostgres() ? 'postgres' : 'sqlite');
  });

  it('takes the port, agent token, identity secret and sites from flags and environment', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-cli-sites-'));
    const sitesFile = join(folder, 'sites.json');
    writeFileSync(
      sitesFile,
      JSON.stringify([{ siteKey: 'toko', name: 'Toko Lain', identityRequired: true }]),
    );
    const lines: string[] = [];
    server = await runCli(
      ['--sites', sitesFile, '--demo', '--db', ':memory:', '--heartbeat-ms', '20'],
      { SAPA_PORT: '0', SAPA_AGENT_TOKEN: 'fixed-token', SAPA_IDENTITY_SECRET: 'rahasia' },
      (line) => lines.push(line),
    );
    expect(server?.agentToken).toBe('fixed-token');
    expect(lines[2]).toContain('sites: toko, demo');
    const running = server as RunningServer;
    const other = await call(running, 'POST', '/v1/sessions', { siteKey: 'toko' });
    const config = await call(running, 'GET', '/v1/config', undefined, other.body.token);
    expect(config.body).toMatchObject({ name: 'Toko Lain', identityRequired: true });
    expect((await newSession(running)).visitorId).toBeTruthy();
  });

  it('emails replies when given an SMTP URL by flag or environment, and refuses one that is not SMTP', async () => {
    const emailReplies = async () => {
      const running = server as RunningServer;
      const session = await newSession(running);
      return (await call(running, 'GET', '/v1/config', undefined, session.token)).body.availability
        .emailReplies;
    };
    await run([
      '--port',
      '0',
      '--smtp-url',
      'smtp://sapa:rahasia@127.0.0.1:2525',
      '--mail-from',
      'halo@toko.example',
    ]);
    expect(await emailReplies()).toBe(true);
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
    await run(['--port', '0'], { SAPA_SMTP_URL: 'smtps://sapa:rahasia@mail.example:465' });
    expect(await emailReplies()).toBe(true);
    await server?.close();
    server = undefined;
    const refused = runCli(
      ['--db', ':memory:', '--port', '0'],
      { SAPA_SMTP_URL: 'https://sapa:rahasia@mail.example' },
      () => {},
    );
    await expect(refused).rejects.toThrow(
      '--smtp-url (or SAPA_SMTP_URL) must start with smtp:// or smtps://.',
    );
    await expect(refused).rejects.not.toThrow('rahasia');
  });

  it('explains bad flags instead of starting', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-cli-bad-'));
    await expect(runCli(['--port', 'eighty'], {}, () => {})).rejects.toThrow(UsageError);
    await expect(runCli(['--colour'], {}, () => {})).rejects.toThrow(/Unknown option '--colour'/);
    // The URL may hold a password: the message names the rule, not the value.
    const refused = runCli(['--database-url', 'mysql://root:hunter2@db/sapa'], {}, () => {});
    await expect(refused).rejects.toThrow(/--database-url .* must start with postgres:\/\//);
    await expect(refused).rejects.not.toThrow(/hunter2/);
    const printed: string[] = [];
    expect(await runCli(['--help'], {}, (line) => printed.push(line))).toBeUndefined();
    expect(printed[0]).toContain('--sites <file>');
  });
});
