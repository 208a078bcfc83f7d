import type { PrechatField } from '@sapa/protocol';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { PrechatForm } from './PrechatForm.js';

const fields: PrechatField[] = [
  { name: 'name', type: 'text', required: true, label: { en: 'Your name', id: 'Nama Anda' } },
  { name: 'email', type: 'email', required: true },
  { name: 'phone', type: 'tel', required: false },
];

describe('PrechatForm', () => {
  it('labels fields in the visitor language, with defaults for unlabelled ones', () => {
    const { getByRole } = renderWithI18n(<PrechatForm fields={fields} onSubmit={() => {}} />, 'id');
    expect(getByRole('textbox', { name: 'Nama Anda' })).toBeTruthy();
    expect(getByRole('textbox', { name: 'Email' })).toBeTruthy();
    expect(getByRole('textbox', { name: 'Nomor telepon (opsional)' })).toBeTruthy();
    expect(getByRole('form', { name: 'Sebelum kita mulai' })).toBeTruthy();
  });

  it('shows accessible errors and focuses the first field to fix', async () => {
    const onSubmit = vi.fn();
    const { getByRole, getByText } = renderWithI18n(<PrechatForm fields={fields} onSubmit={onSubmit} />);
    const email = getByRole('textbox', { name: 'Email' });
    await userEvent.type(email, 'not-an-email');
    await userEvent.click(getByRole('button', { name: 'Start chat' }));
    expect(onSubmit).not.toHaveBeenCalled();
    const name = getByRole('textbox', { name: 'Your name' });
    expect(document.activeElement).toBe(name);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(name.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Please fill in this field.',
    );
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(getByText('Please enter a valid email address, e.g. name@example.com.')).toBeTruthy();
  });

  it('submits trimmed values and leaves empty optional fields out', async () => {
    const onSubmit = vi.fn();
    const { getByRole } = renderWithI18n(<PrechatForm fields={fields} onSubmit={onSubmit} />);
    await userEvent.type(getByRole('textbox', { name: 'Your name' }), ' Sari ');
    await userEvent.type(getByRole('textbox', { name: 'Email' }), 'sari@example.com');
    await userEvent.click(getByRole('button', { name: 'Start chat' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Sari', email: 'sari@example.com' });
  });

  it('rejects a phone number that is not one', async () => {
    const onSubmit = vi.fn();
    const { getByRole, getByText } = renderWithI18n(
      <PrechatForm
        fields={fields}
        onSubmit={onSubmit}
        initialValues={{ name: 'Sari', email: 'sari@example.com' }}
      />,
    );
    await userEvent.type(getByRole('textbox', { name: 'Phone number (optional)' }), 'abc');
    await userEvent.click(getByRole('button', { name: 'Start chat' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(getByText('Please enter a valid phone number.')).toBeTruthy();
  });

  it('has no axe violations, also with errors shown', async () => {
    const { container, getByRole } = renderWithI18n(<PrechatForm fields={fields} onSubmit={() => {}} />);
    await userEvent.click(getByRole('button', { name: 'Start chat' }));
    expect(await axeViolations(container)).toEqual([]);
  });
});
