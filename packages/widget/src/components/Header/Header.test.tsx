import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { agent } from '../fixtures.js';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { Header } from './Header.js';

const now = new Date(2026, 10, 25, 21, 0);

describe('Header', () => {
  it('shows the site name, the team and the configured reply time while online', () => {
    const { getByRole, getByText } = renderWithI18n(
      <Header
        siteName="Toko Sapa"
        agents={[agent, { role: 'agent', id: 'a2', name: 'Dewi' }]}
        availability={{ online: true, replyTime: 'minutes' }}
        onLocaleChange={() => {}}
        onClose={() => {}}
      />,
      'id',
    );
    expect(getByRole('heading', { name: 'Toko Sapa' })).toBeTruthy();
    expect(getByText('Kami biasanya membalas dalam beberapa menit')).toBeTruthy();
    expect(getByText('Online.', { exact: false })).toBeTruthy();
    expect(getByRole('list', { name: 'Tim kami' }).textContent).toContain('Dewi');
  });

  it('promises no reply time while away: it names when the team is back', () => {
    const nextOpenAt = new Date(2026, 10, 26, 8, 0).toISOString();
    const { getByText, queryByText } = renderWithI18n(
      <Header
        siteName="Toko Sapa"
        availability={{ online: false, replyTime: 'minutes', nextOpenAt }}
        onLocaleChange={() => {}}
        onClose={() => {}}
        now={now}
      />,
    );
    expect(getByText(/We're away\. We'll be back tomorrow at 8:00\sAM/)).toBeTruthy();
    expect(queryByText(/few minutes/)).toBeNull();
  });

  it('names the time the team is back in the site’s time zone, as Indonesians say it', () => {
    // 00:40 in Jakarta; back at 08:00 the same morning.
    const night = new Date('2026-03-01T17:40:00Z');
    const availability = {
      online: false,
      replyTime: 'day' as const,
      nextOpenAt: '2026-03-02T01:00:00Z',
      timezone: 'Asia/Jakarta',
    };
    const id = renderWithI18n(
      <Header
        siteName="Toko Sapa"
        availability={availability}
        onLocaleChange={() => {}}
        onClose={() => {}}
        now={night}
      />,
      'id',
    );
    expect(id.getByText('Kami sedang tidak aktif. Kami kembali hari ini pukul 08.00 WIB')).toBeTruthy();
    expect(id.container.querySelector('.sapa-visually-hidden')?.textContent).toBe('Sedang tidak aktif. ');
    const en = renderWithI18n(
      <Header
        siteName="Toko Sapa"
        availability={availability}
        onLocaleChange={() => {}}
        onClose={() => {}}
        now={night}
      />,
    );
    expect(en.getByText("We're away. We'll be back today at 08:00 WIB")).toBeTruthy();
  });

  it('promises the reply time while away when the backend names no opening time', () => {
    const { getByText, container } = renderWithI18n(
      <Header
        siteName="Toko Sapa"
        availability={{ online: false, replyTime: 'hours' }}
        onLocaleChange={() => {}}
        onClose={() => {}}
      />,
    );
    expect(getByText('We usually reply in a few hours')).toBeTruthy();
    expect(container.querySelector('.sapa-visually-hidden')?.textContent).toBe('Away. ');
  });

  it('switches language and closes', async () => {
    const onLocaleChange = vi.fn();
    const onClose = vi.fn();
    const { getByRole } = renderWithI18n(
      <Header siteName="Toko Sapa" onLocaleChange={onLocaleChange} onClose={onClose} />,
    );
    const select = getByRole('combobox', { name: 'Language' });
    // Closed, it shows the code of the current language; its list names each language in full.
    expect(select.previousElementSibling?.textContent).toBe('EN');
    expect([...select.querySelectorAll('option')].map((option) => option.textContent)).toEqual([
      'English',
      'Bahasa Indonesia',
    ]);
    await userEvent.selectOptions(select, 'id');
    expect(onLocaleChange).toHaveBeenCalledWith('id');
    await userEvent.click(getByRole('button', { name: 'Close chat' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('has a back button only when a list to go back to exists', async () => {
    const onBack = vi.fn();
    const { getByRole, rerender, queryByRole } = renderWithI18n(
      <Header siteName="Toko Sapa" onLocaleChange={() => {}} onClose={() => {}} />,
    );
    expect(queryByRole('button', { name: 'Back to conversations' })).toBeNull();
    rerender(<Header siteName="Toko Sapa" onLocaleChange={() => {}} onClose={() => {}} onBack={onBack} />);
    await userEvent.click(getByRole('button', { name: 'Back to conversations' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('drops a logo with an unsafe URL', () => {
    const { container } = renderWithI18n(
      <Header
        siteName="Toko Sapa"
        logoUrl="javascript:alert(1)"
        onLocaleChange={() => {}}
        onClose={() => {}}
      />,
    );
    expect(container.querySelector('img')).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <Header
        siteName="Toko Sapa"
        logoUrl="https://toko.example/logo.png"
        agents={[agent]}
        availability={{ online: true, replyTime: 'hours' }}
        onLocaleChange={() => {}}
        onClose={() => {}}
        onBack={() => {}}
      />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
