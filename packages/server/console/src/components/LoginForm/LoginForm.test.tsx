import { fireEvent, screen } from '@testing-library/preact';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../../test-render.js';
import { LoginForm } from './LoginForm.js';

describe('LoginForm', () => {
  it('asks for the token, says why it asks again, and offers the other language', async () => {
    const onSubmit = vi.fn();
    const onLanguage = vi.fn();
    const user = userEvent.setup();
    renderIn(
      'en',
      <LoginForm onSubmit={onSubmit} onLanguage={onLanguage} error="The server did not accept this token." />,
    );
    const field = screen.getByLabelText('Agent token');
    expect(field.getAttribute('aria-describedby')).toBe('login-error');
    expect(screen.getByRole('alert').textContent).toBe('The server did not accept this token.');
    await user.type(field, '  secret-token  {Enter}');
    expect(onSubmit).toHaveBeenCalledWith('secret-token');
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'id' } });
    expect(onLanguage).toHaveBeenCalledWith('id');
  });

  it('speaks Indonesian', () => {
    renderIn('id', <LoginForm onSubmit={() => {}} onLanguage={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Konsol Sapa');
    expect(screen.getByLabelText('Token agen').getAttribute('aria-describedby')).toBe('login-help');
    expect(screen.getByText(/Token agen milik Anda sendiri/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Masuk' })).toBeTruthy();
  });
});
