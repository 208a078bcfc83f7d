import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { ResolvedState } from './ResolvedState.js';

describe('ResolvedState', () => {
  it('asks for a rating and offers a new conversation', async () => {
    const onRate = vi.fn();
    const onStartNew = vi.fn();
    const { getByRole } = renderWithI18n(<ResolvedState onRate={onRate} onStartNew={onStartNew} />, 'id');
    expect(getByRole('heading', { name: 'Obrolan ini sudah selesai' })).toBeTruthy();
    await userEvent.click(getByRole('radio', { name: '4, baik' }));
    await userEvent.click(getByRole('button', { name: 'Kirim penilaian' }));
    expect(onRate).toHaveBeenCalledWith(4, undefined);
    await userEvent.click(getByRole('button', { name: 'Mulai obrolan baru' }));
    expect(onStartNew).toHaveBeenCalledTimes(1);
  });

  it('does not ask again once rated', () => {
    const { queryByRole, getByText } = renderWithI18n(
      <ResolvedState rating={{ score: 5 }} onRate={() => {}} onStartNew={() => {}} />,
    );
    expect(queryByRole('radio')).toBeNull();
    expect(getByText('Thank you for your feedback!')).toBeTruthy();
  });

  it('asks one question at a time: no rating while a survey question waits', () => {
    const { queryByRole, getByRole } = renderWithI18n(
      <ResolvedState onRate={() => {}} onStartNew={() => {}} askRating={false} />,
    );
    expect(queryByRole('radio')).toBeNull();
    expect(getByRole('button', { name: 'Start a new conversation' })).toBeTruthy();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(<ResolvedState onRate={() => {}} onStartNew={() => {}} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
