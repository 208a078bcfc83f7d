import { fireEvent } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import { options } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { agent, bot, textMessage, visitor } from '../fixtures.js';
import { MessageBubble } from '../MessageBubble/MessageBubble.js';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { MESSAGE_WINDOW, MessageList } from './MessageList.js';

const now = new Date(2026, 10, 25, 15, 0);

function history(count: number) {
  return Array.from({ length: count }, (_, index) =>
    textMessage(
      index + 1,
      index % 2 ? agent : visitor,
      `message number ${index + 1}`,
      new Date(2026, 10, 25, 10, 0, index),
    ),
  );
}

describe('MessageList', () => {
  it('is a polite log named "Messages"', () => {
    const { getByRole } = renderWithI18n(<MessageList messages={history(3)} now={now} />);
    const log = getByRole('log', { name: 'Messages' });
    expect(log.getAttribute('aria-live')).toBe('polite');
    expect(log.textContent).toContain('message number 3');
  });

  it('scrolls in a region the keyboard reaches, named in the visitor language, around the log', () => {
    const { getByRole } = renderWithI18n(<MessageList messages={history(3)} now={now} />, 'id');
    const region = getByRole('region', { name: 'Riwayat percakapan' });
    expect(region.tabIndex).toBe(0);
    expect(region.classList.contains('sapa-scroller')).toBe(true);
    expect(region.contains(getByRole('log', { name: 'Pesan' }))).toBe(true);
  });

  it('puts a day separator before each new day', () => {
    const messages = [
      textMessage(1, visitor, 'kemarin', new Date(2026, 10, 24, 20, 0)),
      textMessage(2, agent, 'hari ini', new Date(2026, 10, 25, 8, 0)),
      textMessage(3, visitor, 'juga hari ini', new Date(2026, 10, 25, 9, 0)),
    ];
    const { container } = renderWithI18n(<MessageList messages={messages} now={now} />, 'id');
    expect([...container.querySelectorAll('.sapa-day')].map((day) => day.textContent)).toEqual([
      'Kemarin',
      'Hari ini',
    ]);
  });

  it('renders only a window of a 10,000-message history, and shows older ones on request', async () => {
    const messages = history(10_000);
    const { container, getByRole } = renderWithI18n(<MessageList messages={messages} now={now} />);
    expect(container.querySelectorAll('article')).toHaveLength(MESSAGE_WINDOW);
    expect(container.textContent).toContain('message number 10000');
    expect(container.textContent).not.toContain('message number 9950 ');
    await userEvent.click(getByRole('button', { name: 'Show older messages' }));
    expect(container.querySelectorAll('article')).toHaveLength(MESSAGE_WINDOW * 2);
    expect(container.textContent).toContain(`message number ${10_000 - MESSAGE_WINDOW * 2 + 1}`);
  });

  it('asks the backend for older messages once everything in memory is shown', async () => {
    const onLoadOlder = vi.fn();
    const { getByRole, rerender } = renderWithI18n(
      <MessageList messages={history(10)} hasMore onLoadOlder={onLoadOlder} now={now} />,
    );
    await userEvent.click(getByRole('button', { name: 'Show older messages' }));
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
    rerender(<MessageList messages={history(10)} hasMore loadingOlder onLoadOlder={onLoadOlder} now={now} />);
    expect((getByRole('button', { name: 'Loading…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('has no "Show older" button when the whole history is shown', () => {
    const { queryByRole } = renderWithI18n(<MessageList messages={history(5)} now={now} />);
    expect(queryByRole('button', { name: 'Show older messages' })).toBeNull();
  });

  it('shows "Seen" once, on the newest own message the team has read', () => {
    const messages = [
      textMessage(1, visitor, 'satu'),
      textMessage(2, visitor, 'dua'),
      textMessage(3, visitor, 'tiga'),
    ];
    const { getAllByText } = renderWithI18n(
      <MessageList messages={messages} agentReadSeq={2} now={now} />,
      'id',
    );
    expect(getAllByText(/Dilihat/)).toHaveLength(1);
    expect(getAllByText(/Dilihat/)[0]?.closest('article')?.textContent).toContain('dua');
  });

  it('keeps reply actions only on the last message', () => {
    const action = { type: 'reply' as const, label: 'Ya', payload: 'yes' };
    const messages = [
      textMessage(1, agent, 'lama', undefined, { actions: [action] }),
      textMessage(2, agent, 'baru', undefined, { actions: [{ ...action, label: 'Tidak' }] }),
    ];
    const { queryByRole, getByRole } = renderWithI18n(
      <MessageList messages={messages} onAction={() => {}} now={now} />,
    );
    expect(queryByRole('button', { name: 'Ya' })).toBeNull();
    expect(getByRole('button', { name: 'Tidak' })).toBeTruthy();
  });

  it('shows who is typing in a status region', () => {
    const { getByRole } = renderWithI18n(<MessageList messages={history(1)} typing={[agent]} now={now} />);
    expect(getByRole('status').textContent).toBe('Rina is typing…');
  });

  it('offers "Jump to latest" when scrolled away from the bottom and scrolls back', async () => {
    const { container, getByRole, queryByRole } = renderWithI18n(
      <MessageList messages={history(30)} now={now} />,
    );
    const scroller = container.querySelector('.sapa-scroller') as HTMLDivElement;
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, value: 3000 });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: 500 });
    expect(queryByRole('button', { name: 'Jump to latest' })).toBeNull();
    scroller.scrollTop = 100;
    fireEvent.scroll(scroller);
    await userEvent.click(getByRole('button', { name: 'Jump to latest' }));
    expect(scroller.scrollTop).toBe(3000);
    expect(queryByRole('button', { name: 'Jump to latest' })).toBeNull();
  });

  it('draws one bubble for a new message, not one per message in the window', () => {
    const messages = history(200);
    const { rerender } = renderWithI18n(
      <MessageList messages={messages} onRetry={() => {}} onAction={() => {}} now={now} />,
    );
    let bubbles = 0;
    const previous = options.diffed;
    options.diffed = (vnode) => {
      if (vnode.type === MessageBubble) bubbles += 1;
      previous?.(vnode);
    };
    try {
      const next = [...messages, textMessage(201, agent, 'baru', new Date(2026, 10, 25, 11, 0))];
      // New callbacks too, as a parent re-render makes them.
      rerender(<MessageList messages={next} onRetry={() => {}} onAction={() => {}} now={now} />);
    } finally {
      options.diffed = previous;
    }
    // The new message, and the one before it (no longer the last: its reply actions go).
    expect(bubbles).toBe(2);
  });

  it('reveals older messages while the visitor scrolls up, keeping their place', () => {
    const onLoadOlder = vi.fn();
    const { container } = renderWithI18n(
      <MessageList messages={history(MESSAGE_WINDOW * 3)} hasMore onLoadOlder={onLoadOlder} now={now} />,
    );
    const scroller = container.querySelector('.sapa-scroller') as HTMLDivElement;
    // Every message is 60 px tall here.
    const height = () => container.querySelectorAll('article').length * 60;
    Object.defineProperty(scroller, 'scrollHeight', { configurable: true, get: height });
    Object.defineProperty(scroller, 'clientHeight', { configurable: true, value: 500 });
    scroller.scrollTop = 2000;
    fireEvent.scroll(scroller);
    expect(container.querySelectorAll('article')).toHaveLength(MESSAGE_WINDOW);
    scroller.scrollTop = 150;
    fireEvent.scroll(scroller);
    expect(container.querySelectorAll('article')).toHaveLength(MESSAGE_WINDOW * 2);
    // The message that was 150 px down is still where it was: a window of messages was added above it.
    expect(scroller.scrollTop).toBe(150 + MESSAGE_WINDOW * 60);
    // The rest of memory, then the backend.
    scroller.scrollTop = 100;
    fireEvent.scroll(scroller);
    expect(container.querySelectorAll('article')).toHaveLength(MESSAGE_WINDOW * 3);
    expect(onLoadOlder).not.toHaveBeenCalled();
    scroller.scrollTop = 100;
    fireEvent.scroll(scroller);
    expect(onLoadOlder).toHaveBeenCalledTimes(1);
  });

  it('puts the widget’s own line in the log after the message it follows, and more below the log', () => {
    const messages = [
      textMessage(1, visitor, 'Paket saya belum sampai', undefined, { clientMessageId: 'c-1' }),
      textMessage(2, bot, 'Boleh nomor pesanannya, Kak?'),
    ];
    const { getByRole, getByText } = renderWithI18n(
      <MessageList messages={messages} notice={{ after: 'c-1', content: <p>We're back at 08:00 WIB.</p> }}>
        <form aria-label="Email">…</form>
      </MessageList>,
    );
    const items = [...getByRole('log').querySelectorAll('ol > li')].map((item) => item.textContent ?? '');
    const line = items.indexOf("We're back at 08:00 WIB.");
    expect(items[line - 1]).toContain('Paket saya belum sampai');
    expect(items[line + 1]).toContain('Boleh nomor pesanannya');
    expect(getByRole('log').contains(getByText('…'))).toBe(false);
    expect(getByRole('form', { name: 'Email' })).toBeTruthy();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <MessageList messages={history(12)} typing={[agent]} hasMore now={now} />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
