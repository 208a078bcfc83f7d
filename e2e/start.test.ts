import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './support/browser.js';

// What `npm start` runs once the build is done: the sapa-server bin with the demo site. It must print
// the demo page and the console URL (with the agent token), and both must load in Chromium.
const root = join(import.meta.dirname, '..');
const bin = join(root, 'packages/server/dist/bin/sapa-server.js');

describe('npm start', () => {
  let server: ChildProcess;
  let browser: Browser;
  let output = '';
  let dataDir: string;
  let demoUrl: string;
  let consoleUrl: string;

  beforeAll(async () => {
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`npm run build\` first.`);
    dataDir = mkdtempSync(join(tmpdir(), 'sapa-start-'));
    server = spawn(process.execPath, [bin, '--demo', '--port', '0', '--db', join(dataDir, 'sapa.db')], {
      cwd: root,
      env: { ...process.env, SAPA_AGENT_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`sapa-server printed no URLs within 15 s:\n${output}`)),
        15_000,
      );
      server.once('exit', (code) => reject(new Error(`sapa-server exited with ${code}:\n${output}`)));
      server.stdout?.on('data', (chunk) => {
        output += chunk;
        const demo = /Sapa demo: (http:\/\/\S+)/.exec(output);
        const consoleMatch = /Agent console: (http:\/\/\S+#token=\S+)/.exec(output);
        if (demo?.[1] && consoleMatch?.[1]) {
          clearTimeout(timer);
          demoUrl = demo[1];
          consoleUrl = consoleMatch[1];
          resolve();
        }
      });
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    if (server && server.exitCode === null) await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('prints the demo and console URLs, with a random agent token when none is set', () => {
    expect(demoUrl).toMatch(/^http:\/\/(localhost|127\.0\.0\.1):\d+\/$/);
    const token = new URL(consoleUrl).hash.replace('#token=', '');
    expect(token.length).toBeGreaterThanOrEqual(16);
  });

  test('the demo shop loads in Chromium with the chat launcher', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(demoUrl);
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toMatch(/Toko Sapa/);
    await page.getByRole('button', { name: /open chat|buka obrolan/i }).waitFor({ timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the agent console loads in Chromium, signed in from the URL token', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(consoleUrl);
    expect(response?.status()).toBe(200);
    // Signed in: the inbox is there and the token left the address bar.
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor({ timeout: 10_000 });
    expect(page.url()).not.toContain('token=');
    expect(errors).toEqual([]);
    await page.close();
  });

  // `npm test` builds Storybook before the tests run; `npm start` then serves it for designers.
  test('the static Storybook is served at /storybook/ and renders a story in Chromium', async () => {
    const storybook = join(root, 'storybook-static', 'index.html');
    if (!existsSync(storybook))
      throw new Error(`${storybook} is missing: run \`npm run build-storybook\` first.`);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const response = await page.goto(
      new URL('storybook/iframe.html?id=components-launcher--closed', demoUrl).href,
    );
    expect(response?.status()).toBe(200);
    await page.getByRole('button', { name: 'Open chat' }).waitFor({ timeout: 15_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
