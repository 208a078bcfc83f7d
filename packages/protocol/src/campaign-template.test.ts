import { describe, expect, test } from 'vitest';
import { pickLocalized, renderLocalizedTemplate, renderTemplate } from './campaign-template.js';
import type { Visitor } from './types.js';

const visitor: Visitor = { id: 'v1', name: 'Budi', attributes: { tier: 'gold' }, verified: false };
const anonymous: Visitor = { id: 'v2', attributes: {}, verified: false };

describe('renderTemplate', () => {
  // From the SDK's campaign tests; a missing name in Indonesian is now "Kak" (docs/protocol.md).
  test('templates fill the name and attributes; a missing value leaves no placeholder', () => {
    expect(renderTemplate('Halo {{name}}, member {{attributes.tier}}!', visitor, 'id')).toBe(
      'Halo Budi, member gold!',
    );
    expect(renderTemplate('Halo {{name}}, ada yang bisa dibantu?', undefined, 'id')).toBe(
      'Halo Kak, ada yang bisa dibantu?',
    );
  });

  test('Indonesian: a missing name is "Kak", wherever the name stands', () => {
    for (const [template, text] of [
      ['Halo {{name}}, masih bingung memilih?', 'Halo Kak, masih bingung memilih?'],
      [
        'Selamat datang kembali, {{name}}! Ada yang bisa kami bantu?',
        'Selamat datang kembali, Kak! Ada yang bisa kami bantu?',
      ],
      [
        'Terima kasih, {{name}}! Pesanan Anda sudah kami terima.',
        'Terima kasih, Kak! Pesanan Anda sudah kami terima.',
      ],
      ['Selamat ulang tahun, {{name}}! 🎂', 'Selamat ulang tahun, Kak! 🎂'],
      ['{{name}}, pesanan Anda sudah dikirim.', 'Kak, pesanan Anda sudah dikirim.'],
    ]) {
      expect(renderTemplate(template as string, anonymous, 'id')).toBe(text);
    }
  });

  test('Indonesian: a template that already says "Kak" gets no second one', () => {
    expect(renderTemplate('Halo Kak {{name}}, ada promo hari ini.', anonymous, 'id')).toBe(
      'Halo Kak, ada promo hari ini.',
    );
    expect(renderTemplate('Halo kak {{name}}!', anonymous, 'id')).toBe('Halo kak!');
    expect(renderTemplate('Halo Kak {{name}}!', visitor, 'id')).toBe('Halo Kak Budi!');
  });

  test('English: a missing name is left out with the space or comma before it', () => {
    for (const [template, text] of [
      ['Hi {{name}}, still deciding?', 'Hi, still deciding?'],
      [
        'Welcome back, {{name}}! Anything we can help you with today?',
        'Welcome back! Anything we can help you with today?',
      ],
      ['Thank you, {{name}}! Your order is in.', 'Thank you! Your order is in.'],
      ['Happy birthday, {{name}}! 🎂', 'Happy birthday! 🎂'],
    ]) {
      expect(renderTemplate(template as string, anonymous, 'en')).toBe(text);
    }
  });

  test('a blank name counts as missing; a name is trimmed', () => {
    expect(renderTemplate('Hi {{name}}!', { ...anonymous, name: '  ' }, 'en')).toBe('Hi!');
    expect(renderTemplate('Halo {{name}}!', { ...anonymous, name: ' Sari ' }, 'id')).toBe('Halo Sari!');
  });

  test('missing attributes and unknown placeholders are left out in both languages', () => {
    expect(renderTemplate('Halo {{name}}, member {{attributes.tier}}!', anonymous, 'id')).toBe(
      'Halo Kak, member!',
    );
    expect(renderTemplate('Use code {{attributes.code}} today, {{unknown}}!', anonymous, 'en')).toBe(
      'Use code today!',
    );
    expect(
      renderTemplate(
        'Orders: {{attributes.orders}}, VIP: {{attributes.vip}}',
        {
          ...anonymous,
          attributes: { orders: 0, vip: false },
        },
        'en',
      ),
    ).toBe('Orders: 0, VIP: false');
  });

  test('event properties fill {{event.<key>}} for backend rules; a missing one is left out like an attribute', () => {
    const viewed = { name: 'Kopi Arabika Gayo', price: 85000, inStock: true, note: null };
    expect(renderTemplate('Halo {{name}}, {{event.name}} masih tersedia, Kak.', visitor, 'id', viewed)).toBe(
      'Halo Budi, Kopi Arabika Gayo masih tersedia, Kak.',
    );
    expect(renderTemplate('{{event.price}} / {{event.inStock}}', anonymous, 'en', viewed)).toBe(
      '85000 / true',
    );
    expect(renderTemplate('Still thinking about it, {{event.note}}?', anonymous, 'en', viewed)).toBe(
      'Still thinking about it?',
    );
    // Without an event (a client-side campaign) the placeholder is left out, as an unknown one.
    expect(renderTemplate('Masih mau {{event.name}}?', anonymous, 'id')).toBe('Masih mau?');
    // `event.` and `attributes.` are scopes only before a key: a key named like a scope is no placeholder of it.
    expect(renderTemplate('{{events.name}}{{attributes}}', visitor, 'en', viewed)).toBe('');
    expect(
      renderLocalizedTemplate({ id: 'Sisa stok {{event.name}}.' }, anonymous, 'id-ID', 'en', viewed),
    ).toBe('Sisa stok Kopi Arabika Gayo.');
  });

  test('data is text: markup in a name stays as it is and is never interpreted', () => {
    expect(renderTemplate('Hi {{name}}!', { ...anonymous, name: '<b>{{attributes.x}}</b>' }, 'en')).toBe(
      'Hi <b>{{attributes.x}}</b>!',
    );
  });
});

describe('pickLocalized and renderLocalizedTemplate', () => {
  const message = { en: 'Hi {{name}}, still deciding?', id: 'Halo {{name}}, masih bingung memilih?' };

  test('the locale language, the fallback, then English, then Indonesian', () => {
    expect(pickLocalized(message, 'id-ID', 'en')).toBe(message.id);
    expect(pickLocalized(message, 'ms', 'id')).toBe(message.id);
    expect(pickLocalized({ id: 'Halo' }, 'en', 'en')).toBe('Halo');
    expect(pickLocalized({}, 'en', 'en')).toBeUndefined();
  });

  test('renders in the language it picked, so an English text never says "Kak"', () => {
    expect(renderLocalizedTemplate(message, anonymous, 'id', 'en')).toBe('Halo Kak, masih bingung memilih?');
    expect(renderLocalizedTemplate(message, anonymous, 'en', 'id')).toBe('Hi, still deciding?');
    expect(renderLocalizedTemplate({ en: message.en }, anonymous, 'id', 'id')).toBe('Hi, still deciding?');
    expect(renderLocalizedTemplate({}, anonymous, 'id', 'id')).toBeUndefined();
  });
});
