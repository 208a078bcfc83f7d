import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { LeaveMessageForm } from './LeaveMessageForm.js';

const now = new Date(2026, 10, 25, 21, 0);
const nextOpenAt = new Date(2026, 10, 26, 8, 0).toISOString();

describe('LeaveMessageForm', () => {
  it('says honestly when the team is back', () => {
    const { getByText } = renderWithI18n(
      <LeaveMessageForm availability={{ online: false, nextOpenAt }} onSubmit={() => {}} now={now} />,
      'id',
    );
    expect(getByText('Kami sedang tidak aktif. Kami kembali besok pukul 08.00')).toBeTruthy();
  });

  it('requires an email and a message, then submits trimmed values', async () => {
    const onSubmit = vi.fn();
    const { getByRole, getAllByText } = renderWithI18n(<LeaveMessageForm onSubmit={onSubmit} now={now} />);
    await userEvent.click(getByRole('button', { name: 'Send message' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(getAllByText('Please fill in this field.')).toHaveLength(2);
    expect(document.activeElement).toBe(getByRole('textbox', { name: 'Email' }));
    await userEvent.type(getByRole('textbox', { name: 'Name (optional)' }), 'Budi');
    await userEvent.type(getByRole('textbox', { name: 'Email' }), 'budi@example.com ');
    await userEvent.type(getByRole('textbox', { name: 'Message' }), 'Apakah ukuran XL tersedia?');
    await userEvent.click(getByRole('button', { name: 'Send message' }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: 'Budi',
      email: 'budi@example.com',
      message: 'Apakah ukuran XL tersedia?',
    });
  });

  it('sends an empty name when the visitor gives none', async () => {
    const onSubmit = vi.fn();
    const { getByRole } = renderWithI18n(
      <LeaveMessageForm onSubmit={onSubmit} now={now} initialValue={{ message: 'Halo' }} />,
    );
    await userEvent.type(getByRole('textbox', { name: 'Email' }), 'budi@example.com');
    await userEvent.click(getByRole('button', { name: 'Send message' }));
    expect(onSubmit).toHaveBeenCalledWith({ name: '', email: 'budi@example.com', message: 'Halo' });
  });

  it('does not ask a known customer again: only the message is left to write', async () => {
    const onSubmit = vi.fn();
    const { getByRole, queryByRole } = renderWithI18n(
      <LeaveMessageForm onSubmit={onSubmit} now={now} known={{ name: 'Sari', email: 'sari@example.com' }} />,
    );
    expect(queryByRole('textbox', { name: 'Name (optional)' })).toBeNull();
    expect(queryByRole('textbox', { name: 'Email' })).toBeNull();
    await userEvent.type(getByRole('textbox', { name: 'Message' }), 'Sepatu kekecilan');
    await userEvent.click(getByRole('button', { name: 'Send message' }));
    expect(onSubmit).toHaveBeenCalledWith({ message: 'Sepatu kekecilan' });
  });

  it('asks only for the email the site lacks when it knows the name', async () => {
    const onSubmit = vi.fn();
    const { getByRole, queryByRole } = renderWithI18n(
      <LeaveMessageForm
        onSubmit={onSubmit}
        now={now}
        known={{ name: 'Sari' }}
        initialValue={{ message: 'Halo' }}
      />,
    );
    expect(queryByRole('textbox', { name: 'Name (optional)' })).toBeNull();
    await userEvent.type(getByRole('textbox', { name: 'Email' }), 'sari@example.com');
    await userEvent.click(getByRole('button', { name: 'Send message' }));
    expect(onSubmit).toHaveBeenCalledWith({ email: 'sari@example.com', message: 'Halo' });
  });

  it('thanks the visitor once the message was accepted', () => {
    const { getByRole } = renderWithI18n(<LeaveMessageForm onSubmit={() => {}} submitted />, 'id');
    expect(getByRole('status').textContent).toBe(
      'Terima kasih! Pesan Anda sudah kami terima dan akan kami balas melalui email.',
    );
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(<LeaveMessageForm onSubmit={() => {}} now={now} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
