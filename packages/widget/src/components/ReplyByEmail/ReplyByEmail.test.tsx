import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { ReplyByEmail } from './ReplyByEmail.js';

describe('ReplyByEmail', () => {
  it('asks for an address in a named form and saves it trimmed', async () => {
    const onSave = vi.fn();
    const { getByRole } = renderWithI18n(<ReplyByEmail onSave={onSave} />, 'id');
    expect(getByRole('form', { name: 'Terima balasan lewat email' })).toBeTruthy();
    await userEvent.type(getByRole('textbox', { name: 'Email Kakak' }), ' sari@example.com ');
    await userEvent.click(getByRole('button', { name: 'Simpan email' }));
    expect(onSave).toHaveBeenCalledWith('sari@example.com');
  });

  it('says what is wrong beside the field, keeps focus there, and saves nothing', async () => {
    const onSave = vi.fn();
    const { getByRole, getByText } = renderWithI18n(<ReplyByEmail onSave={onSave} />);
    const field = getByRole('textbox', { name: 'Your email' });
    await userEvent.type(field, 'sari@');
    await userEvent.click(getByRole('button', { name: 'Save email' }));
    expect(getByText('Please enter a valid email address, e.g. name@example.com.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('once saved, says where the answer goes', () => {
    const { getByRole, queryByRole } = renderWithI18n(
      <ReplyByEmail onSave={() => {}} savedEmail="sari@example.com" />,
      'id',
    );
    expect(getByRole('status').textContent).toBe('Balasan akan kami kirim juga ke sari@example.com.');
    expect(queryByRole('textbox')).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(<ReplyByEmail onSave={() => {}} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
