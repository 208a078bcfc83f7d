#!/usr/bin/env node
// `npm run bench`: measures the budgets of DESIGN.md against the built widget, a real sapa-server on
// loopback and Debian's Chromium, writes bench/results.json and exits 1 when a budget is exceeded.
//
// Every figure is measured the way a visitor meets it: bytes are what the browser fetched (brotli,
// quality 11), times are taken inside the page with performance.now().
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { chromiumArgs, findChromium } from '../scripts/find-chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const only = process.argv.slice(2);
const budgets = {
  loaderBrotliBytes: { max: 2_000, unit: 'B' },
  chatBrotliBytes: { max: 45_000, unit: 'B' },
  apiCallsBeforeInteraction: { max: 0, unit: 'requests' },
  longTasksBeforeInteraction: { max: 0, unit: 'tasks' },
  launcherToComposerP50: { max: 100, unit: 'ms' },
  agentMessageVisibleP50: { max: 15, unit: 'ms' },
  agentMessageVisibleP99: { max: 50, unit: 'ms' },
  open10kMessages: { max: 150, unit: 'ms' },
  scroll10kLongTasks: { max: 0, unit: 'tasks' },
  reload1kVisible: { max: 100, unit: 'ms' },
};

const brotli = (buffer) =>
  brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const round = (value) => Math.round(value * 10) / 10;

const executablePath = findChromium();
if (!executablePath) {
  console.error('Benchmarks need Chromium: install Debian’s chromium package or set CHROMIUM_PATH.');
  process.exit(1);
}
const { startServer, DEMO_SITE } = await import(
  pathToFileURL(join(root, 'packages/server/dist/index.js')).href
);
const dataDir = mkdtempSync(join(tmpdir(), 'sapa-bench-'));
const server = await startServer({
  port: 0,
  dbPath: join(dataDir, 'sapa.db'),
  quiet: true,
  rateLimit: false,
  // Measured as a staffed site: without business hours and with an agent online, replies come from
  // the agent and not from the out-of-hours bot.
  sites: [{ ...DEMO_SITE, businessHours: undefined }],
});
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const pageUrl = `${server.url}/examples/script-tag/`;
const agent = (path, body) =>
  fetch(`${server.url}/agent/v1${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { authorization: `Bearer ${server.agentToken}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  }).then(async (response) => {
    if (!response.ok)
      throw new Error(`Agent API ${path} answered ${response.status}: ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  });

// An open agent stream is what marks an agent online. Its body is read to the end: an unread response that
// nothing references is garbage-collected by undici, which closes the stream and takes the agent offline.
const agentPresence = new AbortController();
const presenceResponse = await fetch(`${server.url}/agent/v1/stream`, {
  headers: { authorization: `Bearer ${server.agentToken}` },
  signal: agentPresence.signal,
});
const presenceDrained = presenceResponse.body.pipeTo(new WritableStream()).catch(() => {});
const expectAgentOnline = () => {
  if (server.stats().agentStreams !== 1)
    throw new Error('The agent stream closed: the site would measure as offline.');
};

/** Opens the script-tag page in a fresh context; counts API calls and long tasks from the start. */
async function openPage(context) {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__sapaLongTasks = 0;
    new PerformanceObserver((list) => {
      window.__sapaLongTasks += list.getEntries().length;
    }).observe({ type: 'longtask', buffered: true });
  });
  const apiCalls = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/v1/')) apiCalls.push(request.url());
  });
  await page.goto(pageUrl, { waitUntil: 'load' });
  return { page, apiCalls };
}

const launcher = (page) => page.getByRole('button', { name: /open chat|buka obrolan/i });
const composer = (page) => page.getByRole('textbox', { name: /^(Message|Pesan)$/ });

/**
 * Clicks the launcher and resolves with the ms from the press until the composer (the textbox named
 * `composer.label`) has focus, and until the next animation frame starts, timed in the page. Focus is watched inside the shadow root: a move from the
 * launcher to the composer stays inside it, and such a focusin never reaches the document (its target and
 * related target are both the host there).
 */
async function timeLauncherToComposerAndFrame(page) {
  await launcher(page).waitFor();
  expectAgentOnline();
  const elapsed = page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        let started = 0;
        const root = document.querySelector('sapa-widget')?.shadowRoot;
        if (!root) throw new Error('No sapa-widget host with a shadow root.');
        const timeout = setTimeout(() => reject(new Error('The composer never got focus.')), 10_000);
        const onFocus = (event) => {
          const target = event.composedPath()[0];
          if (!(target instanceof HTMLTextAreaElement)) return;
          if (!/^(Message|Pesan)$/.test(target.getAttribute('aria-label') ?? '')) return;
          root.removeEventListener('focusin', onFocus, true);
          clearTimeout(timeout);
          const focused = performance.now() - started;
          // Also when the frame that paints the open panel starts (reported, not budgeted).
          requestAnimationFrame(() => resolve({ focused, frame: performance.now() - started }));
        };
        root.addEventListener('focusin', onFocus, true);
        root.addEventListener(
          'pointerdown',
          () => {
            started = performance.now();
          },
          { capture: true, once: true },
        );
      }),
  );
  await launcher(page).click();
  return elapsed;
}

/** {@link timeLauncherToComposerAndFrame}, the ms until the composer has focus. */
const timeLauncherToComposer = async (page) => (await timeLauncherToComposerAndFrame(page)).focused;

/**
 * In the page: clicks the launcher (found by its name, `launcher.open`) and resolves with the ms until the
 * log's text includes `text`, checked every frame.
 */
const timeOpenUntilVisible = (page, text) =>
  page.evaluate(
    (text) =>
      new Promise((resolve, reject) => {
        const root = document.querySelector('sapa-widget')?.shadowRoot;
        const button = [...(root?.querySelectorAll('button') ?? [])].find((candidate) =>
          /^(Open chat|Buka obrolan)$/.test(candidate.getAttribute('aria-label') ?? ''),
        );
        if (!button) return reject(new Error('No launcher named “Open chat”.'));
        const timeout = setTimeout(() => reject(new Error(`“${text}” never showed.`)), 10_000);
        const started = performance.now();
        const check = () => {
          const log = root.querySelector('[role="log"]');
          if (log?.textContent?.includes(text)) {
            clearTimeout(timeout);
            resolve(performance.now() - started);
          } else requestAnimationFrame(check);
        };
        button.click();
        check();
      }),
    text,
  );

/**
 * The id of the page's own conversation, found through the agent API by the visitor id the SDK stored
 * (earlier measures leave other visitors' conversations on the same server).
 */
async function ownConversationId(page) {
  const session = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const opening = indexedDB.open('sapa');
        opening.onerror = () => reject(new Error('The SDK store cannot be opened.'));
        opening.onsuccess = () => {
          const database = opening.result;
          const reading = database.transaction('kv').objectStore('kv').get('demo:session');
          reading.onsuccess = () => {
            database.close();
            resolve(reading.result);
          };
          reading.onerror = () => reject(new Error('The stored session cannot be read.'));
        };
      }),
  );
  const { conversations } = await agent('/conversations?status=all');
  const own = conversations.find((conversation) => conversation.visitor.id === session?.visitorId);
  if (!own) throw new Error('The page’s visitor has no conversation on the server.');
  return own.id;
}

/** Closes the panel (Esc, as a visitor would) so that the next page load starts with it closed. */
async function closePanel(page) {
  await composer(page).press('Escape');
  await launcher(page).waitFor();
}

/**
 * Reloads the page five times; each time opens the panel as soon as the page has loaded and resolves with
 * the ms until `text` shows, then closes the panel again. The last load stays open.
 */
async function timeReloads(page, text) {
  const samples = [];
  for (let run = 0; run < 5; run++) {
    if (run > 0) await closePanel(page);
    await page.reload({ waitUntil: 'load' });
    samples.push(await timeOpenUntilVisible(page, text));
  }
  return samples;
}

/**
 * Waits until the SDK's store in IndexedDB (DESIGN.md: database `sapa`, store `kv`, the state slice under
 * `<siteKey>:state`) holds `text`: writes are throttled, and a reload measures what was stored. Polled from
 * here, not with `page.waitForFunction`: that takes the Promise an IndexedDB read returns for a truthy answer
 * and returned at once, so the bench reloaded before the newest messages were stored.
 */
async function waitUntilStored(page, text) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const stored = await page.evaluate(
      (text) =>
        new Promise((resolve) => {
          const opening = indexedDB.open('sapa');
          opening.onerror = () => resolve(false);
          opening.onsuccess = () => {
            const database = opening.result;
            const reading = database.transaction('kv').objectStore('kv').get('demo:state');
            reading.onsuccess = () => {
              database.close();
              resolve(JSON.stringify(reading.result ?? null).includes(`"${text}"`));
            };
            reading.onerror = () => {
              database.close();
              resolve(false);
            };
          };
        }),
      text,
    );
    if (stored) return;
    if (Date.now() > deadline) throw new Error(`“${text}” was never stored in IndexedDB.`);
    await page.waitForTimeout(100);
  }
}

const results = {};
let failed = 0;
const measure = async (name, task) => {
  if (only.length && !only.includes(name)) return;
  const started = Date.now();
  try {
    Object.assign(results, await task());
    console.log(`✓ ${name} (${Math.round((Date.now() - started) / 1000)} s)`);
  } catch (error) {
    results[`${name}Error`] = String(error?.message ?? error);
    if (process.env.SAPA_BENCH_DEBUG) console.log(error);
    console.log(`✗ ${name}: ${error?.message ?? error}`);
  }
};

try {
  await measure('load', async () => {
    const context = await browser.newContext();
    const { page, apiCalls } = await openPage(context);
    await launcher(page).waitFor();
    await page.waitForTimeout(1_000);
    const longTasks = await page.evaluate(() => window.__sapaLongTasks);
    const loaderBytes = [];
    const chatBytes = [];
    const chatFiles = {};
    page.on('response', async (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/widget/') || response.status() !== 200) return;
      const bytes = brotli(await response.body());
      chatBytes.push(bytes);
      chatFiles[url.pathname] = bytes;
    });
    const loaderResponse = await fetch(`${server.url}/widget/sapa.js`);
    loaderBytes.push(brotli(Buffer.from(await loaderResponse.arrayBuffer())));
    const apiCallsBeforeInteraction = apiCalls.length;
    await timeLauncherToComposer(page);
    // Switch locale through the public API so the second locale's strings count too.
    await page.evaluate(() => window.Sapa('setLocale', 'id'));
    await page.waitForTimeout(500);
    await context.close();
    return {
      loaderBrotliBytes: loaderBytes[0],
      chatBrotliBytes: loaderBytes[0] + chatBytes.reduce((sum, bytes) => sum + bytes, 0),
      // What the chat download is made of (brotli bytes per file), to see which part grew.
      chatFiles,
      apiCallsBeforeInteraction,
      longTasksBeforeInteraction: longTasks,
    };
  });

  await measure('launcher', async () => {
    const samples = [];
    const frames = [];
    for (let run = 0; run < 15; run++) {
      const context = await browser.newContext();
      const { page } = await openPage(context);
      const { focused, frame } = await timeLauncherToComposerAndFrame(page);
      samples.push(focused);
      frames.push(frame);
      await context.close();
    }
    return {
      launcherToComposerP50: round(percentile(samples, 50)),
      launcherSamples: samples.map(round),
      launcherToPanelFrameP50: round(percentile(frames, 50)),
    };
  });

  await measure('delivery', async () => {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await timeLauncherToComposer(page);
    await composer(page).fill('Halo, saya mau tanya soal pesanan.');
    await composer(page).press('Enter');
    await page.getByRole('log').getByText('Halo, saya mau tanya soal pesanan.').waitFor();
    const conversationId = await ownConversationId(page);
    const samples = [];
    for (let run = 0; run < 100; run++) {
      // Each sample starts from a quiet page: the previous message's read receipt and the conversation
      // update it brings have arrived (an agent does not send a hundred replies within milliseconds).
      await page.waitForTimeout(150);
      const text = `Balasan agen nomor ${run}`;
      samples.push(
        await page.evaluate(
          async ({ url, token, id, text }) => {
            const log = document.querySelector('sapa-widget')?.shadowRoot?.querySelector('[role="log"]');
            if (!log) throw new Error('No message log in the widget.');
            const visible = new Promise((resolve) => {
              const observer = new MutationObserver(() => {
                if (log.textContent?.includes(text)) {
                  observer.disconnect();
                  resolve(performance.now());
                }
              });
              observer.observe(log, { childList: true, subtree: true, characterData: true });
            });
            const started = performance.now();
            const response = await fetch(`${url}/agent/v1/conversations/${id}/messages`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ type: 'text', text }),
            });
            if (!response.ok) throw new Error(`Agent send answered ${response.status}`);
            return (await visible) - started;
          },
          { url: server.url, token: server.agentToken, id: conversationId, text },
        ),
      );
    }
    await context.close();
    return {
      agentMessageVisibleP50: round(percentile(samples, 50)),
      agentMessageVisibleP99: round(percentile(samples, 99)),
    };
  });

  /** A visitor with one conversation of `count` messages, seeded through the public APIs. */
  async function seededVisitor(count) {
    const context = await browser.newContext();
    const { page } = await openPage(context);
    await timeLauncherToComposer(page);
    await composer(page).fill('Mulai');
    await composer(page).press('Enter');
    await page.getByRole('log').getByText('Mulai').waitFor();
    const conversationId = await ownConversationId(page);
    for (let seq = 0; seq < count; seq += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, count - seq) }, (_, index) =>
          agent(`/conversations/${conversationId}/messages`, {
            type: 'text',
            text: `Pesan ${seq + index + 1}`,
          }),
        ),
      );
    }
    await page.getByRole('log').getByText(`Pesan ${count}`, { exact: true }).waitFor({ timeout: 60_000 });
    return { context, page };
  }

  await measure('history', async () => {
    const { context, page } = await seededVisitor(10_000);
    await closePanel(page);
    await waitUntilStored(page, 'Pesan 10000');
    const opens = await timeReloads(page, 'Pesan 10000');
    // The visitor scrolls up through the history, one wheel step a frame, for 60 frames.
    const scrolled = await page.evaluate(async () => {
      const log = document.querySelector('sapa-widget')?.shadowRoot?.querySelector('[role="log"]');
      let scroller = log;
      while (scroller && scroller.scrollHeight <= scroller.clientHeight) scroller = scroller.parentElement;
      if (!scroller) throw new Error('Nothing scrolls around the message log.');
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => {
        longTasks += list.getEntries().length;
      });
      observer.observe({ type: 'longtask' });
      for (let step = 0; step < 60; step++) {
        scroller.scrollBy(0, -400);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      observer.disconnect();
      // How far back the visitor got: messages in the log after scrolling (reported, not budgeted).
      return { longTasks, shown: log?.querySelectorAll('li article').length ?? 0 };
    });
    await context.close();
    return {
      open10kMessages: round(percentile(opens, 50)),
      open10kSamples: opens.map(round),
      scroll10kLongTasks: scrolled.longTasks,
      scroll10kShownMessages: scrolled.shown,
    };
  });

  await measure('reload', async () => {
    const { context, page } = await seededVisitor(1_000);
    await closePanel(page);
    await waitUntilStored(page, 'Pesan 1000');
    // The network answers late: history must come from IndexedDB.
    await page.route('**/v1/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue().catch(() => {});
    });
    const samples = await timeReloads(page, 'Pesan 1000');
    await context.close();
    return { reload1kVisible: round(percentile(samples, 50)), reload1kSamples: samples.map(round) };
  });
} finally {
  // The table and results.json come first: a cleanup that hangs or ends the process (server.close() awaits a
  // worker thread that does not keep Node alive) must not lose the measures.
  report();
  agentPresence.abort();
  const cleanup = (async () => {
    await presenceDrained;
    await browser.close();
    await server.close();
  })();
  // The timer keeps the process alive while closing, and bounds it.
  const late = new Promise((resolve) => setTimeout(resolve, 10_000, 'late'));
  if ((await Promise.race([cleanup.then(() => 'closed'), late])) === 'late')
    console.log('Closing the browser and the server took over 10 s.');
  rmSync(dataDir, { recursive: true, force: true });
}

/** Prints the table and writes bench/results.json. */
function report() {
  const resultsFile = join(root, 'bench', 'results.json');
  console.log('\nmeasure                          value      budget');
  for (const [name, { max, unit }] of Object.entries(budgets)) {
    const value = results[name];
    const ok = typeof value === 'number' && value <= max;
    if (!ok) failed++;
    const shown = typeof value === 'number' ? `${value} ${unit}` : 'not measured';
    console.log(`${ok ? '✓' : '✗'} ${name.padEnd(30)} ${shown.padEnd(10)} ≤ ${max} ${unit}`);
  }
  const previous = (() => {
    try {
      return JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch {
      return {};
    }
  })();
  writeFileSync(
    resultsFile,
    `${JSON.stringify({ ...previous, measuredAt: new Date().toISOString(), machine: `${process.platform} ${process.arch}, node ${process.versions.node}`, results, budgets }, null, 2)}\n`,
  );
  console.log(`\n${Object.keys(budgets).length - failed} within budget, ${failed} over or not measured`);
}
process.exit(failed ? 1 : 0);
