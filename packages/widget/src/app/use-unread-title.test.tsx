import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usePageVisible } from './use-page-visible.js';
import { useUnreadTitle } from './use-unread-title.js';

// happy-dom's document is always visible: the tests switch `document.hidden` the way a tab switch does.
let hidden = false;
const setHidden = (value: boolean) =>
  act(() => {
    hidden = value;
    document.dispatchEvent(new Event('visibilitychange'));
  });

// Wired the way ChatApp wires them: the count reaches the title only while the page is hidden.
function Probe({ unread }: { unread: number }) {
  const visible = usePageVisible();
  useUnreadTitle(visible ? 0 : unread);
  return <p>{visible ? 'visible' : 'hidden'}</p>;
}

// Rendered with the preact the hooks use (see components/test-support.tsx for why).
const container = document.createElement('div');
const rerender = (unread: number) => act(() => render(<Probe unread={unread} />, container));
const unmount = () => act(() => render(null, container));
const shown = () => container.textContent;

describe('unread count in the page title', () => {
  beforeEach(() => {
    hidden = false;
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.title = 'Toko Sapa — Sepatu';
  });
  afterEach(() => {
    unmount();
    Reflect.deleteProperty(document, 'hidden');
  });

  it('leaves the title alone while the tab is visible', () => {
    rerender(2);
    expect(document.title).toBe('Toko Sapa — Sepatu');
  });

  it('shows the count while the tab is hidden and restores the page title when it is visible again', () => {
    rerender(0);
    setHidden(true);
    expect(shown()).toBe('hidden');
    expect(document.title).toBe('Toko Sapa — Sepatu');
    rerender(1);
    expect(document.title).toBe('(1) Toko Sapa — Sepatu');
    rerender(3);
    expect(document.title).toBe('(3) Toko Sapa — Sepatu');
    setHidden(false);
    expect(shown()).toBe('visible');
    expect(document.title).toBe('Toko Sapa — Sepatu');
  });

  it('gives the page its title back when the widget goes away', () => {
    rerender(0);
    setHidden(true);
    rerender(4);
    expect(document.title).toBe('(4) Toko Sapa — Sepatu');
    unmount();
    expect(document.title).toBe('Toko Sapa — Sepatu');
  });
});
