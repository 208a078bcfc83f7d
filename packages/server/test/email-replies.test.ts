import { describe, expect, it } from 'vitest';
import { say } from './care-helpers.js';
import { call, newSession, startTestServer, visitorStream } from './helpers.js';
import { JAKARTA_NIGHT, PinnedClock } from './pinned-clock.js';
import { startSmtpListener } from './smtp-listener.js';

/** A visitor (Rina, with an email address) who asked at night and left: no stream of hers is open. */
async function awayVisitor(options: { smtp?: boolean; locale?: string } = {}) {
  const smtp = await startSmtpListener();
  const clock = new PinnedClock(JAKARTA_NIGHT);
  const server = await startTestServer({
    now: clock.now,
    ...(options.smtp === false ? {} : { smtpUrl: smtp.url, mailFrom: 'halo@toko-sapa.example' }),
  });
  const session = await newSession(server, {
    locale: options.locale ?? 'id-ID',
    page: { url: 'https://toko-sapa.example/produk/kopi-gayo', title: 'Kopi Gayo' },
  });
  const token = session.token;
  await call(
    server,
    'PATCH',
    '/v1/visitor',
    { name: 'Rina', email: 'rina@example.com', source: 'chat' },
    token,
  );
  const created = await call(server, 'POST', '/v1/conversations', { clientConversationId: 'c' }, token);
  const conversationId: string = created.body.id;
  await say(server, token, conversationId, 'Apakah kopi Gayo ada yang 1 kg?');
  const sari = await server.agents.add('Sari');
  const reply = (text: string) =>
    call(
      server,
      'POST',
      `/agent/v1/conversations/${conversationId}/messages`,
      { type: 'text', text },
      sari.token,
    );
  return { smtp, clock, server, token, conversationId, reference: created.body.reference as string, reply };
}

describe('replies by email to a visitor who is away', () => {
  it('batches an agent’s replies into one email in the visitor language, with the reference, over SMTP', async () => {
    const { smtp, clock, server, reference, reply } = await awayVisitor();
    expect(
      (await call(server, 'GET', '/v1/config', undefined, (await newSession(server)).token)).body.availability
        .emailReplies,
    ).toBe(true);
    await reply('Halo Kak Rina, ada! Kopi Gayo 1 kg harganya Rp310.000.');
    await reply('Mau kami siapkan untuk dikirim besok pagi?');
    // Collected for a minute first, so the quick lines travel together.
    await server.runCareSweep();
    expect(smtp.received).toEqual([]);
    clock.advance({ minutes: 1 });
    expect((await server.runCareSweep()).emails).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [email] = smtp.received;
    expect(email).toMatchObject({
      from: 'halo@toko-sapa.example',
      to: ['rina@example.com'],
      user: 'sapa',
      fromHeader: 'Toko Sapa <halo@toko-sapa.example>',
      subject: `Balasan dari Toko Sapa (Ref ${reference})`,
    });
    expect(email?.text).toBe(
      [
        'Halo Kak Rina,',
        'Ada balasan untuk Kakak dari tim Toko Sapa:',
        'Sari:\nHalo Kak Rina, ada! Kopi Gayo 1 kg harganya Rp310.000.\n\nSari:\nMau kami siapkan untuk dikirim besok pagi?',
        'Untuk membalas, silakan lanjutkan obrolan di https://toko-sapa.example/produk/kopi-gayo (buka jendela chat di halaman tersebut). Email ini dikirim otomatis, jadi balasan lewat email belum bisa kami terima.',
        `Nomor referensi percakapan: ${reference}. Sebutkan nomor ini jika menghubungi kami lewat WhatsApp atau email.`,
        'Salam hangat,\nTim Toko Sapa',
      ].join('\n\n'),
    );
  });

  it('sends at most one email per conversation every 10 minutes, each with only what is new', async () => {
    const { smtp, clock, server, reply } = await awayVisitor({ locale: 'en' });
    await reply('We have it in 1 kg.');
    clock.advance({ minutes: 1 });
    await server.runCareSweep();
    clock.advance({ minutes: 1 });
    await reply('Shall we ship it tomorrow?');
    clock.advance({ minutes: 2 });
    await server.runCareSweep();
    expect(smtp.received).toHaveLength(1);
    clock.advance({ minutes: 7 });
    await server.runCareSweep();
    expect(smtp.received.map((email) => email.subject)).toEqual([
      expect.stringMatching(/^Reply from Toko Sapa \(Ref SP-/),
      expect.stringMatching(/^Reply from Toko Sapa \(Ref SP-/),
    ]);
    expect(smtp.received[1]?.text).toContain('Sari:\nShall we ship it tomorrow?');
    expect(smtp.received[1]?.text).not.toContain('We have it in 1 kg.');
    expect(smtp.received[1]?.text).toMatch(/^Hi Rina,\n\nYou have a reply from the Toko Sapa team:/);
  });

  it('emails nobody who is on the site, or who read the replies in the chat meanwhile', async () => {
    const online = await awayVisitor();
    const stream = await visitorStream(online.server, online.token);
    await stream.next((frame) => frame.comment === 'open');
    await online.reply('Ada, Kak!');
    online.clock.advance({ minutes: 15 });
    await online.server.runCareSweep();
    expect(online.smtp.received).toEqual([]);

    const reader = await awayVisitor();
    const answered = await reader.reply('Ada, Kak!');
    await call(
      reader.server,
      'POST',
      `/v1/conversations/${reader.conversationId}/read`,
      { seq: answered.body.seq },
      reader.token,
    );
    reader.clock.advance({ minutes: 2 });
    await reader.server.runCareSweep();
    expect(reader.smtp.received).toEqual([]);
  });

  it('tries again later when the mail server refuses, and emails nothing without mail configured', async () => {
    const { smtp, clock, server, reply } = await awayVisitor();
    smtp.failNext();
    await reply('Ada, Kak!');
    clock.advance({ minutes: 1 });
    await server.runCareSweep();
    expect(smtp.received).toEqual([]);
    clock.advance({ minutes: 10 });
    await server.runCareSweep();
    expect(smtp.received).toHaveLength(1);

    const unconfigured = await awayVisitor({ smtp: false });
    expect(
      (await call(unconfigured.server, 'GET', '/v1/config', undefined, unconfigured.token)).body.availability,
    ).not.toHaveProperty('emailReplies');
    await unconfigured.reply('Ada, Kak!');
    unconfigured.clock.advance({ minutes: 15 });
    expect((await unconfigured.server.runCareSweep()).emails).toBe(0);
    expect(unconfigured.smtp.received).toEqual([]);
  });
});
