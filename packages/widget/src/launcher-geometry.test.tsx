import type { Page } from 'playwright-core';
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Launcher } from './components/Launcher/Launcher.js';
import { Root } from './components/Root/Root.js';
import { drawLauncherPlaceholder } from './launcher-placeholder.js';
import { shellStyles } from './shell-styles.js';
import { mountInShadow, styleTestPage } from './styles/style-test-page.js';
import { widgetStylesheet } from './styles/widget-stylesheet.js';

// The loader draws a placeholder launcher; the chat app replaces it with its own. The visitor must not see
// the button move, resize or change colour at that moment: both are drawn in Chromium, each in its own
// shadow root with its own stylesheet (as the shell and the app adopt them), and measured.

/** The placeholder as the shell draws it (DOM calls only), as markup. */
function placeholderMarkup(): string {
  const root = document.createElement('div').attachShadow({ mode: 'open' });
  return drawLauncherPlaceholder(
    root,
    'Open chat',
    () => {},
    () => {},
  ).outerHTML;
}

/** The app's closed launcher inside its root, as markup. */
function appLauncherMarkup(position: 'left' | 'right'): string {
  const container = document.createElement('div');
  render(
    <Root theme="light" position={position}>
      <Launcher open={false} unreadCount={0} onToggle={() => {}} />
    </Root>,
    container,
  );
  return container.innerHTML;
}

interface Look {
  box: { x: number; y: number; width: number; height: number };
  icon: { x: number; y: number; width: number; height: number };
  path: string | null;
  style: Record<string, string>;
}

/** Mounts `markup` in a fresh shadow root with `css` adopted, and measures its launcher button. */
async function measure(page: Page, css: string, markup: string): Promise<Look> {
  await page.setContent('<!doctype html><body></body>');
  await mountInShadow(page, css, markup);
  return page.evaluate(() => {
    const button = document.getElementById('host')?.shadowRoot?.querySelector('button') as HTMLButtonElement;
    const icon = button.querySelector('svg') as SVGSVGElement;
    const rect = (element: Element) => {
      const { x, y, width, height } = element.getBoundingClientRect();
      return { x, y, width, height };
    };
    const style = getComputedStyle(button);
    const iconStyle = getComputedStyle(icon);
    return {
      box: rect(button),
      icon: rect(icon),
      path: icon.querySelector('path')?.getAttribute('d') ?? null,
      style: {
        position: style.position,
        borderRadius: style.borderRadius,
        backgroundColor: style.backgroundColor,
        color: style.color,
        boxShadow: style.boxShadow,
        strokeWidth: iconStyle.strokeWidth,
        strokeLinejoin: iconStyle.strokeLinejoin,
        fill: iconStyle.fill,
      },
    };
  });
}

describe('the placeholder launcher and the app launcher in Chromium', () => {
  const openPage = styleTestPage();
  let page: Page;
  beforeEach(() => {
    page = openPage();
  });

  for (const side of ['right', 'left'] as const) {
    it(`look the same, in the same place, on the ${side}`, { timeout: 60_000 }, async () => {
      const placeholder = await measure(page, shellStyles(2147483000, side), placeholderMarkup());
      const app = await measure(page, widgetStylesheet(), appLauncherMarkup(side));
      expect(app).toEqual(placeholder);
      // And where the design says: 56 px round, 20 px from the corner, the light accent.
      expect(app.box).toEqual({
        x: side === 'right' ? 1024 - 20 - 56 : 20,
        y: 768 - 20 - 56,
        width: 56,
        height: 56,
      });
      expect(app.style.backgroundColor).toBe('rgb(29, 78, 216)');
    });
  }

  it('look the same on a phone', { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    const placeholder = await measure(page, shellStyles(2147483000, 'right'), placeholderMarkup());
    const app = await measure(page, widgetStylesheet(), appLauncherMarkup('right'));
    expect(app).toEqual(placeholder);
    await page.setViewportSize({ width: 1024, height: 768 });
  });
});
