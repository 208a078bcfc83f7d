import type { Attachment as AttachmentFile } from '@sapa/protocol';
import { describe, expect, it } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { Attachment } from './Attachment.js';

const pdf: AttachmentFile = {
  id: 'a1',
  name: 'faktur-1024.pdf',
  size: 1_500_000,
  mime: 'application/pdf',
  url: 'https://files.example/a1',
};

describe('Attachment', () => {
  it('previews an image with the file name as alt text', () => {
    const { getByRole } = renderWithI18n(
      <Attachment
        attachment={{ ...pdf, name: 'foto-paket.jpg', mime: 'image/jpeg', width: 640, height: 480 }}
      />,
    );
    const image = getByRole('img', { name: 'foto-paket.jpg' });
    expect(image.getAttribute('src')).toBe('https://files.example/a1');
  });

  it("shows the bidi controls in a file name: 'invoice\\u202Efdp.exe' never reads 'invoiceexe.pdf'", () => {
    const { getByRole, container } = renderWithI18n(
      <Attachment attachment={{ ...pdf, name: 'invoice\u202Efdp.exe' }} />,
    );
    expect(container.querySelector('bdi')?.textContent).toBe('invoice⟨U+202E⟩fdp.exe');
    // Also the name the browser saves it under.
    expect(getByRole('link').getAttribute('download')).toBe('invoice⟨U+202E⟩fdp.exe');
    const { getByRole: image } = renderWithI18n(
      <Attachment attachment={{ ...pdf, name: 'foto\u202Egnp.exe', mime: 'image/png' }} />,
    );
    expect(image('img', { name: 'foto⟨U+202E⟩gnp.exe' })).toBeTruthy();
  });

  it('shows other files as a download chip with the name in <bdi> and a localized size', () => {
    const { getByRole, container } = renderWithI18n(<Attachment attachment={pdf} />, 'id');
    const link = getByRole('link', { name: /faktur-1024\.pdf/ });
    expect(link.getAttribute('download')).toBe('faktur-1024.pdf');
    expect(link.getAttribute('href')).toBe('https://files.example/a1');
    expect(container.querySelector('bdi')?.textContent).toBe('faktur-1024.pdf');
    expect(link.textContent).toContain('1,5 MB');
    expect(link.textContent).toContain('Unduh');
  });

  it('keeps a hostile file name as text and an unsafe URL out of href', () => {
    const { container } = renderWithI18n(
      <Attachment
        attachment={{ ...pdf, name: '<img src=x onerror=alert(1)>.pdf', url: 'javascript:alert(1)' }}
      />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('bdi')?.textContent).toBe('<img src=x onerror=alert(1)>.pdf');
  });

  it('does not preview SVG', () => {
    const { container } = renderWithI18n(
      <Attachment attachment={{ ...pdf, name: 'logo.svg', mime: 'image/svg+xml' }} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('a')?.getAttribute('download')).toBe('logo.svg');
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(
      <>
        <Attachment attachment={pdf} />
        <Attachment attachment={{ ...pdf, id: 'a2', name: 'foto.png', mime: 'image/png' }} />
      </>,
    );
    expect(await axeViolations(container)).toEqual([]);
  });
});
