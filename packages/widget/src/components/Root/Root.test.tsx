import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test-support.js';
import { contrastColor, Root } from './Root.js';

describe('Root', () => {
  it('carries theme, position, accent and z-index for the stylesheet', () => {
    const { container } = renderWithI18n(
      <Root theme="dark" position="left" accentColor="#ffd400" zIndex={50}>
        <p>isi</p>
      </Root>,
    );
    const root = container.querySelector('[data-theme]') as HTMLElement;
    expect(root.dataset.theme).toBe('dark');
    expect(root.dataset.position).toBe('left');
    expect(root.style.getPropertyValue('--sapa-accent')).toBe('#ffd400');
    // Yellow needs dark text to stay readable.
    expect(root.style.getPropertyValue('--sapa-accent-contrast')).toBe('#000');
    expect(root.style.getPropertyValue('--sapa-z')).toBe('50');
  });

  it('ignores an accent that is not a plain color', () => {
    const { container } = renderWithI18n(<Root accentColor="red; background: url(https://evil.example/x)" />);
    const root = container.querySelector('[data-theme]') as HTMLElement;
    expect(root.style.getPropertyValue('--sapa-accent')).toBe('');
    expect(root.dataset.theme).toBe('auto');
  });

  it('picks white text on dark accents and black on light ones', () => {
    expect(contrastColor('#1d4ed8')).toBe('#fff');
    expect(contrastColor('#0a0')).toBe('#000');
    expect(contrastColor('#ffffff')).toBe('#000');
    expect(contrastColor('rebeccapurple')).toBeUndefined();
  });
});
