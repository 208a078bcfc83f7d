import { describe, expect, it } from 'vitest';
import { linkWithReference } from './link-with-reference.js';

const sentence = 'Halo, saya lanjut dari chat di situs. Ref SP-7KQ2';
const short = 'Ref SP-7KQ2';
/** What a link's parameter reads as, decoded the way WhatsApp and mail programs decode it (+ stays a plus). */
const param = (href: string, name: string) => {
  const raw =
    new URL(href).search
      .slice(1)
      .split('&')
      .find((pair) => pair.startsWith(`${name}=`)) ?? '';
  return decodeURIComponent(raw.slice(name.length + 1));
};

describe('linkWithReference', () => {
  it('adds the sentence as the parameter, spaces as %20', () => {
    expect(linkWithReference('https://wa.me/6281234567890', 'text', sentence, short)).toBe(
      'https://wa.me/6281234567890?text=Halo%2C%20saya%20lanjut%20dari%20chat%20di%20situs.%20Ref%20SP-7KQ2',
    );
    expect(linkWithReference('mailto:halo@toko.example', 'subject', short, short)).toBe(
      'mailto:halo@toko.example?subject=Ref%20SP-7KQ2',
    );
  });

  it('keeps the site’s own words and adds the reference after them', () => {
    const whatsapp = linkWithReference('https://wa.me/62812?text=Halo+Toko%20Sapa', 'text', sentence, short);
    expect(whatsapp).not.toContain('+');
    expect(param(whatsapp, 'text')).toBe('Halo Toko Sapa (Ref SP-7KQ2)');
    const email = linkWithReference(
      'mailto:halo@toko.example?subject=Pesanan%20INV-7',
      'subject',
      short,
      short,
    );
    expect(param(email, 'subject')).toBe('Pesanan INV-7 (Ref SP-7KQ2)');
  });

  it('keeps a plus sign the site meant as one', () => {
    const link = linkWithReference('https://wa.me/62812?text=C%2B%2B%20course', 'text', sentence, short);
    expect(param(link, 'text')).toBe('C++ course (Ref SP-7KQ2)');
  });

  it('keeps the other parameters, their order, and the fragment', () => {
    const link = linkWithReference(
      'https://api.whatsapp.com/send?phone=62812&text=&lang=id#chat',
      'text',
      sentence,
      short,
    );
    expect(link.startsWith('https://api.whatsapp.com/send?phone=62812&text=')).toBe(true);
    expect(link.endsWith('&lang=id#chat')).toBe(true);
    expect(param(link, 'text')).toBe(sentence);
    expect(linkWithReference('mailto:halo@toko.example?cc=cs@toko.example', 'subject', short, short)).toBe(
      'mailto:halo@toko.example?cc=cs%40toko.example&subject=Ref%20SP-7KQ2',
    );
  });
});
