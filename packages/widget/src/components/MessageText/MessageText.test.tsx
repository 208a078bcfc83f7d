import { describe, expect, it } from 'vitest';
import { renderWithI18n } from '../test-support.js';
import { MessageText } from './MessageText.js';
import { parseMessageText } from './parse-message-text.js';

describe('MessageText', () => {
  it('renders HTML in a message as text, never as elements', () => {
    const { container, getByText } = renderWithI18n(
      <MessageText text={'<img src=x onerror=alert(1)> <b>hi</b>'} />,
    );
    expect(getByText('<img src=x onerror=alert(1)> <b>hi</b>')).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
  });

  it('shows a digit run in the order it was written, however an override would reorder it (issue 13)', () => {
    const { container } = renderWithI18n(<MessageText text={'Nomor rekening: \u202E0987654321\u202C'} />);
    expect(container.textContent).toBe('Nomor rekening: ⟨U+202E⟩0987654321\u202C');
    expect(container.textContent).not.toContain('\u202E');
  });

  it('isolates each line, so an embedding or override cannot run past it', () => {
    const { container } = renderWithI18n(<MessageText text={'satu \u202Bdua\ntiga *empat*\n\nlima'} />);
    const lines = [...container.querySelectorAll('p.sapa-text > bdi')].map((line) => line.textContent);
    expect(lines).toEqual(['satu \u202Bdua', 'tiga empat', '', 'lima']);
    expect(container.textContent).toBe('satu \u202Bdua\ntiga empat\n\nlima');
  });

  it('shows every bidi control in a link text, isolated, and keeps the address it opens', () => {
    const { getByRole } = renderWithI18n(
      <MessageText text={'Faktur: https://toko.example/invoice\u202Efdp.exe'} />,
    );
    const link = getByRole('link');
    expect(link.textContent).toBe('https://toko.example/invoice⟨U+202E⟩fdp.exe');
    expect(link.firstElementChild?.tagName).toBe('BDI');
    expect(link.getAttribute('href')).toBe('https://toko.example/invoice%E2%80%AEfdp.exe');
  });

  it('does not link javascript:, data: or vbscript: URLs', () => {
    const text = 'click javascript:alert(1) or data:text/html,<script>x</script> or vbscript:msgbox';
    const { container } = renderWithI18n(<MessageText text={text} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe(text);
  });

  it('links http, https, mailto and tel with a safe rel and a new tab', () => {
    const { getAllByRole } = renderWithI18n(
      <MessageText text="Lacak di https://toko.example/track?id=1, tulis ke mailto:cs@toko.example atau tel:+6221555." />,
    );
    const links = getAllByRole('link');
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://toko.example/track?id=1',
      'mailto:cs@toko.example',
      'tel:+6221555',
    ]);
    for (const link of links) {
      expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
      expect(link.getAttribute('target')).toBe('_blank');
    }
  });

  it('leaves trailing punctuation and unbalanced parentheses out of links', () => {
    const { getAllByRole, container } = renderWithI18n(
      <MessageText text="(see https://en.wikipedia.org/wiki/Bandung_(city)) and http://a.example/x." />,
    );
    expect(getAllByRole('link').map((link) => link.textContent)).toEqual([
      'https://en.wikipedia.org/wiki/Bandung_(city)',
      'http://a.example/x',
    ]);
    expect(container.textContent).toBe(
      '(see https://en.wikipedia.org/wiki/Bandung_(city)) and http://a.example/x.',
    );
  });

  it('renders *bold*, _italic_ and `code` as elements with the markers removed', () => {
    const { container } = renderWithI18n(
      <MessageText text="Pesanan *INV-1024* _sudah_ dikirim: `RESI 88`" />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('INV-1024');
    expect(container.querySelector('em')?.textContent).toBe('sudah');
    expect(container.querySelector('code')?.textContent).toBe('RESI 88');
    expect(container.textContent).toBe('Pesanan INV-1024 sudah dikirim: RESI 88');
  });

  it('keeps markers as text inside words and code', () => {
    expect(parseMessageText('2*3*4 and snake_case_name')).toEqual([
      { kind: 'text', text: '2*3*4 and snake_case_name' },
    ]);
    expect(parseMessageText('`*not bold* https://x.example`')).toEqual([
      { kind: 'code', text: '*not bold* https://x.example' },
    ]);
  });

  it('keeps new lines for the stylesheet to show', () => {
    const { container } = renderWithI18n(<MessageText text={'line one\nline two'} />);
    expect(container.querySelector('p')?.textContent).toBe('line one\nline two');
    expect(container.querySelector('p')?.className).toBe('sapa-text');
  });
});
