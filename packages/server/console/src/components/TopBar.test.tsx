import { fireEvent, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../test-render.js';
import { TopBar } from './TopBar.js';

describe('TopBar', () => {
  it('links both views, marks the one on screen, and switches the language', () => {
    const onLanguage = vi.fn();
    renderIn(
      'en',
      <TopBar
        status="open"
        view="care"
        account={{ id: 'agent:Rina', name: 'Rina', operator: false }}
        onLanguage={onLanguage}
        onSignOut={() => {}}
      />,
    );
    const banner = screen.getByRole('banner');
    const views = within(banner).getByRole('navigation', { name: 'Console sections' });
    const care = within(views).getByRole('link', { name: 'Customer care' });
    expect(care.getAttribute('href')).toBe('#care');
    expect(care.getAttribute('aria-current')).toBe('page');
    expect(
      within(views).getByRole('link', { name: 'Conversations' }).getAttribute('aria-current'),
    ).toBeNull();
    expect(within(banner).getByRole('status').textContent).toBe('Live');
    expect(banner.textContent).toContain('Signed in as Rina');
    const language = within(banner).getByRole('combobox', { name: 'Language' }) as HTMLSelectElement;
    expect(language.value).toBe('en');
    // Each language is named in its own words, marked with its language.
    const options = [...language.options].map((option) => [option.value, option.lang, option.textContent]);
    expect(options).toEqual([
      ['en', 'en', 'English'],
      ['id', 'id', 'Bahasa Indonesia'],
    ]);
    fireEvent.change(language, { target: { value: 'id' } });
    expect(onLanguage).toHaveBeenCalledWith('id');
  });

  it('speaks Indonesian: views, connection, account and signing out', () => {
    renderIn(
      'id',
      <TopBar
        status="reconnecting"
        retryInMs={4000}
        view="inbox"
        account={{ id: 'agent:Rina', name: 'Rina', operator: false }}
        onLanguage={() => {}}
        onSignOut={() => {}}
      />,
    );
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('heading', { level: 1 }).textContent).toBe('Konsol Sapa');
    const views = within(banner).getByRole('navigation', { name: 'Bagian konsol' });
    expect(within(views).getByRole('link', { name: 'Percakapan' }).getAttribute('aria-current')).toBe('page');
    expect(within(banner).getByRole('status').textContent).toBe('Koneksi terputus, mencoba lagi dalam 4 dtk');
    expect(banner.textContent).toContain('Masuk sebagai Rina');
    expect((within(banner).getByRole('combobox', { name: 'Bahasa' }) as HTMLSelectElement).value).toBe('id');
    expect(within(banner).getByRole('button', { name: 'Keluar' })).toBeTruthy();
  });

  it('says when replies carry the site name (operator token)', () => {
    renderIn(
      'id',
      <TopBar
        status="connecting"
        view="inbox"
        account={{ id: 'operator', operator: true }}
        onLanguage={() => {}}
        onSignOut={() => {}}
      />,
    );
    expect(screen.getByRole('banner').textContent).toContain(
      'Masuk dengan token operator (balasan memakai nama situs)',
    );
    expect(screen.getByRole('status').textContent).toBe('Menghubungkan…');
  });
});
