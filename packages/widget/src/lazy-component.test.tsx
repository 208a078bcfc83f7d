import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from './lazy-component.js';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

// Rendered with the preact the hooks use (see components/test-support.tsx for why).
const container = document.createElement('div');
const show = (ui: preact.ComponentChild) => act(() => render(ui, container));
/** Lets the pending import settle and the component re-render. */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

afterEach(() => act(() => render(null, container)));

describe('lazyComponent', () => {
  it('shows the fallback, then the component with its props once the code is there', async () => {
    const Lazy = lazyComponent(() => Promise.resolve(Greeting));
    show(<Lazy name="Sari" fallback={<p>…</p>} />);
    expect(container.textContent).toBe('…');
    await settle();
    expect(container.textContent).toBe('Hello Sari');
  });

  it('fetches once, whether preloaded or rendered, and renders at once after that', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const Lazy = lazyComponent(load);
    await Lazy.preload();
    show(<Lazy name="Budi" />);
    expect(container.textContent).toBe('Hello Budi');
    await Lazy.preload();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again on the next mount when the fetch failed (offline)', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(Greeting);
    const Lazy = lazyComponent(load);
    show(<Lazy name="Sari" fallback="…" />);
    await settle();
    expect(container.textContent).toBe('…');
    show(null);
    show(<Lazy name="Sari" fallback="…" />);
    await settle();
    expect(container.textContent).toBe('Hello Sari');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
