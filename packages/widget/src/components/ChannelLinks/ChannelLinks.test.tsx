import type { Channel } from '@sapa/protocol';
import { describe, expect, it } from 'vitest';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { ChannelLinks } from './ChannelLinks.js';

const channels: Channel[] = [
  { type: 'whatsapp', url: 'https://wa.me/6281234567890' },
  { type: 'email', url: 'mailto:halo@toko.example' },
  { type: 'instagram', url: 'https://instagram.com/toko', label: { id: 'DM kami di Instagram' } },
  { type: 'telegram', url: 'javascript:alert(1)' },
  { type: 'messenger', url: 'data:text/html,hi' },
];

describe('ChannelLinks', () => {
  it('links to the other channels with localized names and a safe rel', () => {
    const { getAllByRole, getByRole } = renderWithI18n(<ChannelLinks channels={channels} />, 'id');
    expect(getByRole('navigation', { name: 'Atau lanjutkan melalui' })).toBeTruthy();
    const links = getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Lanjutkan di WhatsApp',
      'Kirim email kepada kami',
      'DM kami di Instagram',
    ]);
    expect(links[0]?.getAttribute('href')).toBe('https://wa.me/6281234567890');
    for (const link of links) expect(link.getAttribute('rel')).toBe('noopener noreferrer nofollow ugc');
  });

  it('leaves out channels with unsafe URLs, and renders nothing when none is left', () => {
    const { container } = renderWithI18n(<ChannelLinks channels={channels.slice(3)} />);
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('nav')).toBeNull();
  });

  it('says "Continue on WhatsApp" in English and names unknown channel types as a link', () => {
    const { getAllByRole } = renderWithI18n(
      <ChannelLinks
        channels={[channels[0] as Channel, { type: 'line' as Channel['type'], url: 'https://line.me/toko' }]}
      />,
    );
    expect(getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Continue on WhatsApp',
      'Open link',
    ]);
  });

  it('carries the conversation’s reference: WhatsApp in the opening message, in the visitor’s language; email in the subject', () => {
    const id = renderWithI18n(<ChannelLinks channels={channels} reference="SP-7KQ2" />, 'id');
    const [whatsapp, email] = id.getAllByRole('link');
    expect(whatsapp?.getAttribute('href')).toBe(
      `https://wa.me/6281234567890?text=${encodeURIComponent('Halo, saya lanjut dari chat di situs. Ref SP-7KQ2')}`,
    );
    expect(email?.getAttribute('href')).toBe('mailto:halo@toko.example?subject=Ref%20SP-7KQ2');
    const en = renderWithI18n(<ChannelLinks channels={channels.slice(0, 1)} reference="SP-7KQ2" />);
    expect(new URL(en.getByRole('link').getAttribute('href') ?? '').searchParams.get('text')).toBe(
      "Hi, I'm continuing my chat from the website. Ref SP-7KQ2",
    );
  });

  it('leaves links as they are without a reference, and other channels always', () => {
    const { getAllByRole } = renderWithI18n(<ChannelLinks channels={channels} />);
    expect(getAllByRole('link').map((link) => link.getAttribute('href'))).toEqual([
      'https://wa.me/6281234567890',
      'mailto:halo@toko.example',
      'https://instagram.com/toko',
    ]);
    const withReference = renderWithI18n(<ChannelLinks channels={channels} reference="SP-7KQ2" />);
    expect(withReference.getAllByRole('link')[2]?.getAttribute('href')).toBe('https://instagram.com/toko');
  });

  it('has no axe violations', async () => {
    const { container } = renderWithI18n(<ChannelLinks channels={channels} />);
    expect(await axeViolations(container)).toEqual([]);
  });
});
