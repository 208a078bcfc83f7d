import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../test-support.js';
import { type FieldSpec, ValidatedForm, validateField } from './FormField.js';

const fields: FieldSpec[] = [
  { name: 'email', type: 'email', required: true, label: 'Email' },
  { name: 'phone', type: 'tel', required: false, label: 'Phone number' },
];

describe('validateField', () => {
  it('names what is wrong, or nothing', () => {
    expect(validateField('  ', 'text', true)).toBe('form.required');
    expect(validateField('', 'tel', false)).toBeUndefined();
    expect(validateField('sari@', 'email', true)).toBe('form.invalidEmail');
    expect(validateField('abc', 'tel', false)).toBe('form.invalidPhone');
    expect(validateField('+62 812-3456-7890', 'tel', true)).toBeUndefined();
  });
});

describe('ValidatedForm', () => {
  it('clears a field’s error as the visitor fixes it, and submits only valid, trimmed values', async () => {
    const onSubmit = vi.fn();
    const { getByRole, queryByText } = renderWithI18n(
      <ValidatedForm id="sapa-test" title="Contact" fields={fields} submitLabel="Send" onSubmit={onSubmit} />,
      'id',
    );
    await userEvent.click(getByRole('button', { name: 'Send' }));
    const email = getByRole('textbox', { name: 'Email' });
    expect(queryByText('Mohon isi kolom ini.')).not.toBeNull();
    expect(document.activeElement).toBe(email);
    await userEvent.type(email, ' sari@example.com ');
    expect(queryByText('Mohon isi kolom ini.')).toBeNull();
    expect(email.getAttribute('aria-invalid')).toBeNull();
    await userEvent.click(getByRole('button', { name: 'Send' }));
    expect(onSubmit).toHaveBeenCalledWith({ email: 'sari@example.com' });
  });
});
