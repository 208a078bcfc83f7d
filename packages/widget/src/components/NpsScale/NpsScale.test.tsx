import type { Action } from '@sapa/protocol';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { NpsScale } from './NpsScale.js';
import { npsReplies } from './nps-replies.js';

const replies = Array.from({ length: 11 }, (_, score) => ({
  type: 'reply' as const,
  label: String(score),
  payload: `nps:${score}`,
}));

describe('npsReplies', () => {
  it('finds the 11 replies nps:0 … nps:10 in order', () => {
    expect(npsReplies(replies)).toEqual(replies);
  });

  it('finds nothing in other actions: those show as replies', () => {
    expect(npsReplies(undefined)).toBeUndefined();
    expect(npsReplies(replies.slice(1))).toBeUndefined();
    expect(npsReplies([...replies].reverse())).toBeUndefined();
    const link: Action = { type: 'link', label: 'Toko', url: 'https://toko.example' };
    expect(npsReplies([...replies.slice(0, 10), link])).toBeUndefined();
  });
});

describe('NpsScale', () => {
  it('offers 0 to 10 as a named radio group with its end labels', () => {
    const { getByRole, getAllByRole, getByText } = renderWithI18n(
      <NpsScale actions={replies} onAnswer={() => {}} onReply={() => {}} />,
      'id',
    );
    expect(
      getByRole('group', { name: 'Seberapa besar kemungkinan Kakak merekomendasikan kami kepada teman?' }),
    ).toBeTruthy();
    const names = getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'));
    expect(names).toEqual([
      '0, tidak mungkin',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10, sangat mungkin',
    ]);
    expect(getByText('Tidak mungkin')).toBeTruthy();
    expect(getByText('Sangat mungkin')).toBeTruthy();
  });

  it('answers with the chosen reply (its postback) and the comment, trimmed', async () => {
    const onAnswer = vi.fn();
    const { getByRole } = renderWithI18n(
      <NpsScale actions={replies} onAnswer={onAnswer} onReply={() => {}} />,
    );
    await userEvent.click(getByRole('radio', { name: '9' }));
    await userEvent.type(getByRole('textbox', { name: /main reason for your score/ }), ' Kurirnya ramah ');
    await userEvent.click(getByRole('button', { name: 'Send answer' }));
    expect(onAnswer).toHaveBeenCalledWith(replies[9], 'Kurirnya ramah');
  });

  it('answers without a comment, and the arrow keys move along the scale', async () => {
    const onAnswer = vi.fn();
    const { getByRole } = renderWithI18n(
      <NpsScale actions={replies} onAnswer={onAnswer} onReply={() => {}} />,
    );
    await userEvent.click(getByRole('radio', { name: '0, not likely' }));
    await userEvent.keyboard('{ArrowRight}');
    await userEvent.click(getByRole('button', { name: 'Send answer' }));
    expect(onAnswer).toHaveBeenCalledWith(replies[1], undefined);
  });

  it('asks for a score before sending', async () => {
    const onAnswer = vi.fn();
    const { getByRole, getByText } = renderWithI18n(
      <NpsScale actions={replies} onAnswer={onAnswer} onReply={() => {}} />,
    );
    await userEvent.click(getByRole('button', { name: 'Send answer' }));
    expect(getByText('Please choose a score from 0 to 10.')).toBeTruthy();
    expect(onAnswer).not.toHaveBeenCalled();
  });

  it('shows other actions as the replies they are', async () => {
    const onReply = vi.fn();
    const other = [{ type: 'reply' as const, label: 'Ya', payload: 'yes' }];
    const { getByRole, queryByRole } = renderWithI18n(
      <NpsScale actions={other} onAnswer={() => {}} onReply={onReply} />,
    );
    expect(queryByRole('radio')).toBeNull();
    await userEvent.click(getByRole('button', { name: 'Ya' }));
    expect(onReply).toHaveBeenCalledWith(other[0]);
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <NpsScale actions={replies} onAnswer={() => {}} onReply={() => {}} />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
