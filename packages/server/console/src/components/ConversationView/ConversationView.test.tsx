import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { AgentNetworkError } from '../../agent-api.js';
import { conversationFixture, messageFixture, NOW } from '../../test-fixtures.js';
import { renderIn } from '../../test-render.js';
import { ConversationView, type ConversationViewProps } from './ConversationView.js';

const messages = [
  messageFixture({
    seq: 1,
    text: 'Halo kak, pesanan INV-2026 belum sampai. Cek https://toko.example/lacak ya',
  }),
  messageFixture({
    seq: 2,
    author: { role: 'bot', id: 'bot', name: 'Sapa' },
    text: 'Terima kasih sudah menghubungi kami.',
    actions: [
      { type: 'reply', label: 'Bicara dengan agen', payload: 'handover' },
      { type: 'link', label: 'Bahaya', url: 'javascript:alert(1)' },
    ],
  }),
  messageFixture({
    seq: 3,
    type: 'event',
    author: { role: 'system', id: 'system' },
    text: 'Visitor asked for a human',
  }),
  messageFixture({
    seq: 4,
    author: { role: 'agent', id: 'agent', name: 'Rina' },
    type: 'card',
    text: undefined,
    card: {
      title: 'Sepatu Lari',
      text: 'Rp 450.000',
      imageUrl: 'data:image/png;base64,AAAA',
      url: 'https://toko.example/sepatu',
    },
  }),
  messageFixture({
    seq: 5,
    type: 'file',
    text: undefined,
    attachments: [{ id: 'a1', name: 'resi.pdf', size: 2048, mime: 'application/pdf', url: '/v1/files/a1' }],
  }),
  messageFixture({ seq: 6, text: '<img src=x onerror=alert(1)>' }),
];

function renderView(overrides: Partial<ConversationViewProps> = {}) {
  const props: ConversationViewProps = {
    conversation: conversationFixture({ lastSeq: 6, visitorReadSeq: 4 }),
    messages: { items: messages, hasMore: false, loaded: true },
    visitorTyping: false,
    apiUrl: 'http://127.0.0.1:8787',
    onLoadOlder: vi.fn(async () => {}),
    onResolve: vi.fn(async () => {}),
    onReopen: vi.fn(async () => {}),
    onSend: vi.fn(async () => {}),
    now: NOW,
    ...overrides,
  };
  return { props, ...render(<ConversationView {...props} />) };
}

describe('ConversationView', () => {
  it('shows messages from the visitor, the bot, agents and system events, in order, as text', () => {
    renderView();
    const log = screen.getByRole('log', { name: 'Messages with Visitor 1a2b' });
    const items = [...log.querySelectorAll('li.message')];
    expect(items.map((item) => item.getAttribute('data-seq'))).toEqual(['1', '2', '3', '4', '5', '6']);
    expect(items[0]?.textContent).toContain('Visitor 1a2b');
    expect(items[1]?.textContent).toContain('Sapa (bot)');
    expect(items[2]?.className).toContain('message--event');
    expect(items[3]?.textContent).toContain('Rina');
    // Markup from the network stays text.
    expect(items[5]?.querySelector('img')).toBeNull();
    expect(items[5]?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(
      within(items[0] as HTMLElement)
        .getByRole('link')
        .getAttribute('href'),
    ).toBe('https://toko.example/lacak');
  });

  it('keeps only http and https links, and resolves attachment URLs against the server', () => {
    renderView();
    const links = screen.getAllByRole('link').map((link) => link.getAttribute('href'));
    expect(links).toContain('https://toko.example/sepatu');
    expect(links).toContain('http://127.0.0.1:8787/v1/files/a1');
    expect(links.some((href) => href?.startsWith('javascript:'))).toBe(false);
    expect(screen.getByText('Bahaya').closest('a')).toBeNull();
    expect(document.querySelector('img')).toBeNull(); // the data: image is not shown
  });

  it('says which replies the visitor has seen and when the visitor types', () => {
    renderView({ visitorTyping: true });
    const agentMessage = screen.getByText('Sepatu Lari').closest('li');
    expect(agentMessage?.textContent).toContain('Seen');
    expect(screen.getByText('Visitor 1a2b is typing…')).toBeTruthy();
  });

  it('loads older messages on request and resolves or reopens', async () => {
    const { props, rerender } = renderView({ messages: { items: messages, hasMore: true, loaded: true } });
    fireEvent.click(screen.getByRole('button', { name: 'Load older messages' }));
    expect(props.onLoadOlder).toHaveBeenCalledOnce();
    fireEvent.click(await screen.findByRole('button', { name: 'Resolve conversation' }));
    expect(props.onResolve).toHaveBeenCalledOnce();
    rerender(<ConversationView {...props} conversation={conversationFixture({ status: 'resolved' })} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Reopen conversation' }));
    expect(props.onReopen).toHaveBeenCalledOnce();
  });

  it('shows why resolving failed', async () => {
    renderView({
      onResolve: async () => Promise.reject(new Error('Resolving the conversation failed: gone.')),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Resolve conversation' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Resolving the conversation failed: gone.');
  });
});

describe('ConversationView in Indonesian', () => {
  it('labels the conversation, its authors, seen replies, typing and actions in Indonesian', async () => {
    const props: ConversationViewProps = {
      conversation: conversationFixture({
        lastSeq: 6,
        visitorReadSeq: 4,
        status: 'pending',
        handedOver: true,
        assignee: { role: 'agent', id: 'agent:Rina', name: 'Rina' },
      }),
      messages: { items: messages, hasMore: true, loaded: true },
      visitorTyping: true,
      apiUrl: 'http://127.0.0.1:8787',
      onLoadOlder: vi.fn(async () => {}),
      onResolve: vi.fn(async () =>
        Promise.reject(new AgentNetworkError('resolve', new TypeError('offline'))),
      ),
      onReopen: vi.fn(async () => {}),
      onSend: vi.fn(async () => {}),
      now: NOW,
    };
    renderIn('id', <ConversationView {...props} />);
    const log = screen.getByRole('log', { name: 'Pesan dengan Pengunjung 1a2b' });
    expect(log.querySelector('li.message')?.textContent).toContain('Pengunjung 1a2b');
    expect(screen.getByText('Sepatu Lari').closest('li')?.textContent).toContain('Dilihat');
    expect(screen.getByText('Pengunjung 1a2b sedang mengetik…')).toBeTruthy();
    const header = screen.getByRole('heading', { level: 2 }).parentElement as HTMLElement;
    expect(header.textContent).toContain('Menunggu');
    expect(header.textContent).toContain('Minta dilayani agen');
    expect(header.textContent).toContain('Ditangani oleh Rina');
    expect(screen.getByRole('button', { name: 'Muat pesan sebelumnya' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Lampiran' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Pilihan balasan cepat' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Selesaikan percakapan' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Gagal menyelesaikan percakapan: server tidak dapat dihubungi.',
    );
  });
});
