import { describe, expect, it } from 'vitest';
import { campaignsAfter, nightShop, product, track } from './care-helpers.js';
import { call, newSession } from './helpers.js';

describe('event rules with data: the recommendation after two views of the same product', () => {
  it('sends a card built from the event on the second view of the same sku within the window, once', async () => {
    const { server, session, token } = await nightShop();
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    await track(server, token, 'product_viewed', product('teh-kayu-aro'));
    expect(await campaignsAfter(server, token, session.cursor)).toEqual([]);
    const tracked = await track(server, token, 'product_viewed', product('kopi-gayo'));
    expect(tracked.status).toBe(202);
    const [campaign, ...more] = await campaignsAfter(server, token, session.cursor);
    expect(more).toEqual([]);
    expect(campaign).toEqual({
      id: 'product-recommendation',
      message:
        'Halo Dewi, sepertinya Kopi Arabika Gayo, 250 g menarik perhatian Kakak. Stoknya masih ada, dan kalau ada yang ingin ditanyakan, kami siap bantu!',
      card: {
        title: 'Kopi Arabika Gayo, 250 g',
        imageUrl: 'https://toko-sapa.example/gambar/kopi-gayo.svg',
        url: 'https://toko-sapa.example/produk/kopi-gayo',
        price: { amount: 85000, currency: 'IDR' },
      },
      actions: [
        { type: 'reply', label: '💬 Tanya admin', payload: 'handover' },
        { type: 'reply', label: '🚚 Ongkir', payload: 'shipping' },
      ],
    });
    // After the send the count starts again, and the visitor's daily cap holds: nothing more today.
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    expect(await campaignsAfter(server, token, session.cursor)).toHaveLength(1);
  });

  it('counts only views within the window, and caps a visitor at one recommendation a day', async () => {
    const { clock, server, session, token } = await nightShop();
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    clock.advance({ hours: 73 });
    // The first view is outside the 72 hours now: this is a first view again.
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    expect(await campaignsAfter(server, token, session.cursor)).toEqual([]);
    await track(server, token, 'product_viewed', product('kopi-gayo'));
    expect(
      (await campaignsAfter(server, token, session.cursor)).map((campaign) => campaign.card.title),
    ).toEqual(['Kopi Arabika Gayo, 250 g']);
    // Two views of another product the same day: the daily cap of this visitor holds.
    await track(server, token, 'product_viewed', product('teh-kayu-aro'));
    await track(server, token, 'product_viewed', product('teh-kayu-aro'));
    expect(await campaignsAfter(server, token, session.cursor)).toHaveLength(1);
    // A day later (perVisitorDays: 1) the next view sends it: the two views held back by the cap still count.
    clock.advance({ days: 1, minutes: 1 });
    await track(server, token, 'product_viewed', product('teh-kayu-aro'));
    const titles = async () =>
      (await campaignsAfter(server, token, session.cursor)).map((campaign) => campaign.card.title);
    expect(await titles()).toEqual(['Kopi Arabika Gayo, 250 g', 'Teh Hitam Kayu Aro, 100 g']);
    // The third a day later, and never a fourth (perVisitor: 3).
    for (let day = 0; day < 2; day++) {
      clock.advance({ days: 1, minutes: 1 });
      await track(server, token, 'product_viewed', product('kopi-gayo'));
      await track(server, token, 'product_viewed', product('kopi-gayo'));
    }
    expect(await titles()).toEqual([
      'Kopi Arabika Gayo, 250 g',
      'Teh Hitam Kayu Aro, 100 g',
      'Kopi Arabika Gayo, 250 g',
    ]);
  });

  it('sends no card without its product, never an unsafe link, and a price only when it is a number', async () => {
    const { server, session, token } = await nightShop();
    // No name: the card's title renders empty, so nothing is sent and the visitor's cap is not used up.
    await track(server, token, 'product_viewed', { sku: 'x' });
    await track(server, token, 'product_viewed', { sku: 'x' });
    expect(await campaignsAfter(server, token, session.cursor)).toEqual([]);
    const unsafe = {
      sku: 'y',
      name: 'Sambal Roa',
      price: 'gratis',
      url: 'javascript:alert(1)',
      imageUrl: 'data:image/svg+xml,<svg onload=alert(1)>',
    };
    await track(server, token, 'product_viewed', unsafe);
    await track(server, token, 'product_viewed', unsafe);
    const [campaign] = await campaignsAfter(server, token, session.cursor);
    expect(campaign.card).toEqual({ title: 'Sambal Roa' });
  });

  it('refuses properties over the protocol limits with 413, and values that are not plain with 400', async () => {
    const { server, token } = await nightShop();
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, index) => [`key${index}`, index]));
    const tooMany = await track(server, token, 'product_viewed', many);
    expect(tooMany.status).toBe(413);
    expect(tooMany.body).toMatchObject({ code: 'payload_too_large', detail: expect.stringContaining('50') });
    const tooBig = await track(server, token, 'product_viewed', { note: 'x'.repeat(8200) });
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.detail).toContain('8192 bytes');
    const nested = await call(
      server,
      'POST',
      '/v1/events',
      { name: 'product_viewed', properties: { sku: { id: 1 } } },
      token,
    );
    expect(nested.status).toBe(400);
    expect(nested.body.detail).toContain('properties.sku');
    expect(
      (await track(server, token, 'product_viewed', { sku: 'a', price: 1, ok: true, gone: null })).status,
    ).toBe(202);
  });
});

describe('event rules with data: the delayed cart reminder', () => {
  const cart = { ...product('kopi-gayo'), quantity: 1 };

  it('fires 30 minutes after the cart changed, not before, with the event data', async () => {
    const { clock, server, session, token } = await nightShop();
    await track(server, token, 'cart_updated', cart);
    clock.advance({ minutes: 29 });
    await server.runCareSweep();
    expect(await campaignsAfter(server, token, session.cursor)).toEqual([]);
    clock.advance({ minutes: 1 });
    expect((await server.runCareSweep()).delayed).toBe(1);
    const [reminder] = await campaignsAfter(server, token, session.cursor);
    expect(reminder).toMatchObject({
      id: 'cart-reminder',
      message: expect.stringMatching(
        /^Halo Dewi, Kopi Arabika Gayo, 250 g masih menunggu di keranjang Kakak\./,
      ),
      card: { title: 'Kopi Arabika Gayo, 250 g', price: { amount: 85000, currency: 'IDR' } },
    });
    clock.advance({ hours: 1 });
    await server.runCareSweep();
    expect(await campaignsAfter(server, token, session.cursor)).toHaveLength(1);
  });

  it('is cancelled by a purchase, and a later cart change moves it with its own data', async () => {
    const { clock, server, session, token } = await nightShop();
    await track(server, token, 'cart_updated', cart);
    clock.advance({ minutes: 10 });
    await track(server, token, 'purchase_completed', { orderId: 'TS-1', total: 85000 });
    clock.advance({ minutes: 30 });
    await server.runCareSweep();
    const afterPurchase = await campaignsAfter(server, token, session.cursor);
    expect(afterPurchase.map((campaign) => campaign.id)).toEqual(['purchase-thank-you']);

    await track(server, token, 'cart_updated', cart);
    clock.advance({ minutes: 20 });
    await track(server, token, 'cart_updated', { ...product('teh-kayu-aro'), quantity: 2 });
    clock.advance({ minutes: 15 });
    await server.runCareSweep();
    expect(await campaignsAfter(server, token, session.cursor)).toHaveLength(1);
    clock.advance({ minutes: 15 });
    await server.runCareSweep();
    const [, reminder] = await campaignsAfter(server, token, session.cursor);
    expect(reminder.card.title).toBe('Teh Hitam Kayu Aro, 100 g');
  });
});

describe('attribute rules: the loyalty thank-you', () => {
  it('fires once when ordersCount reaches 5, with the code', async () => {
    const { server, session, token } = await nightShop();
    await call(server, 'PATCH', '/v1/visitor', { attributes: { ordersCount: 4 } }, token);
    expect(await campaignsAfter(server, token, session.cursor)).toEqual([]);
    await call(server, 'PATCH', '/v1/visitor', { attributes: { ordersCount: 5 } }, token);
    await call(server, 'PATCH', '/v1/visitor', { attributes: { ordersCount: 6 } }, token);
    const identified = await call(
      server,
      'POST',
      '/v1/identify',
      { userId: 'dewi-1', attributes: { ordersCount: 7 } },
      token,
    );
    const campaigns = await campaignsAfter(server, identified.body.token, session.cursor);
    expect(campaigns).toEqual([
      {
        id: 'loyalty-thank-you',
        message:
          'Terima kasih, Dewi, sudah 5 kali berbelanja di Toko Sapa! 🙏 Sebagai tanda terima kasih, pakai kode SETIA20 untuk diskon 20% di pesanan berikutnya.',
      },
    ]);
  });
});

describe('date rules on the server clock', () => {
  it('greets on the birthday in the site time zone, once a year', async () => {
    const { clock, server, session, token } = await nightShop();
    // 00:40 on 2 March in Jakarta is still 1 March in UTC: the shop's own day counts.
    await call(server, 'PATCH', '/v1/visitor', { attributes: { birthday: '1990-03-02' } }, token);
    await call(server, 'PATCH', '/v1/visitor', { attributes: { plan: 'gold' } }, token);
    expect((await campaignsAfter(server, token, session.cursor)).map((campaign) => campaign.message)).toEqual(
      ['Selamat ulang tahun, Dewi! 🎂 Ada hadiah kecil dari kami: kode ULTAH15 untuk diskon 15%.'],
    );
    // A year later, the visitor having come back every few weeks (a session lives 30 days on the server clock).
    let current = token;
    for (const days of [...Array.from({ length: 14 }, () => 25), 15]) {
      clock.advance({ days });
      current = (await newSession(server, { token: current })).token;
    }
    expect(await campaignsAfter(server, current, session.cursor)).toHaveLength(2);
    clock.advance({ days: 31 });
    expect((await newSession(server, { token: current })).visitorId).not.toBe(session.visitorId);
  });
});
