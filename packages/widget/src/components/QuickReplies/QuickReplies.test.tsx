import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { QuickReplies } from './QuickReplies.js';

describe('QuickReplies', () => {
  it('shows reply actions as buttons and link actions as safe links', async () => {
    const onReply = vi.fn();
    const { getByRole, queryByRole } = renderWithI18n(
      <QuickReplies
        actions={[
          { type: 'reply', label: 'Cek status pesanan', payload: 'order-status' },
          { type: 'link', label: 'Kebijakan retur', url: 'https://toko.example/retur' },
          { type: 'link', label: 'Jahat', url: 'javascript:alert(1)' },
        ]}
        onReply={onReply}
      />,
    );
    await userEvent.click(getByRole('button', { name: 'Cek status pesanan' }));
    expect(onReply).toHaveBeenCalledWith({
      type: 'reply',
      label: 'Cek status pesanan',
      payload: 'order-status',
    });
    const link = getByRole('link', { name: 'Kebijakan retur' });
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(queryByRole('link', { name: 'Jahat' })).toBeNull();
  });

  it('can be disabled while a reply is on its way', () => {
    const { getByRole } = renderWithI18n(
      <QuickReplies actions={[{ type: 'reply', label: 'Ya', payload: 'y' }]} onReply={() => {}} disabled />,
    );
    expect((getByRole('button', { name: 'Ya' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <QuickReplies actions={[{ type: 'reply', label: 'Ya', payload: 'y' }]} onReply={() => {}} />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
