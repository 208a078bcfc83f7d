import { screen, within } from '@testing-library/preact';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { conversationFixture } from '../../test-fixtures.js';
import { renderIn } from '../../test-render.js';
import { ConversationList } from './ConversationList.js';

const found = conversationFixture({
  id: 'c7',
  reference: 'SP-7KQ2',
  visitor: { id: 'v7', name: 'Budi Santoso', verified: true, online: false },
});

describe('finding a conversation', () => {
  it('searches by what the agent typed, says what it found and clears back to the inbox', async () => {
    const onSearch = vi.fn();
    const onClearSearch = vi.fn();
    const user = userEvent.setup();
    const props = {
      filter: 'active' as const,
      onFilter: () => {},
      onSelect: () => {},
      onSearch,
      onClearSearch,
    };
    const { rerender } = renderIn('en', <ConversationList conversations={[]} {...props} />);
    const box = screen.getByRole('searchbox', { name: 'Find a conversation' });
    expect(box.getAttribute('placeholder')).toBe('Reference (SP-7KQ2), name or email');
    await user.type(box, '  ref sp-7kq2 {Enter}');
    expect(onSearch).toHaveBeenCalledWith('ref sp-7kq2');

    rerender(<ConversationList conversations={[]} searchQuery="ref sp-7kq2" searching {...props} />);
    expect(screen.getByRole('status').textContent).toBe('Searching…');
    rerender(<ConversationList conversations={[found]} searchQuery="ref sp-7kq2" {...props} />);
    expect(screen.getByRole('status').textContent).toBe('1 conversation for “ref sp-7kq2”');
    const row = screen.getByRole('button', { name: /Budi Santoso/ });
    expect(row.textContent).toContain('SP-7KQ2');
    // While a search is on, no filter is the list on screen.
    expect(screen.getByRole('button', { name: 'Active' }).getAttribute('aria-pressed')).toBe('false');

    await user.click(screen.getByRole('button', { name: 'Clear search' }));
    expect(onClearSearch).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(box);
    await user.keyboard('{Escape}');
    expect(onClearSearch).toHaveBeenCalledTimes(2);
  });

  it('says so when nothing matches, in Indonesian', () => {
    renderIn(
      'id',
      <ConversationList
        conversations={[]}
        filter="active"
        searchQuery="SP-ZZZZ"
        onFilter={() => {}}
        onSelect={() => {}}
        onSearch={() => {}}
      />,
    );
    const inbox = screen.getByRole('navigation', { name: 'Percakapan' });
    expect(within(inbox).getByRole('searchbox', { name: 'Cari percakapan' })).toBeTruthy();
    expect(within(inbox).getByRole('status').textContent).toBe(
      'Tidak ada percakapan yang cocok dengan “SP-ZZZZ”.',
    );
    // Said once, not again as an empty inbox.
    expect(within(inbox).getAllByText(/SP-ZZZZ/)).toHaveLength(1);
    expect(within(inbox).getByRole('button', { name: 'Hapus pencarian' })).toBeTruthy();
    expect(within(inbox).getByRole('button', { name: 'Cari' })).toBeTruthy();
  });
});
