import { describe, expect, it } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { CardMessage } from './CardMessage.js';

describe('CardMessage', () => {
  it('shows title, text and image, with the title linking out safely', () => {
    const { getByRole, getByText, container } = renderWithI18n(
      <CardMessage
        card={{
          title: 'Kemeja Batik Parang',
          text: 'Rp 250.000 · Stok tersedia',
          imageUrl: 'https://toko.example/batik.jpg',
          url: 'https://toko.example/p/batik',
        }}
      />,
    );
    const link = getByRole('link', { name: 'Kemeja Batik Parang' });
    expect(link.getAttribute('href')).toBe('https://toko.example/p/batik');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
    expect(getByText('Rp 250.000 · Stok tersedia')).toBeTruthy();
    expect(container.querySelector('img')?.getAttribute('src')).toBe('https://toko.example/batik.jpg');
  });

  it('names its image by the title and shows the price in the visitor’s locale', () => {
    const card = {
      title: 'Kopi Arabika Gayo, 250 g',
      imageUrl: 'https://toko.example/kopi.svg',
      price: { amount: 85_000, currency: 'IDR' },
    };
    const id = renderWithI18n(<CardMessage card={card} />, 'id');
    expect(id.getByRole('img', { name: 'Kopi Arabika Gayo, 250 g' })).toBeTruthy();
    expect(id.getByText(/^Rp\s85\.000$/)).toBeTruthy();
    const en = renderWithI18n(<CardMessage card={card} />, 'en');
    expect(en.getByText(/^IDR\s85,000$/)).toBeTruthy();
  });

  it('shows a price in a currency Intl does not know without breaking the card', () => {
    const { getByText } = renderWithI18n(
      <CardMessage card={{ title: 'Voucher', price: { amount: 50_000, currency: 'poin' } }} />,
      'id',
    );
    expect(getByText('50.000 poin')).toBeTruthy();
    expect(getByText('Voucher')).toBeTruthy();
  });

  it('drops unsafe link and image URLs but keeps the text', () => {
    const { container, getByText } = renderWithI18n(
      <CardMessage card={{ title: 'Promo', imageUrl: 'javascript:alert(1)', url: 'javascript:alert(1)' }} />,
    );
    expect(getByText('Promo')).toBeTruthy();
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <CardMessage
        card={{ title: 'Promo', imageUrl: 'https://toko.example/a.jpg', url: 'https://toko.example' }}
      />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
