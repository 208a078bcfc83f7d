import { describe, expect, it } from 'vitest';
import { agent } from '../fixtures.js';
import { renderWithI18n } from '../test-support.js';
import { TypingIndicator } from './TypingIndicator.js';

describe('TypingIndicator', () => {
  it('names who is typing in a status region that stays mounted', () => {
    const { getByRole, rerender } = renderWithI18n(<TypingIndicator participants={[]} />, 'id');
    expect(getByRole('status').textContent).toBe('');
    rerender(<TypingIndicator participants={[agent]} />);
    expect(getByRole('status').textContent).toBe('Rina sedang mengetik…');
    rerender(<TypingIndicator participants={[{ role: 'agent', id: 'x' }]} />);
    expect(getByRole('status').textContent).toBe('Seseorang sedang mengetik…');
  });

  it('shows the bidi controls in the name it interpolates', () => {
    const { getByRole } = renderWithI18n(
      <TypingIndicator participants={[{ ...agent, name: '\u202Eitsnah\u202C Admin' }]} />,
    );
    expect(getByRole('status').textContent).toBe('⟨U+202E⟩itsnah⟨U+202C⟩ Admin is typing…');
  });
});
