import { act, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useConsoleView, viewFromHash, viewHash } from './console-view.js';

function ShowView() {
  return <p>{useConsoleView()}</p>;
}

async function go(hash: string) {
  await act(async () => {
    location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('the view on screen', () => {
  afterEach(() => {
    location.hash = '';
  });

  it('follows the fragment its links set, and ignores the skip link', async () => {
    expect(viewHash('care')).toBe('#care');
    expect(viewFromHash('')).toBe('inbox');
    expect(viewFromHash('#main')).toBeUndefined();
    render(<ShowView />);
    expect(screen.getByText('inbox')).toBeTruthy();
    await go('#care');
    expect(screen.getByText('care')).toBeTruthy();
    // "Skip to the care report" moves the focus, not the agent: the care page stays.
    await go('#main');
    expect(screen.getByText('care')).toBeTruthy();
    await go('#inbox');
    expect(screen.getByText('inbox')).toBeTruthy();
  });

  it('starts on the page the address names, so a reload stays there', () => {
    location.hash = '#care';
    render(<ShowView />);
    expect(screen.getByText('care')).toBeTruthy();
  });
});
