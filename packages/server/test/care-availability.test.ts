import { describe, expect, it } from 'vitest';
import type { EmailSender } from '../src/email-sender.js';
import { DEMO_SITE, type SiteConfig, SiteConfigError } from '../src/index.js';
import { resolveSite } from '../src/site-config.js';
import { describeReturn } from '../src/team-return.js';
import { messagesOf, say } from './care-helpers.js';
import { agentStream, call, newSession, startTestServer } from './helpers.js';
import { JAKARTA_MORNING, JAKARTA_NIGHT, PinnedClock } from './pinned-clock.js';

/** A mail sender that keeps what it was given (the SMTP one is tested against a real listener elsewhere). */
const keptMail: EmailSender = { send: async () => {}, close: () => {} };

async function visitorAt(time: string, locale: string, options: { emailSender?: EmailSender } = {}) {
  const server = await startTestServer({ now: new PinnedClock(time).now, ...options });
  const session = await newSession(server, { locale });
  const conversation = await call(
    server,
    'POST',
    '/v1/conversations',
    { clientConversationId: 'c' },
    session.token,
  );
  return { server, token: session.token, conversationId: conversation.body.id as string };
}

describe('the chat outside business hours', () => {
  it('is a chat (offline: chat) with an honest availability: when the team is back, in which time zone', async () => {
    const { server, token } = await visitorAt(JAKARTA_NIGHT, 'id');
    const config = (await call(server, 'GET', '/v1/config', undefined, token)).body;
    expect(config.offline).toBe('chat');
    expect(config.availability).toEqual({
      online: false,
      replyTime: 'day',
      nextOpenAt: '2026-03-02T01:00:00.000Z',
      timezone: 'Asia/Jakarta',
    });
    // An agent with the console open at night is still outside the hours: nobody is promised "minutes".
    await (await agentStream(server)).next((frame) => frame.comment === 'open');
    expect((await call(server, 'GET', '/v1/config', undefined, token)).body.availability.online).toBe(false);
  });

  it('lets the bot answer what it can, and hand over saying when the team is back, in the visitor language', async () => {
    const { server, token, conversationId } = await visitorAt(JAKARTA_NIGHT, 'id');
    await say(server, token, conversationId, 'Bagaimana status pesanan saya?');
    await say(server, token, conversationId, 'Saya mau bicara dengan agen');
    const texts = (await messagesOf(server, token, conversationId)).map((message) => message.text);
    expect(texts[1]).toMatch(/^Status pesanan bisa Kakak cek/);
    expect(texts[3]).toBe(
      'Baik, Kak. Percakapan ini sudah kami teruskan ke tim layanan pelanggan. Saat ini kami sedang di luar jam operasional. Tim kami kembali hari ini pukul 08.00 WIB dan akan membalas di sini. Sambil menunggu, silakan tuliskan pertanyaan Kakak selengkapnya, ya.',
    );
    expect(texts[4]).toBe('Diteruskan ke tim layanan pelanggan');

    const english = await visitorAt(JAKARTA_NIGHT, 'en-GB');
    await say(english.server, english.token, english.conversationId, 'Can I talk to a human?');
    const [, handover] = await messagesOf(english.server, english.token, english.conversationId);
    expect(handover.text).toContain(
      'We are outside our opening hours right now. Our team is back today at 08:00 WIB',
    );
  });

  it('promises email only when replies are emailed and the visitor left an address', async () => {
    const { server, token, conversationId } = await visitorAt(JAKARTA_NIGHT, 'id', { emailSender: keptMail });
    expect((await call(server, 'GET', '/v1/config', undefined, token)).body.availability.emailReplies).toBe(
      true,
    );
    await call(server, 'PATCH', '/v1/visitor', { email: 'rina@example.com', source: 'chat' }, token);
    await say(server, token, conversationId, 'bicara dengan agen');
    const [, handover] = await messagesOf(server, token, conversationId);
    expect(handover.text).toContain(
      'Tim kami kembali hari ini pukul 08.00 WIB dan akan membalas di sini. Balasannya juga akan kami kirim ke email Kakak.',
    );
  });

  it('hands over inside business hours as always', async () => {
    const { server, token, conversationId } = await visitorAt(JAKARTA_MORNING, 'id');
    await say(server, token, conversationId, 'bicara dengan agen');
    const [, handover] = await messagesOf(server, token, conversationId);
    expect(handover.text).toMatch(/Agen kami akan membalas di sini secepatnya/);
    expect(handover.text).not.toContain('jam operasional');
  });

  it('names the day the team is back: today, tomorrow, or the weekday, in the site time', () => {
    const jakarta = 'Asia/Jakarta';
    // Saturday 18:00 WIB → Sunday 09:00.
    expect(
      describeReturn(new Date('2026-03-08T02:00:00Z'), new Date('2026-03-07T11:00:00Z'), jakarta, 'id'),
    ).toBe('Tim kami kembali besok pukul 09.00 WIB dan akan membalas di sini.');
    // Friday 22:00 WIB → Monday 08:00.
    expect(
      describeReturn(new Date('2026-03-09T01:00:00Z'), new Date('2026-03-06T15:00:00Z'), jakarta, 'id'),
    ).toBe('Tim kami kembali hari Senin pukul 08.00 WIB dan akan membalas di sini.');
    expect(
      describeReturn(new Date('2026-03-09T01:00:00Z'), new Date('2026-03-06T15:00:00Z'), jakarta, 'en'),
    ).toBe('Our team is back on Monday at 08:00 WIB and will reply here.');
    expect(
      describeReturn(
        new Date('2026-03-09T02:00:00Z'),
        new Date('2026-03-06T15:00:00Z'),
        'Asia/Makassar',
        'id',
      ),
    ).toBe('Tim kami kembali hari Senin pukul 10.00 WITA dan akan membalas di sini.');
  });
});

describe('site configuration for customer care', () => {
  const site = (extra: Partial<SiteConfig>) => ({ siteKey: 'a', name: 'A', ...extra });

  it('offers a leave-a-message form only when the site asks for it', async () => {
    const server = await startTestServer({ sites: [{ ...DEMO_SITE, offline: 'form' }] });
    const session = await newSession(server);
    expect((await call(server, 'GET', '/v1/config', undefined, session.token)).body.offline).toBe('form');
    expect(resolveSite(site({})).offline).toBe('chat');
    expect(() => resolveSite(site({ offline: 'ticket' as never }))).toThrow(
      'sites[0].offline must be "chat" or "form"',
    );
  });

  it('names the wrong field of a backend campaign', () => {
    const message = { en: 'Hi' };
    const cases: Array<[unknown, string]> = [
      [{ id: 'x', trigger: { type: 'visit' }, message }, 'sites[0].eventCampaigns[0].trigger.type'],
      [
        { id: 'x', trigger: { type: 'event', name: 'a', count: 0 }, message },
        'trigger.count must be a whole number',
      ],
      [{ id: 'x', trigger: { type: 'attribute', attribute: 'ordersCount' }, message }, 'trigger.atLeast'],
      [{ id: 'x', trigger: { type: 'after-resolved', days: 3 }, message: 'Hi' }, 'eventCampaigns[0].message'],
      [
        { id: 'x', trigger: { type: 'event', name: 'a' }, message, survey: 'nps' },
        'is only for after-resolved',
      ],
      [
        {
          id: 'x',
          trigger: { type: 'event', name: 'a' },
          message,
          actions: [{ type: 'link', label: 'L', url: 'javascript:x' }],
        },
        'actions[0].url',
      ],
      [{ id: 'x', trigger: { type: 'event', name: 'a' }, message, cap: { perDay: -1 } }, 'cap.perDay'],
      [{ id: 'x', trigger: { type: 'event', name: 'a' }, message, card: { text: 'no title' } }, 'card.title'],
    ];
    for (const [campaign, problem] of cases) {
      expect(() => resolveSite(site({ eventCampaigns: [campaign as never] }))).toThrow(SiteConfigError);
      expect(() => resolveSite(site({ eventCampaigns: [campaign as never] }))).toThrow(problem);
    }
    const twice = { id: 'same', trigger: { type: 'event', name: 'a' }, message };
    expect(() => resolveSite(site({ eventCampaigns: [twice, twice] as never }))).toThrow(
      'sites[0].eventCampaigns[1].id repeats the campaign id "same"',
    );
    expect(resolveSite(DEMO_SITE).eventCampaigns.map((campaign) => campaign.id)).toEqual([
      'purchase-thank-you',
      'birthday-greeting',
      'product-recommendation',
      'cart-reminder',
      'loyalty-thank-you',
      'feedback-after-resolved',
    ]);
  });
});
