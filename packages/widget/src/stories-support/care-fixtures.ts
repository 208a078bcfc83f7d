/**
 * Fixtures of customer care at every hour (issue 12): the team away at night, a recommendation card with its
 * price, the thank-you after a purchase, the NPS question after a resolved conversation, the conversation's
 * reference. Dated from the pinned clock, in English and Indonesian, like fixtures.ts.
 */
import type { Action, Availability, Card, Locale } from '@sapa/protocol';
import type { ClientMessage, ClientState } from '@sapa/sdk';
import { bot, clientState, conversation, message, numbered, visitor, widgetConfig } from './fixtures.js';

/** Nobody online: the team is back tomorrow (Saturday) at 09:00 in Jakarta, the pinned clock's site. */
export const awayUntilTomorrow: Availability = {
  online: false,
  replyTime: 'day',
  nextOpenAt: '2026-11-21T02:00:00Z',
  timezone: 'Asia/Jakarta',
};

/** The same, from a backend that emails replies to a visitor who left an address. */
export const awayWithEmailReplies: Availability = { ...awayUntilTomorrow, emailReplies: true };

/** The reference every care story's conversation carries. */
export const REFERENCE = 'SP-7KQ2';

let pictureUrl: string | undefined;
/** A small coffee-bag picture as a blob: URL (stories fetch nothing from the network; data: URLs are refused). */
function coffeePicture(): string {
  pictureUrl ??= URL.createObjectURL(
    new Blob(
      [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90" fill="#7c4a2d"/>' +
          '<rect x="60" y="15" width="40" height="60" rx="6" fill="#e8d5b5"/></svg>',
      ],
      { type: 'image/svg+xml' },
    ),
  );
  return pictureUrl;
}

/** The recommendation after two looks at the same product: picture, title, link and price in rupiah. */
export function recommendationCard(): Card {
  return {
    title: 'Kopi Arabika Gayo, 250 g',
    imageUrl: coffeePicture(),
    url: 'https://toko.example.com/#kopi-gayo',
    price: { amount: 85_000, currency: 'IDR' },
  };
}

/** The recommendation's message, as the demo shop's rule renders it. */
export function recommendationText(locale: Locale): string {
  return locale === 'id'
    ? 'Halo Kak, sepertinya Kopi Arabika Gayo, 250 g menarik perhatian Kakak. Stoknya masih ada, dan kalau ada yang ingin ditanyakan, kami siap bantu!'
    : 'Hi, Kopi Arabika Gayo, 250 g seems to have caught your eye. It is in stock, and we are happy to answer any question about it!';
}

/** The 11 replies of an NPS question, 0 to 10. */
export const npsActions: Action[] = Array.from({ length: 11 }, (_, score) => ({
  type: 'reply',
  label: String(score),
  payload: `nps:${score}`,
}));

const texts = {
  en: {
    thanks: 'Thank you, Budi! Your order is in. How was shopping with us?',
    reply: 'It was easy, thank you! When will it be shipped?',
    question: 'Hi, is the Gayo coffee still in stock?',
    nps: 'Hi Budi, thank you for contacting Toko Sapa a few days ago. How likely are you to recommend us to a friend or family member? Choose from 0 (not likely) to 10 (very likely).',
  },
  id: {
    thanks: 'Terima kasih, Budi! Pesanan Anda sudah kami terima. Bagaimana pengalaman belanja Anda?',
    reply: 'Mudah sekali, terima kasih! Kapan dikirim ya?',
    question: 'Halo, kopi Gayo masih ada stoknya?',
    nps: 'Halo Budi, terima kasih sudah menghubungi Toko Sapa beberapa hari lalu. Seberapa besar kemungkinan Kakak merekomendasikan Toko Sapa kepada teman atau keluarga? Pilih 0 (tidak mungkin) sampai 10 (sangat mungkin).',
  },
} as const;

/** A conversation state with `messages`, its conversation carrying {@link REFERENCE}. */
function withReference(messages: ClientMessage[], overrides: Partial<ClientState> = {}): ClientState {
  const state = clientState(messages, overrides);
  return { ...state, conversations: state.conversations.map((item) => ({ ...item, reference: REFERENCE })) };
}

/** At night, a fresh visitor's question: nobody online, the bot has not answered yet. */
export function awayQuestion(locale: Locale, availability: Availability = awayWithEmailReplies): ClientState {
  return withReference(numbered([message(visitor, texts[locale].question, 1)]), {
    config: widgetConfig({ availability }),
    visitor: { id: 'visitor-1', attributes: {}, verified: false },
  });
}

/** The thank-you after a purchase, answered at night: the conversation starts with it. */
export function thankYouConversation(locale: Locale): ClientState {
  return withReference(
    numbered([message(bot, texts[locale].thanks, 6), message(visitor, texts[locale].reply, 1)]),
    {
      config: widgetConfig({ availability: awayWithEmailReplies }),
      visitor: {
        id: 'visitor-1',
        name: 'Budi Santoso',
        email: 'budi@example.com',
        attributes: {},
        verified: true,
      },
    },
  );
}

/** Three days after the conversation was resolved and rated: the NPS question, waiting for its answer. */
export function npsConversation(locale: Locale): ClientState {
  const state = withReference(
    numbered([
      message(visitor, texts[locale].question, 60 * 24 * 3),
      message(bot, texts[locale].nps, 1, { actions: npsActions, survey: { type: 'nps' } }),
    ]),
  );
  return {
    ...state,
    conversations: [conversation({ status: 'resolved', rating: { score: 5 }, reference: REFERENCE })],
  };
}
