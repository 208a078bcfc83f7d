import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test-support.js';
import { ConnectionBanner } from './ConnectionBanner.js';

describe('ConnectionBanner', () => {
  it('is silent while connected with storage', () => {
    const { getByRole } = renderWithI18n(<ConnectionBanner connection="open" storage="indexeddb" />);
    expect(getByRole('status').textContent).toBe('');
  });

  it('says when it is reconnecting, offline, or keeping history only in memory', () => {
    const { getByRole, rerender } = renderWithI18n(<ConnectionBanner connection="reconnecting" />, 'id');
    expect(getByRole('status').textContent).toBe('Menyambungkan kembali…');
    rerender(<ConnectionBanner connection="offline" storage="memory" />);
    expect(getByRole('status').textContent).toBe(
      'Anda sedang offline. Pesan akan dikirim setelah Anda kembali online.' +
        'Riwayat obrolan hanya tersimpan sampai halaman ini ditutup.',
    );
  });
});
