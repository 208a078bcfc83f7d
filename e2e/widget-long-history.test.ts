import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningServer } from '@sapa/server';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type agentApi, axeViolations, startStaffedDemo } from './fixtures/widget/helpers.js';
import { launchChromium } from './support/browser.js';

/** Messages in the log: more than the panel shows, so the history scrolls. */
const MESSAGES = 40;

// A conversation longer than the panel, in Chromium against the reference server: the history scrolls, and a
// keyboard reaches and scrolls it (WCAG 2.1.1; axe's scrollable-region-focusable).
describe('widget: a history longer than the panel', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let dataDir: string;
  let agent: ReturnType<typeof agentApi>;
  let goOffline: () => void;

  const composer = () => page.getByRole('textbox', { name: 'Message' });
  const history = () => page.getByRole('region', { name: 'Conversation history' });
  /** Whether `locator`'s element has the focus inside the widget's shadow root. */
  const isFocused = (locator: Locator) =>
    locator.evaluate((element) => element === (element.getRootNode() as ShadowRoot).activeElement);
  const scrollTop = () =>
    page.evaluate(
      () =>
        document
          .querySelector('sapa-widget')
          ?.shadowRoot?.querySelector('[role="log"]')
          ?.closest('.sapa-scroller')?.scrollTop ?? -1,
    );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'sapa-widget-history-'));
    ({ server, agent, goOffline } = await startStaffedDemo(join(dataDir, 'sapa.db')));
    browser = await launchChromium();
    page = await (await browser.newContext()).newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    goOffline?.();
    await browser?.close();
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test(`${MESSAGES} messages in the log: it scrolls, and axe finds nothing`, async () => {
    await page.goto(`${server.url}/examples/script-tag/`);
    await page.getByRole('button', { name: 'Open chat' }).click();
    await composer().fill('Halo, saya mau tanya soal pesanan.');
    await composer().press('Enter');
    await page.getByRole('log').getByText('Halo, saya mau tanya soal pesanan.').waitFor();
    const [conversation] = await agent.conversations();
    for (let index = 1; index < MESSAGES; index++)
      await agent.send(conversation?.id as string, {
        type: 'text',
        text: `Jawaban nomor ${index} dari tim kami.`,
      });
    await page
      .getByRole('log')
      .getByText(`Jawaban nomor ${MESSAGES - 1} dari`)
      .waitFor();
    // The log opens with the newest 30; the rest is one "Show older" away. With all 40 in it, nothing else in
    // the scrolling history is focusable.
    // Clicked where it is: scrolling it into view would reveal the older messages by itself.
    await page
      .getByRole('button', { name: 'Show older messages' })
      .evaluate((button: HTMLElement) => button.click());
    await page.getByRole('log').getByText('Halo, saya mau tanya soal pesanan.').waitFor();
    expect(
      await page
        .getByRole('log')
        .getByText(/^(Halo, saya|Jawaban nomor)/)
        .count(),
    ).toBe(MESSAGES);
    expect(await page.getByRole('button', { name: 'Show older messages' }).count()).toBe(0);
    const overflow = await page.evaluate(() => {
      const scroller = document.querySelector('sapa-widget')?.shadowRoot?.querySelector('.sapa-scroller');
      return scroller ? scroller.scrollHeight - scroller.clientHeight : 0;
    });
    expect(overflow).toBeGreaterThan(500);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('Tab reaches the history, named, and the arrow and page keys scroll it', async () => {
    // From the composer backwards: the attach button, then the history.
    await composer().focus();
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(page.getByRole('button', { name: 'Attach a file' }))).toBe(true);
    await page.keyboard.press('Shift+Tab');
    expect(await isFocused(history())).toBe(true);
    const bottom = await scrollTop();
    await page.keyboard.press('PageUp');
    await expect.poll(scrollTop).toBeLessThan(bottom - 100);
    const afterPage = await scrollTop();
    await page.keyboard.press('ArrowUp');
    await expect.poll(scrollTop).toBeLessThan(afterPage);
    await page.keyboard.press('End');
    await expect.poll(scrollTop).toBeGreaterThanOrEqual(bottom - 2);
  });

  test('the focused history shows a focus ring', async () => {
    const outline = await page.evaluate(() => {
      const scroller = document.querySelector('sapa-widget')?.shadowRoot?.querySelector('.sapa-scroller');
      const style = scroller ? getComputedStyle(scroller) : undefined;
      return style ? { style: style.outlineStyle, width: style.outlineWidth } : undefined;
    });
    expect(outline).toEqual({ style: 'solid', width: '2px' });
  });
});
