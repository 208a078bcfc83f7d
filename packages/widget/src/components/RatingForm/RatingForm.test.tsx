import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { RatingForm } from './RatingForm.js';

describe('RatingForm', () => {
  it('offers 1 to 5 as named radio buttons in a group', () => {
    const { getByRole, getAllByRole } = renderWithI18n(<RatingForm onSubmit={() => {}} />, 'id');
    expect(getByRole('group', { name: 'Bagaimana pelayanan kami?' })).toBeTruthy();
    expect(getAllByRole('radio').map((radio) => radio.getAttribute('aria-label'))).toEqual([
      '1, sangat buruk',
      '2, buruk',
      '3, cukup',
      '4, baik',
      '5, sangat baik',
    ]);
  });

  it('submits a score with an optional comment', async () => {
    const onSubmit = vi.fn();
    const { getByRole } = renderWithI18n(<RatingForm onSubmit={onSubmit} />);
    await userEvent.click(getByRole('radio', { name: '5, excellent' }));
    await userEvent.type(getByRole('textbox', { name: /Anything else/ }), ' Cepat sekali! ');
    await userEvent.click(getByRole('button', { name: 'Send rating' }));
    expect(onSubmit).toHaveBeenCalledWith(5, 'Cepat sekali!');
  });

  it('asks for a score before sending', async () => {
    const onSubmit = vi.fn();
    const { getByRole, getByText } = renderWithI18n(<RatingForm onSubmit={onSubmit} />);
    await userEvent.click(getByRole('button', { name: 'Send rating' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(getByText('Please choose a rating.')).toBeTruthy();
    await userEvent.click(getByRole('radio', { name: '2, poor' }));
    await userEvent.click(getByRole('button', { name: 'Send rating' }));
    expect(onSubmit).toHaveBeenCalledWith(2, undefined);
  });

  it('shows the thank-you once submitted', () => {
    const { getByRole, queryByRole } = renderWithI18n(<RatingForm onSubmit={() => {}} submitted />);
    expect(getByRole('status').textContent).toBe('Thank you for your feedback!');
    expect(queryByRole('radio')).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(<RatingForm onSubmit={() => {}} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
