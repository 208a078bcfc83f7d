import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { agent } from '../fixtures.js';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { Teaser } from './Teaser.js';

describe('Teaser', () => {
  it('shows the proactive message from the team, and can be answered, tapped or dismissed', async () => {
    const onReply = vi.fn();
    const onAction = vi.fn();
    const onDismiss = vi.fn();
    const { getByRole, getByText } = renderWithI18n(
      <Teaser
        text="Halo Sari, ada yang bisa kami bantu dengan pesanan Anda?"
        actions={[{ type: 'reply', label: 'Ya, tolong', payload: 'help' }]}
        author={agent}
        siteName="Toko Sapa"
        onReply={onReply}
        onAction={onAction}
        onDismiss={onDismiss}
      />,
      'id',
    );
    expect(getByRole('region', { name: 'Pesan dari Rina' })).toBeTruthy();
    expect(getByText('Halo Sari, ada yang bisa kami bantu dengan pesanan Anda?')).toBeTruthy();
    await userEvent.click(getByRole('button', { name: 'Ya, tolong' }));
    expect(onAction).toHaveBeenCalledWith({ type: 'reply', label: 'Ya, tolong', payload: 'help' });
    await userEvent.click(getByRole('button', { name: 'Balas' }));
    expect(onReply).toHaveBeenCalledTimes(1);
    await userEvent.click(getByRole('button', { name: 'Tutup pesan' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('shows a recommendation’s card: image named by its title, price in rupiah', () => {
    const { getByRole, getByText } = renderWithI18n(
      <Teaser
        text="Halo Kak, sepertinya Kopi Arabika Gayo menarik perhatian Kakak."
        card={{
          title: 'Kopi Arabika Gayo, 250 g',
          imageUrl: 'https://toko.example/kopi.svg',
          url: 'https://toko.example/#kopi',
          price: { amount: 85_000, currency: 'IDR' },
        }}
        siteName="Toko Sapa"
        onReply={() => {}}
        onAction={() => {}}
        onDismiss={() => {}}
      />,
      'id',
    );
    const region = getByRole('region', { name: 'Pesan dari Toko Sapa' });
    expect(region.querySelector('img')?.getAttribute('alt')).toBe('Kopi Arabika Gayo, 250 g');
    expect(getByRole('link', { name: 'Kopi Arabika Gayo, 250 g' }).getAttribute('href')).toBe(
      'https://toko.example/#kopi',
    );
    expect(getByText(/^Rp\s85\.000$/)).toBeTruthy();
  });

  it('comes from the site when no author is given, and shows markup as text', () => {
    const { getByRole, container } = renderWithI18n(
      <Teaser
        text="<b>Diskon</b>"
        siteName="Toko Sapa"
        onReply={() => {}}
        onAction={() => {}}
        onDismiss={() => {}}
      />,
    );
    expect(getByRole('region', { name: 'Message from Toko Sapa' })).toBeTruthy();
    expect(container.querySelector('b')).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <Teaser
        text="Halo!"
        siteName="Toko Sapa"
        onReply={() => {}}
        onAction={() => {}}
        onDismiss={() => {}}
      />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
