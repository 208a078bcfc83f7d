import { fireEvent, render, screen, within } from '@testing-library/preact';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { conversationFixture, messageFixture, NOW } from '../../test-fixtures.js';
import { renderIn } from '../../test-render.js';
import { ConversationList } from './ConversationList.js';

const conversations = [
  conversationFixture({
    id: 'c1',
    status: 'pending',
    unreadCount: 2,
    handedOver: true,
    lastMessage: messageFixture({ text: 'Mau bicara dengan\nagen, kak' }),
  }),
  conversationFixture({
    id: 'c2',
    unreadCount: 0,
    // Handed over earlier, and already taken by an agent: no longer waiting.
    handedOver: true,
    assignee: { role: 'agent', id: 'agent', name: 'Rina' },
    visitor: { id: 'v2', name: 'Siti Rahayu', verified: true, online: false },
  }),
  conversationFixture({ id: 'c3', unreadCount: 0, lastMessage: undefined }),
];

describe('ConversationList', () => {
  it('shows who wrote, the last message, unread counts and hand-over requests', () => {
    render(
      <ConversationList
        conversations={conversations}
        filter="open"
        onFilter={() => {}}
        onSelect={() => {}}
        now={NOW}
      />,
    );
    const inbox = screen.getByRole('navigation', { name: 'Conversations' });
    const rows = within(inbox).getAllByRole('button', { name: /Visitor|Siti/ });
    expect(rows).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('Visitor 1a2b');
    expect(rows[0]?.textContent).toContain('Mau bicara dengan agen, kak');
    expect(rows[0]?.textContent).toContain('2 unread');
    expect(rows[0]?.textContent).toContain('Wants a human');
    expect(rows[1]?.textContent).toContain('Siti Rahayu');
    expect(rows[1]?.textContent).not.toContain('unread');
    expect(rows[1]?.textContent).not.toContain('Wants a human');
    expect(rows[1]?.textContent).toContain('Rina');
    expect(rows[2]?.textContent).toContain('No messages yet');
  });

  it('moves focus with the arrow keys, Home and End, and opens a conversation on Enter', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    render(
      <ConversationList
        conversations={conversations}
        filter="open"
        onFilter={() => {}}
        onSelect={onSelect}
      />,
    );
    const rows = screen.getAllByRole('button', { name: /Visitor|Siti/ });
    rows[0]?.focus();
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[1]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(rows[2]);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(rows[2]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(rows[0]);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onSelect).toHaveBeenCalledWith('c2');
  });

  it('marks the open conversation and the active filter, and reports filter changes', () => {
    const onFilter = vi.fn();
    render(
      <ConversationList
        conversations={conversations}
        filter="pending"
        selectedId="c3"
        onFilter={onFilter}
        onSelect={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Pending' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: 'Open' }).getAttribute('aria-pressed')).toBe('false');
    const current = screen
      .getAllByRole('button')
      .filter((button) => button.getAttribute('aria-current') === 'true');
    expect(current.map((button) => button.dataset.conversationId)).toEqual(['c3']);
    fireEvent.click(screen.getByRole('button', { name: 'Resolved' }));
    expect(onFilter).toHaveBeenCalledWith('resolved');
  });

  it('shows a typing visitor in place of the last message', () => {
    render(
      <ConversationList
        conversations={conversations}
        filter="open"
        visitorTyping={{ c1: true }}
        onFilter={() => {}}
        onSelect={() => {}}
      />,
    );
    const rows = screen.getAllByRole('button', { name: /Visitor|Siti/ });
    expect(rows[0]?.textContent).toContain('typing…');
    expect(rows[0]?.textContent).not.toContain('Mau bicara');
    expect(rows[1]?.textContent).not.toContain('typing…');
  });

  it('says so when there is nothing to answer', () => {
    render(<ConversationList conversations={[]} filter="pending" onFilter={() => {}} onSelect={() => {}} />);
    expect(screen.getByText('No pending conversations.')).toBeTruthy();
  });

  it('offers the next page at the end of the list, and says while it loads', async () => {
    const onLoadMore = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(
      <ConversationList
        conversations={conversations}
        filter="all"
        hasMore
        onLoadMore={onLoadMore}
        onFilter={() => {}}
        onSelect={() => {}}
      />,
    );
    const more = screen.getByRole('button', { name: 'Load more conversations' });
    await user.click(more);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(
      <ConversationList
        conversations={conversations}
        filter="all"
        hasMore
        loadingMore
        onLoadMore={onLoadMore}
        onFilter={() => {}}
        onSelect={() => {}}
      />,
    );
    const busy = screen.getByRole('button', { name: 'Loading more conversations…' });
    expect(busy.getAttribute('aria-busy')).toBe('true');
    await user.click(busy);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(
      <ConversationList conversations={conversations} filter="all" onFilter={() => {}} onSelect={() => {}} />,
    );
    expect(screen.queryByRole('button', { name: /more conversations/ })).toBeNull();
  });

  it('shows bidirectional controls in names and previews as markers, isolated from the rest of the row', () => {
    render(
      <ConversationList
        conversations={[
          conversationFixture({
            id: 'spoof',
            visitor: { id: 'v9', name: '\u202Eitsnah\u202C Admin', verified: false, online: true },
            lastMessage: messageFixture({ text: 'Kode: \u202E0987654321\u202C' }),
          }),
        ]}
        filter="all"
        onFilter={() => {}}
        onSelect={() => {}}
      />,
    );
    const row = screen.getByRole('button', { name: /Admin/ });
    expect(row.textContent).toContain('⟨U+202E⟩itsnah⟨U+202C⟩ Admin');
    expect(row.textContent).toContain('Kode: ⟨U+202E⟩0987654321⟨U+202C⟩');
    expect(row.textContent).not.toMatch(/[\u202A-\u202E]/);
    expect(row.querySelector('bdi')?.textContent).toBe('⟨U+202E⟩itsnah⟨U+202C⟩ Admin');
  });
});

describe('ConversationList in Indonesian', () => {
  it('speaks as an Indonesian support team writes: filters, unread, hand-over, typing, relative times', () => {
    renderIn(
      'id',
      <ConversationList
        conversations={conversations}
        filter="active"
        visitorTyping={{ c2: true }}
        onFilter={() => {}}
        onSelect={() => {}}
        now={NOW}
      />,
    );
    const inbox = screen.getByRole('navigation', { name: 'Percakapan' });
    for (const label of ['Aktif', 'Terbuka', 'Menunggu', 'Selesai', 'Semua']) {
      expect(within(inbox).getByRole('button', { name: label })).toBeTruthy();
    }
    const rows = within(inbox).getAllByRole('button', { name: /Pengunjung|Siti/ });
    expect(rows[0]?.textContent).toContain('Pengunjung 1a2b');
    expect(rows[0]?.textContent).toContain('2 belum dibaca');
    expect(rows[0]?.textContent).toContain('Minta dilayani agen');
    expect(rows[0]?.textContent).toContain('Menunggu');
    // Updated at 09:10, seen at 09:30.
    expect(rows[0]?.querySelector('time')?.textContent).toBe('20 mnt lalu');
    expect(rows[1]?.textContent).toContain('sedang mengetik…');
    expect(rows[2]?.textContent).toContain('Belum ada pesan');
  });

  it('says there is nothing to answer, and offers the next page', () => {
    const { rerender } = renderIn(
      'id',
      <ConversationList conversations={[]} filter="pending" onFilter={() => {}} onSelect={() => {}} />,
    );
    expect(screen.getByText('Tidak ada percakapan yang menunggu.')).toBeTruthy();
    rerender(
      <ConversationList
        conversations={conversations}
        filter="all"
        hasMore
        onFilter={() => {}}
        onSelect={() => {}}
      />,
    );
    expect(screen.getByRole('button', { name: 'Muat percakapan lainnya' })).toBeTruthy();
  });
});
