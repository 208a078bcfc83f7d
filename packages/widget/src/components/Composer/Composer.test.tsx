import { MAX_TEXT_LENGTH } from '@sapa/protocol';
import { fireEvent } from '@testing-library/dom';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { Composer } from './Composer.js';

describe('Composer', () => {
  it('is a textbox named "Message" with a placeholder, and Enter sends the trimmed text', async () => {
    const onSend = vi.fn();
    const { getByRole } = renderWithI18n(<Composer onSend={onSend} />);
    const textbox = getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(textbox.placeholder).toBe('Type a message…');
    await userEvent.type(textbox, '  Halo, pesanan saya belum sampai  {Enter}');
    expect(onSend).toHaveBeenCalledWith('Halo, pesanan saya belum sampai');
    expect(textbox.value).toBe('');
  });

  it('starts a new line on Shift+Enter without sending', async () => {
    const onSend = vi.fn();
    const { getByRole } = renderWithI18n(<Composer onSend={onSend} />);
    const textbox = getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    await userEvent.type(textbox, 'baris satu{Shift>}{Enter}{/Shift}baris dua');
    expect(onSend).not.toHaveBeenCalled();
    expect(textbox.value).toBe('baris satu\nbaris dua');
    await userEvent.click(getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('baris satu\nbaris dua');
  });

  it('does not send on the Enter that ends an IME composition', () => {
    const onSend = vi.fn();
    const { getByRole } = renderWithI18n(<Composer onSend={onSend} />);
    const textbox = getByRole('textbox', { name: 'Message' });
    fireEvent.input(textbox, { target: { value: 'にほん' } });
    fireEvent.keyDown(textbox, { key: 'Enter', isComposing: true });
    fireEvent.keyDown(textbox, { key: 'Enter', keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(textbox, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('にほん');
  });

  it('keeps Send disabled for empty or blank text', async () => {
    const onSend = vi.fn();
    const { getByRole } = renderWithI18n(<Composer onSend={onSend} />, 'id');
    const send = getByRole('button', { name: 'Kirim' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    await userEvent.type(getByRole('textbox', { name: 'Pesan' }), '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
  });

  it('reports typing while there is text and stops after sending', async () => {
    const onTyping = vi.fn();
    const { getByRole } = renderWithI18n(<Composer onSend={() => {}} onTyping={onTyping} />);
    await userEvent.type(getByRole('textbox', { name: 'Message' }), 'abc{Enter}');
    expect(onTyping.mock.calls).toEqual([[true], [false]]);
  });

  it('shows how many characters are left near the limit and refuses text over it', () => {
    const onSend = vi.fn();
    const { getByRole, queryByRole } = renderWithI18n(<Composer onSend={onSend} />);
    const textbox = getByRole('textbox', { name: 'Message' });
    fireEvent.input(textbox, { target: { value: 'a'.repeat(100) } });
    expect(queryByRole('status')).toBeNull();
    fireEvent.input(textbox, { target: { value: 'a'.repeat(MAX_TEXT_LENGTH - 1) } });
    expect(getByRole('status').textContent).toBe('1 character left');
    fireEvent.input(textbox, { target: { value: 'a'.repeat(MAX_TEXT_LENGTH + 3) } });
    expect(getByRole('status').textContent).toBe('3 characters too many');
    expect(textbox.getAttribute('aria-invalid')).toBe('true');
    expect((getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.keyDown(textbox, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it.each([
    ['identity', 'Please sign in on this site to chat with us.'],
    ['resolved', 'This conversation is resolved. Start a new one to write to us.'],
  ] as const)('says why sending is impossible (%s)', (reason, sentence) => {
    const { getByRole, getByText } = renderWithI18n(<Composer onSend={() => {}} disabledReason={reason} />);
    const textbox = getByRole('textbox', { name: 'Message' }) as HTMLTextAreaElement;
    expect(textbox.disabled).toBe(true);
    const reasonElement = getByText(sentence);
    expect(textbox.getAttribute('aria-describedby')).toBe(reasonElement.id);
  });

  it('attaches files through the button, paste and drop', async () => {
    const onFiles = vi.fn();
    const { getByRole, container } = renderWithI18n(
      <Composer onSend={() => {}} onFiles={onFiles} accept={['image/*', 'application/pdf']} />,
    );
    const input = container.querySelector('input[type=file]') as HTMLInputElement;
    expect(input.accept).toBe('image/*,application/pdf');
    const photo = new File(['x'], 'foto.png', { type: 'image/png' });
    await userEvent.upload(input, photo);
    expect(onFiles).toHaveBeenLastCalledWith([photo]);
    expect(getByRole('button', { name: 'Attach a file' })).toBeTruthy();

    const pasted = new File(['y'], 'tangkapan.png', { type: 'image/png' });
    fireEvent.paste(getByRole('textbox', { name: 'Message' }), { clipboardData: { files: [pasted] } });
    expect(onFiles).toHaveBeenLastCalledWith([pasted]);

    const dropped = new File(['z'], 'nota.pdf', { type: 'application/pdf' });
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [dropped] } });
    fireEvent(container.querySelector('form') as HTMLFormElement, drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(onFiles).toHaveBeenLastCalledWith([dropped]);
    expect(onFiles).toHaveBeenCalledTimes(3);
  });

  it('has no attach button without a file handler', () => {
    const { queryByRole } = renderWithI18n(<Composer onSend={() => {}} />);
    expect(queryByRole('button', { name: 'Attach a file' })).toBeNull();
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <Composer onSend={() => {}} onFiles={() => {}} disabledReason="identity" />,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
