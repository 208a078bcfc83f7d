import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { conversationFixture } from '../../test-fixtures.js';
import { renderIn } from '../../test-render.js';
import { FeedbackList } from './FeedbackList.js';

const rina = { id: 'agent:Rina', name: 'Rina' };

describe('FeedbackList', () => {
  it('shows each rating and NPS answer with its comment, when it came and who handled the conversation', () => {
    renderIn(
      'en',
      <FeedbackList
        conversation={conversationFixture({
          status: 'resolved',
          feedback: [
            {
              kind: 'rating',
              score: 4,
              comment: 'Cepat dan ramah, terima kasih!',
              agent: rina,
              createdAt: '2026-03-02T09:00:00Z',
              updatedAt: '2026-03-02T09:01:00Z',
            },
            {
              kind: 'nps',
              score: 9,
              comment: 'Pasti saya rekomendasikan',
              campaignId: 'feedback-after-resolved',
              agent: rina,
              createdAt: '2026-03-05T04:00:00Z',
              updatedAt: '2026-03-05T04:02:00Z',
            },
            { kind: 'nps', score: 4, createdAt: '2026-03-06T04:00:00Z', updatedAt: '2026-03-06T04:00:00Z' },
          ],
        })}
      />,
    );
    const section = screen.getByRole('region', { name: 'Feedback' });
    const items = within(section).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[0]?.textContent).toContain('Rated 4 out of 5');
    expect(items[0]?.querySelector('.rating__stars')?.textContent).toBe('★★★★☆');
    expect(items[0]?.querySelector('.rating__stars')?.getAttribute('aria-hidden')).toBe('true');
    expect(items[0]?.querySelector('blockquote')?.textContent).toBe('Cepat dan ramah, terima kasih!');
    expect(items[0]?.textContent).toContain('handled by Rina');
    expect(items[0]?.querySelector('time')?.getAttribute('dateTime')).toBe('2026-03-02T09:01:00Z');
    expect(items[1]?.textContent).toContain('Would recommend us: 9 out of 10');
    expect(items[1]?.textContent).toContain('promoter');
    expect(items[1]?.textContent).toContain('Pasti saya rekomendasikan');
    expect(items[2]?.textContent).toContain('Would recommend us: 4 out of 10');
    expect(items[2]?.textContent).toContain('detractor');
    expect(items[2]?.querySelector('blockquote')).toBeNull();
  });

  it('shows the rating a server sends without a feedback list, says when a resolved one is not rated, and hides for open ones', () => {
    const { rerender } = renderIn(
      'en',
      <FeedbackList
        conversation={conversationFixture({
          status: 'resolved',
          rating: { score: 5, comment: 'Terima kasih, cepat sekali!' },
        })}
      />,
    );
    const section = screen.getByRole('region', { name: 'Feedback' });
    expect(section.textContent).toContain('Rated 5 out of 5');
    expect(section.textContent).toContain('Terima kasih, cepat sekali!');
    rerender(<FeedbackList conversation={conversationFixture({ status: 'resolved' })} />);
    expect(screen.getByRole('region', { name: 'Feedback' }).textContent).toContain('Not rated yet.');
    rerender(<FeedbackList conversation={conversationFixture({ status: 'open' })} />);
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('speaks Indonesian, comments isolated with their bidirectional controls shown', () => {
    renderIn(
      'id',
      <FeedbackList
        conversation={conversationFixture({
          status: 'resolved',
          feedback: [
            {
              kind: 'rating',
              score: 2,
              comment: 'Lama \u202Ebalasnya\u202C',
              agent: { id: 'agent:Budi', name: 'Budi' },
              createdAt: '2026-03-03T03:00:00Z',
              updatedAt: '2026-03-03T03:00:00Z',
            },
            { kind: 'nps', score: 7, createdAt: '2026-03-06T04:00:00Z', updatedAt: '2026-03-06T04:00:00Z' },
          ],
        })}
      />,
    );
    const section = screen.getByRole('region', { name: 'Ulasan pelanggan' });
    const items = within(section).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain('Memberi nilai 2 dari 5');
    expect(items[0]?.textContent).toContain('ditangani oleh Budi');
    expect(items[0]?.querySelector('blockquote bdi')?.textContent).toBe('Lama ⟨U+202E⟩balasnya⟨U+202C⟩');
    expect(items[1]?.textContent).toContain('Kesediaan merekomendasikan kami: 7 dari 10');
    expect(items[1]?.textContent).toContain('pasif');
  });
});
