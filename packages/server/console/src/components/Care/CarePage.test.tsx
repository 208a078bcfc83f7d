import { fireEvent, screen, within } from '@testing-library/preact';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { careReportFixture } from '../../test-fixtures.js';
import { renderIn } from '../../test-render.js';
import { CarePage, type CarePageProps } from './CarePage.js';

function props(overrides: Partial<CarePageProps> = {}): CarePageProps {
  return {
    report: careReportFixture(),
    query: {},
    loading: false,
    onQuery: vi.fn(),
    onOpenConversation: vi.fn(),
    ...overrides,
  };
}

/** The cells of each body row of a table, as text. */
function rows(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
  );
}

describe('CarePage', () => {
  it('reports campaigns, ratings, NPS, every day and the latest comments of the period', async () => {
    const given = props();
    const user = userEvent.setup();
    renderIn('en', <CarePage {...given} />);
    const page = screen.getByRole('region', { name: 'Customer care' });
    expect(page.textContent).toContain("day by day in the site's time zone (Asia/Jakarta)");
    expect(within(page).getByRole('status').textContent).toBe(
      'Monday, March 2, 2026 to Friday, March 6, 2026',
    );

    const ratings = within(page).getByRole('region', { name: 'Ratings' });
    expect(ratings.textContent).toContain('3.5 out of 5');
    expect(ratings.textContent).toContain('from 2 ratings');
    expect(rows(within(ratings).getByRole('table', { name: 'Ratings by stars' }))).toEqual([
      ['5 stars', '1'],
      ['4 stars', '0'],
      ['3 stars', '0'],
      ['2 stars', '1'],
      ['1 star', '0'],
    ]);
    const nps = within(page).getByRole('region', { name: 'Would recommend us (NPS)' });
    expect(nps.textContent).toContain('NPS 0');
    expect(nps.textContent).toContain('from 2 answers');
    expect(rows(within(nps).getByRole('table'))).toEqual([
      ['Promoters (9–10)', '1'],
      ['Passives (7–8)', '0'],
      ['Detractors (0–6)', '1'],
    ]);

    const campaigns = within(page).getByRole('region', { name: 'Campaigns' });
    expect(
      within(campaigns)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Campaign', 'Sent', 'Seen', 'Answered', 'CSAT']);
    expect(rows(within(campaigns).getByRole('table'))).toEqual([
      ['purchase-thank-you', '2', '1 (50%)', '1 (50%)', '5 from 1 rating'],
      ['feedback-after-resolved', '2', '2 (100%)', '2 (100%)', 'no ratings'],
    ]);

    const days = within(page).getByRole('region', { name: 'Day by day' });
    const charts = within(days).getAllByRole('img');
    expect(charts.map((chart) => chart.getAttribute('aria-labelledby') !== null)).toEqual([true, true]);
    expect(charts[0]?.querySelector('title')?.textContent).toBe(
      'Campaign messages per day: 5 sent, 4 seen, 3 answered from Monday, March 2, 2026 to Friday, March 6, 2026. Every day is in the table below.',
    );
    expect(charts[1]?.querySelector('title')?.textContent).toContain('2 ratings and 2 NPS answers');
    // One bar per day and series, its height the day's count (the tallest day fills the plot).
    const sent = [...(charts[0]?.querySelectorAll('rect.bar--sent') ?? [])].map((bar) =>
      Number(bar.getAttribute('height')),
    );
    expect(sent).toHaveLength(5);
    expect(sent[0]).toBeGreaterThan(sent[3] ?? 0);
    expect(sent[1]).toBe(0);
    const table = within(days).getByRole('table', { name: 'Every day of the period' });
    expect(rows(table)).toEqual([
      ['Monday, March 2, 2026', '3', '2', '1', '1', '5', '0', '—'],
      ['Tuesday, March 3, 2026', '0', '0', '0', '1', '2', '0', '—'],
      ['Wednesday, March 4, 2026', '0', '0', '0', '0', '—', '0', '—'],
      ['Thursday, March 5, 2026', '1', '1', '1', '0', '—', '1', '100'],
      ['Friday, March 6, 2026', '1', '1', '1', '0', '—', '1', '-100'],
    ]);
    // The table's box can scroll: a keyboard reaches it, and it is named by its caption.
    expect(within(days).getByRole('region', { name: 'Every day of the period' }).tabIndex).toBe(0);

    const comments = within(page).getByRole('region', { name: 'Latest comments' });
    const items = within(comments).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Would recommend: 10 out of 10');
    expect(items[0]?.textContent).toContain('Sangat puas');
    expect(items[0]?.textContent).toContain('handled by Sari');
    expect(items[1]?.textContent).toContain('2 out of 5');
    await user.click(within(comments).getByRole('button', { name: 'Open conversation SP-M3XR' }));
    expect(given.onOpenConversation).toHaveBeenCalledWith('c-dodi');
  });

  it('asks for a period and an agent, and says whose feedback it shows', async () => {
    const given = props({
      report: careReportFixture({ agent: 'agent:Sari' }),
      query: { agent: 'agent:Sari' },
    });
    const user = userEvent.setup();
    renderIn('en', <CarePage {...given} />);
    const filters = screen.getByRole('group', { name: 'Period and agent' });
    const from = within(filters).getByLabelText('From') as HTMLInputElement;
    const to = within(filters).getByLabelText('To') as HTMLInputElement;
    const agent = within(filters).getByRole('combobox', { name: 'Agent' }) as HTMLSelectElement;
    expect([from.value, to.value, agent.value]).toEqual(['2026-03-02', '2026-03-06', 'agent:Sari']);
    expect([...agent.options].map((option) => option.textContent)).toEqual(['All agents', 'Budi', 'Sari']);
    expect(screen.getByRole('region', { name: 'Customer care' }).textContent).toContain(
      "Campaign numbers are the whole site's; ratings, NPS and comments are those that came while Sari handled the conversation.",
    );
    fireEvent.input(from, { target: { value: '2026-03-01' } });
    fireEvent.change(agent, { target: { value: '' } });
    await user.click(within(filters).getByRole('button', { name: 'Show report' }));
    expect(given.onQuery).toHaveBeenCalledWith({ from: '2026-03-01', to: '2026-03-06', agent: undefined });
  });

  it('says when there is nothing yet, while it loads and when loading failed', () => {
    const empty = careReportFixture({
      campaigns: [],
      ratings: { count: 0, distribution: [0, 0, 0, 0, 0] },
      nps: { count: 0, promoters: 0, passives: 0, detractors: 0 },
      comments: [],
    });
    const { rerender } = renderIn('en', <CarePage {...props({ report: empty })} />);
    for (const text of [
      'No ratings in this period.',
      'No NPS answers in this period.',
      'No campaign was sent in this period.',
      'No comments in this period.',
    ]) {
      expect(screen.getByText(text)).toBeTruthy();
    }
    rerender(<CarePage {...props({ report: undefined, loading: true })} />);
    expect(screen.getByRole('status').textContent).toBe('Loading the report…');
    expect(screen.getByRole('status').getAttribute('aria-busy')).toBe('true');
    rerender(<CarePage {...props({ report: undefined, error: 'Loading the care report failed.' })} />);
    expect(screen.getByRole('alert').textContent).toBe('Loading the care report failed.');
  });
});

describe('CarePage in Indonesian', () => {
  it('reports in Indonesian, with Indonesian dates and numbers', () => {
    renderIn('id', <CarePage {...props()} />);
    const page = screen.getByRole('region', { name: 'Customer care' });
    expect(within(page).getByRole('status').textContent).toBe(
      'Senin, 02 Maret 2026 sampai Jumat, 06 Maret 2026',
    );
    const ratings = within(page).getByRole('region', { name: 'Penilaian' });
    expect(ratings.textContent).toContain('3,5 dari 5');
    expect(ratings.textContent).toContain('dari 2 penilaian');
    expect(within(ratings).getByRole('table', { name: 'Penilaian per jumlah bintang' })).toBeTruthy();
    const nps = within(page).getByRole('region', { name: 'Kesediaan merekomendasikan (NPS)' });
    expect(rows(within(nps).getByRole('table')).map((row) => row[0])).toEqual([
      'Promotor (9–10)',
      'Pasif (7–8)',
      'Detraktor (0–6)',
    ]);
    const campaigns = within(page).getByRole('region', { name: 'Kampanye' });
    expect(
      within(campaigns)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Kampanye', 'Terkirim', 'Dilihat', 'Dibalas', 'CSAT']);
    expect(rows(within(campaigns).getByRole('table'))[0]).toEqual([
      'purchase-thank-you',
      '2',
      '1 (50%)',
      '1 (50%)',
      '5 dari 1 penilaian',
    ]);
    const days = within(page).getByRole('region', { name: 'Per hari' });
    expect(rows(within(days).getByRole('table', { name: 'Setiap hari dalam periode ini' }))[0]?.[0]).toBe(
      'Senin, 02 Maret 2026',
    );
    expect(within(days).getAllByRole('img')[0]?.querySelector('title')?.textContent).toContain(
      'Pesan kampanye per hari: 5 terkirim, 4 dilihat, 3 dibalas',
    );
    const filters = screen.getByRole('group', { name: 'Periode dan agen' });
    expect(within(filters).getByLabelText('Dari')).toBeTruthy();
    expect(within(filters).getByLabelText('Sampai')).toBeTruthy();
    expect(
      [...(within(filters).getByRole('combobox', { name: 'Agen' }) as HTMLSelectElement).options][0]
        ?.textContent,
    ).toBe('Semua agen');
    expect(within(filters).getByRole('button', { name: 'Tampilkan laporan' })).toBeTruthy();
    const comments = within(page).getByRole('region', { name: 'Komentar terbaru' });
    expect(comments.textContent).toContain('Kesediaan merekomendasikan: 10 dari 10');
    expect(comments.textContent).toContain('ditangani oleh Sari');
    expect(within(comments).getByRole('button', { name: 'Buka percakapan SP-7KQ2' })).toBeTruthy();
  });
});
