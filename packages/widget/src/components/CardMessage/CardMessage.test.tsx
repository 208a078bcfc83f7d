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
