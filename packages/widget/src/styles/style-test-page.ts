/**
 * A Chromium page for the tests of the widget's styles: launched before a test file's tests and closed
 * after them, with the widget's markup put into a shadow root the way the shell does it.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../../../e2e/support/browser.js';

/** Registers the page's launch and close with the calling test file; the page is there once its tests run. */
export function styleTestPage(viewport = { width: 1024, height: 768 }): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage({ viewport });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!page) throw new Error('The style test page is opened in beforeAll: use it inside a test.');
    return page;
  };
}

/**
 * Puts `markup` into a new open shadow root on the page's `#host` element (appended to the body when
 * the page has none) with `css` adopted as one constructable stylesheet, as the shell adopts the widget's.
 */
export async function mountInShadow(page: Page, css: string, markup: string): Promise<void> {
  await page.evaluate(
    ({ css, markup }) => {
      let host = document.getElementById('host');
      if (!host) {
        host = document.createElement('div');
        host.id = 'host';
        document.body.append(host);
      }
      const shadow = host.attachShadow({ mode: 'open' });
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      shadow.adoptedStyleSheets = [sheet];
      const template = document.createElement('template');
      // Test fixture: markup Preact rendered from fixed test data, not data from a network.
      template.innerHTML = markup;
      shadow.append(template.content);
    },
    { css, markup },
  );
}
