import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { messageFixture } from '../../test-fixtures.js';
import { renderIn } from '../../test-render.js';
import { MessageItem } from './MessageItem.js';

const visitor = { id: 'visitor-00001a2b', name: 'Budi' };

function renderMessage(overrides: Parameters<typeof messageFixture>[0]) {
  return render(
    <ol>
      <MessageItem
        message={messageFixture(overrides)}
        visitor={visitor}
        apiUrl="http://127.0.0.1:8787"
        visitorReadSeq={0}
      />
    </ol>,
  );
}

describe('MessageItem', () => {
  it('shows bidirectional controls in text and file names as markers: "1234567890" and "invoiceexe.pdf" cannot be faked', () => {
    const { container } = renderMessage({
      type: 'file',
      text: 'Nomor rekening \u202E0987654321\u202C',
      attachments: [
        {
          id: 'f1',
          name: 'invoice\u202Efdp.exe',
          size: 2048,
          mime: 'application/pdf',
          url: '/v1/uploads/f1/invoice.exe',
        },
      ],
    });
    const text = container.textContent ?? '';
    expect(text).toContain('Nomor rekening ⟨U+202E⟩0987654321⟨U+202C⟩');
    expect(text).toContain('invoice⟨U+202E⟩fdp.exe');
    expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/);
    const link = screen.getByRole('link', { name: /invoice/ });
    expect(link.querySelector('bdi')?.textContent).toBe('invoice⟨U+202E⟩fdp.exe');
  });

  it('links web addresses, but not one whose user name poses as the host', () => {
    renderMessage({
      text: 'Cek https://toko.example/pesanan dan https://toko-sapa.example@evil.example/login ya',
    });
    const links = screen.getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['https://toko.example/pesanan']);
    expect(screen.getByText(/https:\/\/toko-sapa\.example@evil\.example\/login/)).toBeTruthy();
  });
});

describe('MessageItem in Indonesian', () => {
  it('names the bot, unnamed agents and the system, and sizes files as Indonesians write them', () => {
    const { container } = renderIn(
      'id',
      <ol>
        <MessageItem
          message={messageFixture({
            seq: 1,
            author: { role: 'bot', id: 'bot', name: 'Toko Sapa' },
            text: 'Halo!',
          })}
          visitor={visitor}
          apiUrl="http://127.0.0.1:8787"
          visitorReadSeq={0}
        />
        <MessageItem
          message={messageFixture({
            seq: 2,
            author: { role: 'agent', id: 'operator' },
            type: 'file',
            text: undefined,
            attachments: [
              {
                id: 'f1',
                name: 'katalog.pdf',
                size: 1_530_000,
                mime: 'application/pdf',
                url: '/v1/uploads/f1/k.pdf',
              },
            ],
          })}
          visitor={visitor}
          apiUrl="http://127.0.0.1:8787"
          visitorReadSeq={2}
        />
      </ol>,
    );
    const items = container.querySelectorAll('li.message');
    expect(items[0]?.textContent).toContain('Toko Sapa (bot)');
    expect(items[1]?.textContent).toContain('Agen');
    expect(items[1]?.textContent).toContain('Dilihat');
    expect(screen.getByRole('link', { name: /katalog\.pdf/ }).textContent).toBe('katalog.pdf (1,5 MB)');
  });
});
