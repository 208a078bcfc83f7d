import { render } from 'preact';
import { useRef } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { usePanelFocus } from './use-panel-focus.js';

/** A launcher and, while open, a panel that shows the composer or (before it) a form. */
function Probe({ open, composer }: { open: boolean; composer: boolean }) {
  const launcherRef = useRef<HTMLButtonElement>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  usePanelFocus(open, launcherRef, composerRef);
  return (
    <>
      {open && <div role="dialog">{composer ? <textarea ref={composerRef} /> : <input name="email" />}</div>}
      <button type="button" ref={launcherRef}>
        Open chat
      </button>
    </>
  );
}

const container = document.createElement('div');
document.body.append(container);
const draw = (open: boolean, composer = true) =>
  act(() => render(<Probe open={open} composer={composer} />, container));
const focused = () => document.activeElement?.tagName.toLowerCase();

describe('panel focus', () => {
  afterEach(() => {
    act(() => render(null, container));
  });

  it('focuses the composer in the render that opens the panel, and the launcher when it closes', () => {
    draw(false);
    container.querySelector('button')?.focus();
    draw(true);
    expect(focused()).toBe('textarea');
    draw(false);
    expect(focused()).toBe('button');
  });

  it('focuses the composer when the chat screen shows after another screen', () => {
    draw(false);
    draw(true, false);
    expect(focused()).not.toBe('textarea');
    draw(true, true);
    expect(focused()).toBe('textarea');
  });

  it('leaves the focus where the visitor put it after the first time', () => {
    draw(true);
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    draw(true);
    expect(document.activeElement).toBe(input);
    input.remove();
  });

  it('focuses the composer of a panel drawn open from the start', () => {
    draw(true);
    expect(focused()).toBe('textarea');
  });
});
