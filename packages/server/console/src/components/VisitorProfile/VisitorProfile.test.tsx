import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { conversationFixture } from '../../test-fixtures.js';
import { VisitorProfile } from './VisitorProfile.js';

describe('VisitorProfile', () => {
  it('shows who the visitor is, where they are and how they rated the conversation', () => {
    render(
      <VisitorProfile
        conversation={conversationFixture({
          status: 'resolved',
          rating: { score: 4, comment: 'Cepat dan ramah, terima kasih!' },
          visitor: {
            id: 'visitor-1',
            userId: 'user-77',
            name: 'Budi Santoso',
            email: 'budi@example.id',
            phone: '+62 812 3456 7890',
            verified: true,
            online: true,
            locale: 'id',
            page: { url: 'https://toko.example/keranjang', title: 'Keranjang belanja' },
            attributes: { plan: 'Gold', orders: 12, newsletter: false },
          },
        })}
      />,
    );
    const profile = screen.getByRole('complementary', { name: 'Visitor' });
    const text = profile.textContent ?? '';
    for (const expected of [
      'Budi Santoso',
      'Verified',
      'Online',
      'budi@example.id',
      '+62 812 3456 7890',
      'user-77',
      'id',
      'Gold',
      '12',
      'false',
      '4 out of 5',
      'Cepat dan ramah, terima kasih!',
    ]) {
      expect(text).toContain(expected);
    }
    expect(screen.getByRole('link', { name: 'Keranjang belanja' }).getAttribute('href')).toBe(
      'https://toko.example/keranjang',
    );
  });

  it('shows an anonymous, unverified, offline visitor without a rating and no unsafe page link', () => {
    render(
      <VisitorProfile
        conversation={conversationFixture({
          visitor: {
            id: 'visitor-9f8e',
            attributes: {},
            verified: false,
            online: false,
            page: { url: 'javascript:alert(1)' },
          },
        })}
      />,
    );
    const text = screen.getByRole('complementary').textContent ?? '';
    expect(text).toContain('Visitor 9f8e');
    expect(text).toContain('Not verified');
    expect(text).toContain('Offline');
    expect(text).toContain('Not rated yet.');
    expect(screen.queryByRole('link')).toBeNull();
  });
});
