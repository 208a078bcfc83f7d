import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { conversationFixture, NOW } from '../../test-fixtures.js';
import { renderIn } from '../../test-render.js';
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
  it('shows who the visitor is, where they are, and where each profile value came from', () => {
    render(
      <VisitorProfile
        conversation={conversationFixture({ status: 'resolved', visitor: budi })}
        profile={{
          ...budi,
          userId: 'user-77',
          phone: '+62 812 3456 7890',
          attributes: { plan: 'Gold', orders: 12, newsletter: false },
          sources: { name: 'identity-verified', email: 'form', phone: 'chat' },
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
      'Keranjang belanja',
    ]) {
      expect(text).toContain(expected);
    }
    const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact('Name')).toBe('Budi Santoso, verified identity');
    expect(fact('Email')).toBe('budi@example.id, from a form');
    expect(fact('Phone')).toBe('+62 812 3456 7890, asked in the chat');
    // The conversation's rating is in the conversation view, not among the visitor's facts.
    expect(text).not.toContain('out of 5');
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

  it('shows an anonymous, unverified, offline visitor without sources and no unsafe page link', () => {
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
    expect(screen.getByRole('complementary').querySelector('.profile__source')).toBeNull();
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

describe('VisitorProfile in Indonesian', () => {
  it('names every fact in Indonesian and says when the visitor was last seen, relative to now', () => {
    const visitor = {
      ...budi,
      online: false,
      verified: false,
      lastSeenAt: '2026-03-02T09:25:00Z',
    };
    renderIn(
      'id',
      <VisitorProfile
        conversation={conversationFixture({ visitor })}
        profile={{
          ...visitor,
          phone: '+62 812 3456 7890',
          userId: 'user-77',
          attributes: { plan: 'Gold' },
          sources: { name: 'identity', email: 'chat', phone: 'form' },
        }}
        now={NOW}
      />,
    );
    const profile = screen.getByRole('complementary', { name: 'Pengunjung' });
    const terms = [...profile.querySelectorAll('.profile__facts dt')].map((term) => term.textContent);
    expect(terms).toEqual([
      'Nama',
      'Identitas',
      'Status',
      'Email',
      'Telepon',
      'ID pengguna',
      'Halaman yang dibuka',
      'Bahasa',
    ]);
    expect(profile.textContent).toContain('Belum terverifikasi');
    expect(profile.textContent).toContain('Offline, terakhir terlihat 5 mnt lalu');
    expect(screen.getByRole('heading', { name: 'Atribut' })).toBeTruthy();
    const sources = [...profile.querySelectorAll('.profile__source')].map((source) => source.textContent);
    expect(sources).toEqual([', dari situs', ', ditanyakan di chat', ', dari formulir']);
  });
});
