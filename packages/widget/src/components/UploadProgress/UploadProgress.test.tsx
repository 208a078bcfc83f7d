import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { UploadProgress } from './UploadProgress.js';

describe('UploadProgress', () => {
  it('shows progress with an accessible value and can be cancelled', async () => {
    const onCancel = vi.fn();
    const { getByRole } = renderWithI18n(
      <UploadProgress name="bukti-transfer.jpg" size={300_000} fraction={0.426} onCancel={onCancel} />,
      'id',
    );
    const bar = getByRole('progressbar', { name: 'Mengunggah bukti-transfer.jpg' });
    expect(bar.getAttribute('aria-valuenow')).toBe('43');
    expect(bar.getAttribute('aria-valuemax')).toBe('100');
    await userEvent.click(getByRole('button', { name: 'Batalkan unggahan' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('keeps the value between 0 and 100', () => {
    const { getByRole } = renderWithI18n(
      <UploadProgress name="a.txt" size={1} fraction={1.7} onCancel={() => {}} />,
    );
    expect(getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <UploadProgress name="a.txt" size={10} fraction={0.5} onCancel={() => {}} />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
