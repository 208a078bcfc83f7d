import type { Conversation } from '@sapa/protocol';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { agent, textMessage } from '../fixtures.js';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { ConversationList } from './ConversationList.js';

const now = new Date(2026, 10, 25, 15, 0);

function conversation(id: string, status: Conversation['status'], updatedAt: Date): Conversation {
  return {
    id,
    status,
    createdAt: updatedAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    lastSeq: 1,
    visitorReadSeq: 1,
    agentReadSeq: 1,
  };
}

describe('ConversationList', () => {
  it('lists conversations with their last message and time, and opens one', async () => {
    const onSelect = vi.fn();
    const { getByRole } = renderWithI18n(
      <ConversationList
        conversations={[
          conversation('c2', 'open', new Date(2026, 10, 25, 9, 5)),
          conversation('c1', 'resolved', new Date(2026, 10, 20, 9, 5)),
        ]}
        lastMessages={{ c2: textMessage(1, agent, 'Paket Anda sudah dikirim', new Date(2026, 10, 25, 9, 5)) }}
        onSelect={onSelect}
        onStartNew={() => {}}
        now={now}
      />,
      'id',
    );
    const first = getByRole('button', { name: /Paket Anda sudah dikirim/ });
    expect(first.textContent).toBe('Rina: Paket Anda sudah dikirim09.05');
    const second = getByRole('button', { name: /Belum ada pesan/ });
    expect(second.textContent).toContain('Jumat');
    expect(second.textContent).toContain('Selesai');
    await userEvent.click(first);
    expect(onSelect).toHaveBeenCalledWith('c2');
  });

  it('starts a new conversation, also from an empty list', async () => {
    const onStartNew = vi.fn();
    const { getByRole, getByText } = renderWithI18n(
      <ConversationList conversations={[]} onSelect={() => {}} onStartNew={onStartNew} now={now} />,
    );
    expect(getByText('No conversations yet')).toBeTruthy();
    await userEvent.click(getByRole('button', { name: 'Start a new conversation' }));
    expect(onStartNew).toHaveBeenCalledTimes(1);
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <ConversationList
        conversations={[conversation('c1', 'open', now)]}
        onSelect={() => {}}
        onStartNew={() => {}}
        now={now}
      />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
