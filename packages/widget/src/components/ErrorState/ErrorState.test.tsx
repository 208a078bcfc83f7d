import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { ErrorState } from './ErrorState.js';

describe('ErrorState', () => {
  it('alerts with what failed and offers to try again', async () => {
    const onRetry = vi.fn();
    const { getByRole } = renderWithI18n(
      <ErrorState
        detail="The chat service answered 503 while loading the configuration."
        onRetry={onRetry}
      />,
    );
    expect(getByRole('alert').textContent).toContain('Something went wrong');
    expect(getByRole('alert').textContent).toContain('answered 503');
    await userEvent.click(getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('has no retry button when nothing can be retried, and no axe violations', async () => {
    const { queryByRole, container } = renderWithI18n(<ErrorState />);
    expect(queryByRole('button')).toBeNull();
    expect(await axeViolations(container)).toEqual([]);
  });
});
