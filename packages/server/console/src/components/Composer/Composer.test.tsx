import { render, screen } from '@testing-library/preact';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { type ComposedReply, Composer } from './Composer.js';

function setup(onSend = vi.fn(async (_reply: ComposedReply) => {})) {
  const user = userEvent.setup();
  const onInput = vi.fn();
  render(<Composer onSend={onSend} onInput={onInput} />);
  const textbox = screen.getByRole('textbox', { name: 'Reply to the visitor' });
  return { user, onSend, onInput, textbox: textbox as HTMLTextAreaElement };
}

describe('Composer', () => {
  it('sends on Enter, keeps Shift+Enter as a new line, and clears after the server accepted it', async () => {
    const { user, onSend, onInput, textbox } = setup();
    await user.click(textbox);
    await user.keyboard('Baik kak,{Shift>}{Enter}{/Shift}kami cek dulu ya.');
    expect(onSend).not.toHaveBeenCalled();
    expect(onInput).toHaveBeenLastCalledWith(true);
    await user.keyboard('{Enter}');
    expect(onSend).toHaveBeenCalledWith({ type: 'text', text: 'Baik kak,\nkami cek dulu ya.', actions: [] });
    expect(textbox.value).toBe('');
  });

  it('keeps the draft and shows the error when sending fails', async () => {
    const { user, textbox } = setup(
      vi.fn(async () => {
        throw new Error('Sending the reply failed: the server could not be reached.');
      }),
    );
    await user.type(textbox, 'Halo{Enter}');
    expect((await screen.findByRole('alert')).textContent).toContain('could not be reached');
    expect(textbox.value).toBe('Halo');
  });

  it('sends quick replies with the text; the payload defaults to the label', async () => {
    const { user, onSend, textbox } = setup();
    await user.click(screen.getByRole('button', { name: 'Add quick reply' }));
    await user.click(screen.getByRole('button', { name: 'Add quick reply' }));
    await user.type(screen.getByRole('textbox', { name: 'Label 1' }), 'Sudah diterima');
    await user.type(screen.getByRole('textbox', { name: 'Payload 1' }), 'received');
    await user.type(screen.getByRole('textbox', { name: 'Label 2' }), 'Belum');
    await user.type(textbox, 'Paketnya sudah sampai?{Enter}');
    expect(onSend).toHaveBeenCalledWith({
      type: 'text',
      text: 'Paketnya sudah sampai?',
      actions: [
        { type: 'reply', label: 'Sudah diterima', payload: 'received' },
        { type: 'reply', label: 'Belum', payload: 'Belum' },
      ],
    });
    expect(screen.queryByRole('textbox', { name: 'Label 1' })).toBeNull();
  });

  it('sends a card and refuses links that are not http or https', async () => {
    const { user, onSend, textbox } = setup();
    await user.click(screen.getByRole('button', { name: 'Card' }));
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Promo Ramadan');
    await user.type(screen.getByRole('textbox', { name: 'Link URL' }), 'javascript:alert(1)');
    await user.type(textbox, 'Diskon 20%{Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('The link URL must start with http:// or https://.');
    await user.clear(screen.getByRole('textbox', { name: 'Link URL' }));
    await user.type(screen.getByRole('textbox', { name: 'Link URL' }), 'https://toko.example/promo');
    await user.type(screen.getByRole('textbox', { name: 'Image URL' }), 'https://toko.example/promo.jpg');
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith({
      type: 'card',
      card: {
        title: 'Promo Ramadan',
        text: 'Diskon 20%',
        imageUrl: 'https://toko.example/promo.jpg',
        url: 'https://toko.example/promo',
      },
      actions: [],
    });
  });

  it('sends a chosen file with the text as its caption', async () => {
    const { user, onSend, textbox } = setup();
    const file = new File(['%PDF-1.4'], 'resi pengiriman.pdf', { type: 'application/pdf' });
    await user.upload(screen.getByLabelText('Attach file'), file);
    expect(screen.getByText(/Attached:/).textContent).toContain('resi pengiriman.pdf');
    await user.type(textbox, 'Ini resinya{Enter}');
    expect(onSend).toHaveBeenCalledWith({ type: 'file', file, text: 'Ini resinya' });
    expect(screen.queryByText(/Attached:/)).toBeNull();
  });

  it('does not send an empty reply', async () => {
    const { user, onSend, textbox } = setup();
    await user.type(textbox, '   {Enter}');
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toBe('Write a reply first.');
  });
});
