import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_SITE } from '@sapa/server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LoadBalancer, startLoadBalancer } from '../scripts/load-balancer.mjs';
import { type PostgresCluster, startPostgresCluster } from '../scripts/postgres-cluster.mjs';
import { launchChromium } from './support/browser.js';

// Two sapa-server processes on one throwaway PostgreSQL, behind the test load balancer (issue 14). The visitor's
// widget is served and connected through the balancer, its stream on node A; the agent console is on node B.
// Node A is killed mid-conversation: the widget resumes on B, and both sides end with every message once.
const root = join(import.meta.dirname, '..');
const bin = join(root, 'packages/server/dist/bin/sapa-server.js');
const AGENT_TOKEN = 'two-nodes-e2e-token';

interface Node {
  url: string;
  process: ChildProcess;
  output: string;
}

/** Starts `sapa-server` on a free port and resolves once it printed its URL. */
function startNode(databaseUrl: string, sitesFile: string): Promise<Node> {
  const child = spawn(
    process.execPath,
    [bin, '--port', '0', '--database-url', databaseUrl, '--sites', sitesFile],
    {
      cwd: root,
      env: { ...process.env, SAPA_AGENT_TOKEN: AGENT_TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const node: Node = { url: '', process: child, output: '' };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sapa-server did not start:\n${node.output}`)), 30_000);
    child.once('exit', (code) => reject(new Error(`sapa-server exited with ${code}:\n${node.output}`)));
    child.stderr?.on('data', (chunk) => {
      node.output += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      node.output += chunk;
      const match = /Agent console: (http:\/\/[^/\s]+)\//.exec(node.output);
      if (match?.[1] && !node.url) {
        clearTimeout(timer);
        node.url = match[1];
        resolve(node);
      }
    });
  });
}

function stopNode(node: Node | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!node || node.process.exitCode !== null || node.process.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    node.process.once('exit', () => resolve());
    node.process.kill(signal);
  });
}

describe('two nodes on one PostgreSQL, behind a load balancer', () => {
  let postgres: PostgresCluster;
  let a: Node;
  let b: Node;
  let balancer: LoadBalancer;
  let browser: Browser;
  let visitorPage: Page;
  let consolePage: Page;
  let folder: string;
  let conversationId: string;

  const widgetLog = () => visitorPage.getByRole('log');
  const composer = () => visitorPage.getByRole('textbox', { name: /^(Message|Pesan)$/ });
  const consoleLog = () => consolePage.getByRole('log');
  const reply = () => consolePage.getByRole('textbox', { name: 'Reply to the visitor' });
  const visitorSays = async (text: string) => {
    await composer().fill(text);
    await composer().press('Enter');
  };
  const agentSays = async (text: string) => {
    await reply().fill(text);
    await reply().press('Enter');
  };
  /** How many times a text shows in a log (exactly that text, in one message). */
  const shown = (page: Page, text: string) => page.getByRole('log').getByText(text, { exact: true }).count();

  beforeAll(async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first.`);
    folder = mkdtempSync(join(tmpdir(), 'sapa-two-nodes-'));
    postgres = await startPostgresCluster({ database: 'sapa', settings: { fsync: 'off' } });
    // The demo site without business hours: with the console open, agents are online at any hour.
    const { businessHours: _hours, ...site } = DEMO_SITE;
    const sitesFile = join(folder, 'sites.json');
    writeFileSync(sitesFile, JSON.stringify([site]));
    a = await startNode(postgres.url, sitesFile);
    b = await startNode(postgres.url, sitesFile);
    // Only A at first, so the page, the session and the stream are on A; B joins the balancer below.
    balancer = await startLoadBalancer({ targets: [a.url], probeMs: 100 });
    browser = await launchChromium();
    visitorPage = await browser.newPage();
    consolePage = await browser.newPage();
    visitorPage.setDefaultTimeout(15_000);
    consolePage.setDefaultTimeout(15_000);
  });

  afterAll(async () => {
    await browser?.close();
    await balancer?.close();
    await stopNode(a);
    await stopNode(b);
    postgres?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('the agent console on node B is live, and the site is staffed for a visitor on node A', async () => {
    await consolePage.goto(`${b.url}/console/#token=${AGENT_TOKEN}`);
    await consolePage.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await visitorPage.goto(`${balancer.url}/examples/script-tag/`);
    await visitorPage.getByRole('button', { name: /^(Open chat|Buka obrolan)$/ }).click();
    await composer().waitFor();
    // Presence across nodes: A answers that agents are online (the console's stream is on B).
    const session = (await (
      await fetch(`${a.url}/v1/sessions`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ siteKey: 'demo' }),
      })
    ).json()) as { token: string };
    await expect
      .poll(async () => {
        const response = await fetch(`${a.url}/v1/config`, {
          headers: { Authorization: `Bearer ${session.token}` },
        });
        return ((await response.json()) as { availability: { online: boolean } }).availability.online;
      })
      .toBe(true);
  });

  test('the visitor writes on node A, the agent answers on node B', async () => {
    await visitorSays('Halo, pesanan TS-2001 saya belum sampai.');
    await widgetLog().getByText('Halo, pesanan TS-2001 saya belum sampai.').waitFor();
    // The widget's event stream is held by A, through the balancer.
    await expect.poll(() => balancer.openAnswers()[new URL(a.url).origin]).toBe(1);
    const row = consolePage
      .getByRole('navigation', { name: 'Conversations' })
      .getByRole('button', { name: /Halo, pesanan TS-2001/ });
    await row.click();
    conversationId = (await row.getAttribute('data-conversation-id')) as string;
    await consoleLog().getByText('Halo, pesanan TS-2001 saya belum sampai.').waitFor();
    await agentSays('Baik Kak, kami cek dulu ya.');
    await widgetLog().getByText('Baik Kak, kami cek dulu ya.').waitFor();
    // From now on, new requests go to A and B in turn.
    balancer.add(b.url);
    await visitorSays('Alamatnya Jalan Melati 5.');
    await consoleLog().getByText('Alamatnya Jalan Melati 5.').waitFor();
  });

  test('node A is killed mid-conversation; the widget resumes on node B with every message once', async () => {
    // The visitor sends and node A dies right after, while the agent answers on B.
    await visitorSays('Nomor HP saya 0812-0000-1111.');
    await stopNode(a, 'SIGKILL');
    await agentSays('Terima kasih, Kak. Paketnya dikirim ulang hari ini.');
    // The widget's stream moves to B through the balancer and replays what it missed.
    await widgetLog().getByText('Terima kasih, Kak. Paketnya dikirim ulang hari ini.').waitFor();
    await expect.poll(() => balancer.openAnswers()[new URL(b.url).origin]).toBeGreaterThanOrEqual(1);
    await visitorSays('Siap, terima kasih!');
    await consoleLog().getByText('Siap, terima kasih!').waitFor();
    await agentSays('Sama-sama, Kak.');
    await widgetLog().getByText('Sama-sama, Kak.').waitFor();

    const texts = [
      'Halo, pesanan TS-2001 saya belum sampai.',
      'Baik Kak, kami cek dulu ya.',
      'Alamatnya Jalan Melati 5.',
      'Nomor HP saya 0812-0000-1111.',
      'Terima kasih, Kak. Paketnya dikirim ulang hari ini.',
      'Siap, terima kasih!',
      'Sama-sama, Kak.',
    ];
    await consoleLog().getByText('Nomor HP saya 0812-0000-1111.').waitFor();
    // In both UIs: each message exactly once (none lost, none twice), the visitor's all sent.
    for (const text of texts) {
      expect(await shown(visitorPage, text), text).toBe(1);
      expect(await shown(consolePage, text), text).toBe(1);
    }
    // Over the REST API (agent API on B): the same seven texts, once each, in order, seqs without a gap.
    const response = await fetch(`${b.url}/agent/v1/conversations/${conversationId}/messages`, {
      headers: { Authorization: `Bearer ${AGENT_TOKEN}` },
    });
    const { messages } = (await response.json()) as { messages: Array<{ text?: string; seq: number }> };
    const stored = messages.map((message) => message.text).filter((text) => texts.includes(text ?? ''));
    expect(stored).toEqual(texts);
    expect(messages.map((message) => message.seq)).toEqual(messages.map((_, index) => index + 1));
  });
});
