import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { conversationFixture } from '../../test-fixtures.js';
import { VisitorProfile } from './VisitorProfile.js';

const budi = {
  id: 'visitor-1',
  name: 'Budi Santoso',
  email: 'budi@example.id',
  verified: true,
  online: true,
  locale: 'id',
  page: { url: 'https://toko.example/keranjang', title: 'Keranjang belanja' },
};

describe('VisitorProfile', () => {
  it('shows who the visitor is, where they are and how they rated the conversation', () => {
    render(
      <VisitorProfile
        conversation={conversationFixture({
          status: 'resolved',
          rating: { score: 4, comment: 'Cepat dan ramah, terima kasih!' },
          visitor: budi,
        })}
        profile={{
          ...budi,
          userId: 'user-77',
          phone: '+62 812 3456 7890',
          attributes: { plan: 'Gold', orders: 12, newsletter: false },
        }}
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
      'Keranjang belanja',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('Loading the profile');
    expect(screen.getByRole('link', { name: 'toko.example/keranjang' }).getAttribute('href')).toBe(
      'https://toko.example/keranjang',
    );
  });

  it('shows the summary at once and says the rest of the profile is loading', () => {
    render(<VisitorProfile conversation={conversationFixture({ visitor: budi })} />);
    const text = screen.getByRole('complementary').textContent ?? '';
    expect(text).toContain('Budi Santoso');
    expect(text).toContain('budi@example.id');
    expect(text).toContain('Loading the profile…');
    expect(text).not.toContain('Attributes');
  });

  it('shows an anonymous, unverified, offline visitor without a rating and no unsafe page link', () => {
    const visitor = {
      id: 'visitor-9f8e',
      verified: false,
      online: false,
      page: { url: 'javascript:alert(1)' },
    };
    render(
      <VisitorProfile
        conversation={conversationFixture({ visitor })}
        profile={{ ...visitor, attributes: {} }}
      />,
    );
    const text = screen.getByRole('complementary').textContent ?? '';
    expect(text).toContain('Visitor 9f8e');
    expect(text).toContain('Not verified');
    expect(text).toContain('Offline');
    expect(text).toContain('Not rated yet.');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('names the host a page link opens, never the title the visitor sent over it', () => {
    const visitor = {
      id: 'visitor-2',
      verified: false,
      online: true,
      page: { url: 'https://evil.example/login-phish', title: 'https://toko-sapa.example/akun/pesanan/42' },
    };
    render(
      <VisitorProfile
        conversation={conversationFixture({ visitor })}
        profile={{ ...visitor, attributes: {} }}
      />,
    );
    const link = screen.getByRole('link');
    expect(link.textContent).toBe('evil.example/login-phish');
    expect(link.getAttribute('href')).toBe('https://evil.example/login-phish');
    // The title is still there to read, as text outside the link.
    expect(link.textContent).not.toContain('toko-sapa');
    expect(screen.getByRole('complementary').textContent).toContain(
      'https://toko-sapa.example/akun/pesanan/42',
    );
  });

  it('shows bidirectional controls in names and attributes as markers, each isolated', () => {
    const visitor = { id: 'visitor-3', name: '\u202Eitsnah\u202C Admin', verified: false, online: true };
    const { container } = render(
      <VisitorProfile
        conversation={conversationFixture({ visitor })}
        profile={{ ...visitor, attributes: { 'kode\u202E': 'invoice\u202Efdp.exe' } }}
      />,
    );
    const text = container.textContent ?? '';
    expect(text).toContain('⟨U+202E⟩itsnah⟨U+202C⟩ Admin');
    expect(text).toContain('invoice⟨U+202E⟩fdp.exe');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(container.querySelector('dd bdi')?.textContent).toBe('⟨U+202E⟩itsnah⟨U+202C⟩ Admin');
  });
});
