import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { ReplyByEmail } from './ReplyByEmail.js';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ReplyByEmail', () => {
  it('asks for an address in a named form, saves it trimmed, then says where the answer goes', async () => {
    const onSave = vi.fn(async () => {});
    const { getByRole, queryByRole } = renderWithI18n(<ReplyByEmail onSave={onSave} />, 'id');
    expect(getByRole('form', { name: 'Terima balasan lewat email' })).toBeTruthy();
    await userEvent.type(getByRole('textbox', { name: 'Email Kakak' }), ' sari@example.com ');
    await userEvent.click(getByRole('button', { name: 'Simpan email' }));
    expect(onSave).toHaveBeenCalledWith('sari@example.com');
    await flush();
    expect(getByRole('status').textContent).toBe('Balasan akan kami kirim juga ke sari@example.com.');
    expect(queryByRole('textbox')).toBeNull();
  });

  it('gives the form back when saving failed', async () => {
    const { getByRole } = renderWithI18n(
      <ReplyByEmail onSave={() => Promise.reject(new Error('offline'))} />,
    );
    await userEvent.type(getByRole('textbox', { name: 'Your email' }), 'sari@example.com');
    await userEvent.click(getByRole('button', { name: 'Save email' }));
    await flush();
    expect((getByRole('button', { name: 'Save email' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says what is wrong beside the field, keeps focus there, and saves nothing', async () => {
    const onSave = vi.fn(async () => {});
    const { getByRole, getByText } = renderWithI18n(<ReplyByEmail onSave={onSave} />);
    const field = getByRole('textbox', { name: 'Your email' });
    await userEvent.type(field, 'sari@');
    await userEvent.click(getByRole('button', { name: 'Save email' }));
    expect(getByText('Please enter a valid email address, e.g. name@example.com.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(field);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('asks nothing of a visitor who had an address already', () => {
    const { container } = renderWithI18n(<ReplyByEmail email="sari@example.com" onSave={async () => {}} />);
    expect(container.textContent).toBe('');
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(<ReplyByEmail onSave={async () => {}} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
