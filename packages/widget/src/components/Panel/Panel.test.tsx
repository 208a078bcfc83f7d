import { fireEvent } from '@testing-library/dom';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { Panel } from './Panel.js';

describe('Panel', () => {
  it('is a non-modal dialog named by the site name that passes keys to the shell', () => {
    const onKeyDown = vi.fn();
    const { getByRole } = renderWithI18n(
      <Panel title="Toko Sapa" onKeyDown={onKeyDown}>
        <p>isi</p>
      </Panel>,
    );
    const dialog = getByRole('dialog', { name: 'Toko Sapa' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onKeyDown.mock.calls[0]?.[0].key).toBe('Escape');
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <Panel title="Toko Sapa">
        <p>isi</p>
      </Panel>,
    );
    expect(await axeViolations(container)).toEqual([]);
  });

  it('fits into the visible area it is given (above an on-screen keyboard)', () => {
    const { getByRole } = renderWithI18n(
      <Panel title="Toko Sapa" visibleArea={{ height: 412, top: 36 }}>
        <p>isi</p>
      </Panel>,
    );
    const dialog = getByRole('dialog', { name: 'Toko Sapa' });
    expect(dialog.style.getPropertyValue('--sapa-visible-height')).toBe('412px');
    expect(dialog.style.getPropertyValue('--sapa-visible-top')).toBe('36px');
  });
});
