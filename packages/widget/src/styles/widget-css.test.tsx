import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ChannelLinks } from '../components/ChannelLinks/ChannelLinks.js';
import { Composer } from '../components/Composer/Composer.js';
import { ConnectionBanner } from '../components/ConnectionBanner/ConnectionBanner.js';
import { ConversationList } from '../components/ConversationList/ConversationList.js';
import { ErrorState } from '../components/ErrorState/ErrorState.js';
import { agent, textMessage, visitor } from '../components/fixtures.js';
import { Header } from '../components/Header/Header.js';
import { Launcher } from '../components/Launcher/Launcher.js';
import { LeaveMessageForm } from '../components/LeaveMessageForm/LeaveMessageForm.js';
import { MessageList } from '../components/MessageList/MessageList.js';
import { Panel } from '../components/Panel/Panel.js';
import { PrechatForm } from '../components/PrechatForm/PrechatForm.js';
import { ResolvedState } from '../components/ResolvedState/ResolvedState.js';
import { Teaser } from '../components/Teaser/Teaser.js';
import { renderWithI18n } from '../components/test-support.js';
import { UploadProgress } from '../components/UploadProgress/UploadProgress.js';
import { mountInShadow, styleTestPage } from './style-test-page.js';
import { widgetStylesheet } from './widget-stylesheet.js';

// The stylesheet's promises (host CSS cannot reach in, themes keep AA contrast, phones get a full-screen panel)
// depend on layout and the cascade, which only a real browser has: components are rendered here, their markup is
// put into a shadow root in Chromium with the stylesheet adopted, as the shell does.
const css = widgetStylesheet();

const HOSTILE_PAGE = `<!doctype html><html lang="en" style="font-size: 30px"><head><style>
  * { all: unset !important; }
  button { display: none !important; }
  html, body { font: 30px/3 serif; color: red; letter-spacing: 4px; }
</style></head><body><div id="host"></div></body></html>`;

function widgetMarkup(): string {
  const now = new Date(2026, 10, 25, 15, 0);
  const { container } = renderWithI18n(
    <>
      <Launcher open unreadCount={0} onToggle={() => {}} />
      <Panel title="Toko Sapa">
        <Header
          siteName="Toko Sapa"
          availability={{ online: true, replyTime: 'minutes' }}
          onLocaleChange={() => {}}
          onClose={() => {}}
        />
        <MessageList
          messages={[
            textMessage(1, visitor, 'Halo, pesanan saya belum sampai', new Date(2026, 10, 25, 10, 0)),
            textMessage(
              2,
              agent,
              'Baik, kami cek dulu ya: https://toko.example/lacak',
              new Date(2026, 10, 25, 10, 1),
            ),
          ]}
          agentReadSeq={1}
          now={now}
        />
        <Composer onSend={() => {}} onFiles={() => {}} />
      </Panel>
    </>,
  );
  // The themed root is the first child; keep its attributes so the test can switch theme and position.
  return container.innerHTML;
}

function secondaryMarkup(): string {
  const now = new Date(2026, 10, 25, 15, 0);
  const { container } = renderWithI18n(
    <>
      <Teaser
        text="Halo Sari, ada yang bisa kami bantu?"
        actions={[{ type: 'reply', label: 'Ya, tolong', payload: 'help' }]}
        siteName="Toko Sapa"
        onReply={() => {}}
        onAction={() => {}}
        onDismiss={() => {}}
      />
      <Panel title="Toko Sapa">
        <ConnectionBanner connection="offline" storage="memory" />
        <ConversationList
          conversations={[
            {
              id: 'c1',
              status: 'resolved',
              createdAt: now.toISOString(),
              updatedAt: now.toISOString(),
              lastSeq: 1,
              visitorReadSeq: 1,
              agentReadSeq: 1,
            },
          ]}
          onSelect={() => {}}
          onStartNew={() => {}}
          now={now}
        />
        <MessageList
          messages={[textMessage(1, visitor, 'Tidak terkirim', now, { seq: 0, delivery: 'failed' })]}
          onRetry={() => {}}
          now={now}
        />
        <UploadProgress name="bukti.jpg" size={120_000} fraction={0.4} onCancel={() => {}} />
        <PrechatForm fields={[{ name: 'email', type: 'email', required: true }]} onSubmit={() => {}} />
        <LeaveMessageForm availability={{ online: false }} onSubmit={() => {}} now={now} />
        <ResolvedState onRate={() => {}} onStartNew={() => {}} />
        <ChannelLinks channels={[{ type: 'whatsapp', url: 'https://wa.me/6281234567890' }]} />
        <ErrorState detail="The chat service did not answer." onRetry={() => {}} />
      </Panel>
    </>,
  );
  return container.innerHTML;
}

async function mountWidget(
  page: Page,
  theme: 'light' | 'dark',
  position: 'left' | 'right' = 'right',
  markup = widgetMarkup(),
) {
  await page.setContent(HOSTILE_PAGE);
  await mountInShadow(page, css, markup);
  await page.evaluate(
    ({ theme, position }) => {
      const root = document.getElementById('host')?.shadowRoot?.querySelector('.sapa-root') as HTMLElement;
      root.dataset.theme = theme;
      root.dataset.position = position;
    },
    { theme, position },
  );
}

// Playwright's CSS locators pierce open shadow roots.
function inShadow<T>(page: Page, selector: string, read: (element: Element) => T): Promise<T> {
  return page.locator(selector).evaluate(read);
}

describe('widget.css in Chromium', () => {
  const openPage = styleTestPage();
  let page: Page;
  beforeEach(() => {
    page = openPage();
  });

  it('is not reached by hostile host CSS or the host font size', { timeout: 60_000 }, async () => {
    await mountWidget(page, 'light');
    const launcher = await inShadow(page, '.sapa-launcher', (element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        display: style.display,
        width: box.width,
        right: innerWidth - box.right,
        position: style.position,
      };
    });
    expect(launcher).toEqual({ display: 'grid', width: 56, right: 20, position: 'fixed' });
    const root = await inShadow(page, '.sapa-root', (element) => {
      const style = getComputedStyle(element);
      return { fontSize: style.fontSize, letterSpacing: style.letterSpacing, color: style.color };
    });
    expect(root).toEqual({ fontSize: '14px', letterSpacing: 'normal', color: 'rgb(27, 28, 32)' });
    expect(await inShadow(page, '.sapa-textarea', (element) => getComputedStyle(element).fontSize)).toBe(
      '16px',
    );
    expect(await inShadow(page, '.sapa-send', (element) => getComputedStyle(element).display)).toBe('grid');
  });

  it('has no axe violations, contrast included, in the light and dark themes', {
    timeout: 60_000,
  }, async () => {
    const cases = [
      ['light', widgetMarkup()],
      ['dark', widgetMarkup()],
      ['light', secondaryMarkup()],
      ['dark', secondaryMarkup()],
    ] as const;
    for (const [theme, markup] of cases) {
      await mountWidget(page, theme, 'right', markup);
      // Every part laid out in the flow, unclipped, so that axe can measure the colours of all of it.
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.sapa-panel, .sapa-teaser { position: static; height: auto; overflow: visible; }');
        const shadow = document.getElementById('host')?.shadowRoot as ShadowRoot;
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      });
      await page.addScriptTag({ content: axe.source });
      const violations = await page.evaluate(async () => {
        const results = await (window as unknown as { axe: typeof axe }).axe.run(
          { include: [['#host']] } as unknown as axe.ElementContext,
          { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'] },
        );
        return results.violations.map((violation) => `${violation.id}: ${violation.nodes.length}`);
      });
      expect(violations, theme).toEqual([]);
    }
  });

  it('sits on the left when asked', { timeout: 60_000 }, async () => {
    await mountWidget(page, 'light', 'left');
    const left = await inShadow(page, '.sapa-panel', (element) => element.getBoundingClientRect().left);
    expect(left).toBe(20);
  });

  it('fills the screen on phones', { timeout: 60_000 }, async () => {
    await page.setViewportSize({ width: 375, height: 667 });
    await mountWidget(page, 'light');
    const box = await inShadow(page, '.sapa-panel', (element) => {
      const rect = element.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    });
    expect(box).toEqual({ x: 0, y: 0, width: 375, height: 667 });
    await page.setViewportSize({ width: 1024, height: 768 });
  });
});
