import { describe, expect, it } from 'vitest';
import { linkWithReference } from './link-with-reference.js';

const sentence = 'Halo, saya lanjut dari chat di situs. Ref SP-7KQ2';
const short = 'Ref SP-7KQ2';

describe('linkWithReference', () => {
  it('adds the sentence as the parameter, spaces as %20', () => {
    expect(linkWithReference('https://wa.me/6281234567890', 'text', sentence, short)).toBe(
      'https://wa.me/6281234567890?text=Halo%2C%20saya%20lanjut%20dari%20chat%20di%20situs.%20Ref%20SP-7KQ2',
    );
    expect(linkWithReference('mailto:halo@toko.example', 'subject', short, short)).toBe(
      'mailto:halo@toko.example?subject=Ref%20SP-7KQ2',
    );
  });

  it('keeps the site’s own words and adds the reference after them, encoded as the site wrote them', () => {
    expect(linkWithReference('https://wa.me/62812?text=Halo+Toko%20Sapa', 'text', sentence, short)).toBe(
      'https://wa.me/62812?text=Halo+Toko%20Sapa%20(Ref%20SP-7KQ2)',
    );
    expect(linkWithReference('mailto:halo@toko.example?Subject=Pesanan', 'subject', short, short)).toBe(
      'mailto:halo@toko.example?subject=Pesanan%20(Ref%20SP-7KQ2)',
    );
  });

  it('keeps the other parameters and their order, and the fragment', () => {
    expect(
      linkWithReference(
        'https://api.whatsapp.com/send?phone=62812&text=&lang=id#chat',
        'text',
        sentence,
        short,
      ),
    ).toBe(`https://api.whatsapp.com/send?phone=62812&text=${encodeURIComponent(sentence)}&lang=id#chat`);
    expect(linkWithReference('mailto:halo@toko.example?cc=cs@toko.example', 'subject', short, short)).toBe(
      'mailto:halo@toko.example?cc=cs@toko.example&subject=Ref%20SP-7KQ2',
    );
  });

  it('takes a parameter without a value as empty, and a bad escape in the page’s URL does not break it', () => {
    expect(linkWithReference('https://wa.me/62812?text', 'text', sentence, short)).toBe(
      `https://wa.me/62812?text=${encodeURIComponent(sentence)}`,
    );
    expect(linkWithReference('https://wa.me/62812?ref=%zz', 'text', sentence, short)).toBe(
      `https://wa.me/62812?ref=%zz&text=${encodeURIComponent(sentence)}`,
    );
  });
});
