/**
 * Issue 13, item 4: named agents with tokens of their own (stored hashed, revocable), failed sign-ins limited per
 * address, the token only in the Authorization header, an operator-set token never printed, and the author of a
 * reply named by the account.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli.js';
import type { RunningServer } from '../src/index.js';
import {
  call,
  databaseFlag,
  readDatabase,
  StreamReader,
  startTestServer,
  visitorWithConversation,
} from './helpers.js';

const QUIET_SITE = { siteKey: 'demo', name: 'Quiet', bot: false };

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

describe('named agents', () => {
  it('sign in with their own token, answer under their own name, and are revoked at once (their stream too)', async () => {
    const server = await startTestServer({ sites: [QUIET_SITE], heartbeatMs: 50 });
    const rina = await server.agents.add('Rina');
    expect(rina.token).toMatch(/^sapa_agent_[\w-]{40,}$/);
    expect((await call(server, 'GET', '/agent/v1/me', undefined, rina.token)).body).toEqual({
      id: rina.agent.id,
      name: 'Rina',
      operator: false,
    });
    expect((await call(server, 'GET', '/agent/v1/me', undefined, 'agent-secret')).body).toEqual({
      id: 'operator',
      operator: true,
    });
    await expect(server.agents.add('rina')).rejects.toThrow('An agent named "rina" exists already.');
    await expect(server.agents.add('Admin\u202E')).rejects.toThrow(/bidirectional/);
    expect((await server.agents.list()).map((agent) => agent.name)).toEqual(['Rina']);

    const { conversationId } = await visitorWithConversation(server);
    const reply = await call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/messages`,
      { type: 'text', text: 'Halo', agentName: 'Manajer Toko' },
      rina.token,
    );
    expect(reply.body.author).toEqual({ role: 'agent', id: rina.agent.id, name: 'Rina' });

    const stream = await StreamReader.open(`${server.url}/agent/v1/stream`, {
      Authorization: `Bearer ${rina.token}`,
    });
    await stream.next((frame) => frame.comment === 'open');
    expect(await server.agents.remove('RINA')).toBe(true);
    expect((await call(server, 'GET', '/agent/v1/me', undefined, rina.token)).status).toBe(401);
    await expect.poll(() => stream.ended).toBe(true);
    expect(server.stats().agentStreams).toBe(0);
    expect(await server.agents.remove('Rina')).toBe(false);
  });

  it('keeps only a hash of the token in the database', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-agents-'));
    const dbPath = join(folder, 'sapa.db');
    const server = await startTestServer({ dbPath });
    const { token } = await server.agents.add('Dewi');
    const rows = await readDatabase(dbPath, 'SELECT * FROM agents');
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).toContain('Dewi');
  });
});

describe('failed sign-ins', () => {
  it('are limited per address: 10 wrong tokens, then 429 with Retry-After for everything from there', async () => {
    const server = await startTestServer();
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let index = 0; index < 50; index++) {
      const answer = await call(server, 'GET', '/agent/v1/conversations', undefined, `guess-${index}`);
      statuses.push(answer.status);
      if (answer.status === 429) limited ??= answer;
    }
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(40).fill(429)]);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited?.body.detail).toMatch(
      /^Too many failed agent sign-ins from this address; try again in \d+ s\.$/,
    );
    // While blocked, not even a right token is checked: guessing learns nothing.
    expect((await call(server, 'GET', '/agent/v1/conversations', undefined, 'agent-secret')).status).toBe(
      429,
    );
    // Visitors are not affected.
    expect((await call(server, 'POST', '/v1/sessions', { siteKey: 'demo' })).status).toBe(201);
  });

  it('behind a trusted proxy count per forwarded address; without trust, X-Forwarded-For changes nothing', async () => {
    const trusting = await startTestServer({ trustProxy: 1, authFailuresPerMinute: 2 });
    const guess = (server: RunningServer, forwardedFor: string) =>
      call(server, 'GET', '/agent/v1/me', undefined, 'wrong', { 'X-Forwarded-For': forwardedFor });
    expect((await guess(trusting, 'spoofed, 203.0.113.7')).status).toBe(401);
    expect((await guess(trusting, 'other, 203.0.113.7')).status).toBe(401);
    expect((await guess(trusting, '203.0.113.7')).status).toBe(429);
    expect((await guess(trusting, '198.51.100.2')).status).toBe(401);

    const direct = await startTestServer({ authFailuresPerMinute: 2 });
    expect((await guess(direct, '203.0.113.1')).status).toBe(401);
    expect((await guess(direct, '203.0.113.2')).status).toBe(401);
    expect((await guess(direct, '203.0.113.3')).status).toBe(429);
  });
});

describe('sapa-server agents', () => {
  it('adds an agent with a token printed once, lists and removes them, on the database a server uses', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-agents-cli-'));
    // On PostgreSQL, the database standing in for this file: `--database-url` instead of `--db`.
    const flag = await databaseFlag(join(folder, 'sapa.db'));
    const db = join(folder, 'sapa.db');
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    expect(await runCli(['agents', 'add', 'Rina', 'Wulandari', ...flag], {}, print)).toBeUndefined();
    expect(lines[0]).toBe('Added agent Rina Wulandari. Their token (shown only now; keep it secret):');
    const token = lines[1] as string;
    expect(token).toMatch(/^sapa_agent_/);
    const server = await startTestServer({ dbPath: db });
    expect((await call(server, 'GET', '/agent/v1/me', undefined, token)).body.name).toBe('Rina Wulandari');

    lines.length = 0;
    await runCli(['agents', 'list', ...flag], {}, print);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Rina Wulandari\t\(added \d{4}-/);
    expect(lines.join('\n')).not.toContain(token);
    await expect(runCli(['agents', 'add', 'rina wulandari', ...flag], {}, print)).rejects.toThrow(
      'An agent named "rina wulandari" exists already.',
    );
    // Removed while the server runs: the next call is refused.
    await runCli(['agents', 'remove', 'Rina', 'Wulandari', ...flag], {}, print);
    expect((await call(server, 'GET', '/agent/v1/me', undefined, token)).status).toBe(401);
    await expect(runCli(['agents', 'remove', 'Nobody', ...flag], {}, print)).rejects.toThrow(
      'No agent is named "Nobody".',
    );
    await expect(runCli(['agents', 'fire', 'Rina', ...flag], {}, print)).rejects.toThrow(/Unknown command/);
  });

  it('never prints an operator token the operator set; a generated one is printed in the console URL', async () => {
    folder = mkdtempSync(join(tmpdir(), 'sapa-agents-print-'));
    const lines: string[] = [];
    const set = await runCli(
      ['--port', '0', '--db', join(folder, 'set.db')],
      { SAPA_AGENT_TOKEN: 'operator-chose-this-secret' },
      (line) => lines.push(line),
    );
    try {
      expect(lines.join('\n')).not.toContain('operator-chose-this-secret');
      expect(lines[1]).toMatch(
        /^Agent console: http:\/\/localhost:\d+\/console\/ \(sign in with SAPA_AGENT_TOKEN or an agent's token\)$/,
      );
      expect(
        (await call(set as RunningServer, 'GET', '/agent/v1/me', undefined, 'operator-chose-this-secret'))
          .status,
      ).toBe(200);
    } finally {
      await set?.close();
    }
    lines.length = 0;
    const generated = await runCli(['--port', '0', '--db', join(folder, 'generated.db')], {}, (line) =>
      lines.push(line),
    );
    try {
      expect(lines[1]).toBe(
        `Agent console: ${lines[0]?.replace('Sapa demo: ', '')}console/#token=${generated?.agentToken}`,
      );
    } finally {
      await generated?.close();
    }
  });
});
