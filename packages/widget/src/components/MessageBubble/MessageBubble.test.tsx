import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { agent, bot, textMessage, visitor } from '../fixtures.js';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { MessageBubble } from './MessageBubble.js';

describe('MessageBubble', () => {
  it("shows an agent's name, text and time", () => {
    const message = textMessage(1, agent, 'Halo, ada yang bisa dibantu?', new Date(2026, 10, 25, 9, 30));
    const { getByText, container } = renderWithI18n(<MessageBubble message={message} />, 'id');
    expect(getByText('Rina')).toBeTruthy();
    expect(getByText('Halo, ada yang bisa dibantu?')).toBeTruthy();
    expect(container.querySelector('time')?.textContent).toBe('09.30');
    expect(container.querySelector('time')?.getAttribute('datetime')).toBe(message.createdAt);
  });

  it("shows the bidi controls in an author's name: '\\u202Eitsnah\\u202C Admin' never reads 'hansti Admin'", () => {
    const spoofer = { ...agent, name: '\u202Eitsnah\u202C Admin' };
    const { getByText } = renderWithI18n(<MessageBubble message={textMessage(1, spoofer, 'Halo')} />);
    expect(getByText('⟨U+202E⟩itsnah⟨U+202C⟩ Admin').className).toBe('sapa-author');
  });

  it('names the bot when it has no name', () => {
    const { getByText } = renderWithI18n(<MessageBubble message={textMessage(1, bot, 'Hi!')} />);
    expect(getByText('Assistant')).toBeTruthy();
  });

  it('marks own messages as sending, then sent, then seen', () => {
    const sending = textMessage(0, visitor, 'Pesanan saya belum sampai', undefined, { delivery: 'sending' });
    const { getByText, rerender, queryByText } = renderWithI18n(<MessageBubble message={sending} />, 'id');
    expect(getByText(/Mengirim…/)).toBeTruthy();
    rerender(<MessageBubble message={{ ...sending, seq: 4, delivery: 'sent' }} />);
    expect(getByText(/Terkirim/)).toBeTruthy();
    expect(queryByText(/Mengirim/)).toBeNull();
    rerender(<MessageBubble message={{ ...sending, seq: 4, delivery: 'sent' }} seen />);
    expect(getByText(/Dilihat/)).toBeTruthy();
  });

  it('offers Retry on a failed message', async () => {
    const onRetry = vi.fn();
    const failed = textMessage(0, visitor, 'Halo', undefined, { delivery: 'failed' });
    const { getByRole, getByText } = renderWithI18n(<MessageBubble message={failed} onRetry={onRetry} />);
    expect(getByText(/Not sent/)).toBeTruthy();
    await userEvent.click(getByRole('button', { name: 'Retry' }));
    expect(onRetry).toHaveBeenCalledWith(failed);
  });

  it('renders a system event as a line of text', () => {
    const event = {
      ...textMessage(3, { role: 'system', id: 'system' }, 'Rina joined the conversation'),
      type: 'event' as const,
    };
    const { container } = renderWithI18n(<MessageBubble message={event} />);
    expect(container.querySelector('.sapa-event')?.textContent).toBe('Rina joined the conversation');
    expect(container.querySelector('article')).toBeNull();
  });

  it('shows attachments, a card and reply actions', async () => {
    const onAction = vi.fn();
    const message = textMessage(2, bot, 'Pilih topik:', undefined, {
      attachments: [
        {
          id: 'a1',
          name: 'invoice.pdf',
          size: 2048,
          mime: 'application/pdf',
          url: 'https://files.example/a1',
        },
      ],
      actions: [{ type: 'reply', label: 'Lacak pesanan', payload: 'track' }],
    });
    const { getByRole, findByRole } = renderWithI18n(
      <MessageBubble message={message} onAction={onAction} />,
      'id',
    );
    // The file's part is a chunk of its own (message-parts.ts): it arrives a moment later.
    expect(await findByRole('link', { name: /invoice\.pdf/ })).toBeTruthy();
    await userEvent.click(getByRole('button', { name: 'Lacak pesanan' }));
    expect(onAction).toHaveBeenCalledWith({ type: 'reply', label: 'Lacak pesanan', payload: 'track' });
  });

  it('hides actions when told to (only the last message keeps them)', () => {
    const message = textMessage(2, bot, 'x', undefined, {
      actions: [{ type: 'reply', label: 'Ya', payload: 'y' }],
    });
    const { queryByRole } = renderWithI18n(
      <MessageBubble message={message} onAction={() => {}} showActions={false} />,
    );
    expect(queryByRole('button', { name: 'Ya' })).toBeNull();
  });

  it('draws a survey question’s answers with renderSurvey, and the replies without it', () => {
    const replies = [{ type: 'reply' as const, label: '0', payload: 'nps:0' }];
    const question = textMessage(3, bot, 'How likely…?', undefined, {
      actions: replies,
      survey: { type: 'nps' },
    });
    const drawn = renderWithI18n(
      <MessageBubble
        message={question}
        onAction={() => {}}
        renderSurvey={(message) => <p>scale for {message.id}</p>}
      />,
    );
    expect(drawn.getByText('scale for message-3')).toBeTruthy();
    expect(drawn.queryByRole('button', { name: '0' })).toBeNull();
    const plain = renderWithI18n(<MessageBubble message={question} onAction={() => {}} />);
    expect(plain.getByRole('button', { name: '0' })).toBeTruthy();
    // A survey renderSurvey does not draw (a type it does not know) keeps its replies.
    const unknown = renderWithI18n(
      <MessageBubble message={question} onAction={() => {}} renderSurvey={() => undefined} />,
    );
    expect(unknown.getByRole('button', { name: '0' })).toBeTruthy();
  });

  it('has no axe violations', async () => {
    const failed = textMessage(0, visitor, 'Halo', undefined, { delivery: 'failed' });
    const { container } = renderWithI18n(
      <>
        <MessageBubble message={textMessage(1, agent, 'Halo')} />
        <MessageBubble message={failed} onRetry={() => {}} />
      </>,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
