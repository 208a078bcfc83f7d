import { render, screen, within } from '@testing-library/preact';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderIn } from '../../test-render.js';
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

describe('Composer in Indonesian', () => {
  it('names its fields and says what is missing in Indonesian', async () => {
    const onSend = vi.fn(async (_reply: ComposedReply) => {});
    const user = userEvent.setup();
    renderIn('id', <Composer onSend={onSend} />);
    const form = screen.getByRole('form', { name: 'Balasan' });
    const textbox = within(form).getByRole('textbox', { name: 'Balas pengunjung' });
    expect(textbox.getAttribute('placeholder')).toBe(
      'Tulis balasan… (Enter untuk mengirim, Shift+Enter untuk baris baru)',
    );
    await user.click(within(form).getByRole('button', { name: 'Kirim' }));
    expect(screen.getByRole('alert').textContent).toBe('Tulis balasan terlebih dahulu.');
    await user.click(within(form).getByRole('button', { name: 'Tambah balasan cepat' }));
    expect(within(form).getByRole('textbox', { name: 'Label 1' })).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'Payload 1' }).getAttribute('placeholder')).toBe(
      'sama dengan label',
    );
    await user.type(textbox, 'Halo{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('Setiap balasan cepat perlu label.');
    await user.click(within(form).getByRole('button', { name: 'Hapus balasan cepat 1' }));
    expect(within(form).queryByRole('textbox', { name: 'Label 1' })).toBeNull();
    await user.click(within(form).getByRole('button', { name: 'Kartu' }));
    expect(textbox.getAttribute('placeholder')).toBe('Teks kartu (opsional)');
    await user.type(within(form).getByRole('textbox', { name: 'URL gambar' }), 'data:image/png,x');
    await user.type(within(form).getByRole('textbox', { name: 'Judul' }), 'Promo');
    await user.type(textbox, '{Enter}');
    expect(screen.getByRole('alert').textContent).toBe('URL gambar harus diawali http:// atau https://.');
    await user.upload(
      within(form).getByLabelText('Lampirkan berkas'),
      new File(['x'.repeat(2048)], 'resi.pdf', { type: 'application/pdf' }),
    );
    expect(form.textContent).toContain('Terlampir: resi.pdf (2 kB)');
    expect(within(form).getByRole('button', { name: 'Hapus berkas' })).toBeTruthy();
    expect(onSend).not.toHaveBeenCalled();
  });
});
