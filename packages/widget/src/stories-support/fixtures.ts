/**
 * Fixture builders for stories: participants, messages, conversations, widget configuration and whole
 * client states, all dated relative to the pinned clock. Nothing here talks to a server. Over 300 lines
 * because every story shares them, in English and Indonesian, from this one place.
 */
import type {
  Action,
  Attachment,
  Card,
  Conversation,
  Locale,
  Participant,
  Visitor,
  WidgetConfig,
} from '@sapa/protocol';
import type { ClientMessage, ClientState } from '@sapa/sdk';
import { minutesAgo, PINNED_NOW } from './clock.js';

/** The conversation most fixtures belong to. */
export const CONVERSATION_ID = 'conversation-1';

/** The visitor in every story: Sari, shopping at Toko Sapa. */
export const visitor: Participant = { role: 'visitor', id: 'visitor-1', name: 'Sari' };
/** A human agent of the Toko Sapa team. */
export const agent: Participant = { role: 'agent', id: 'agent-1', name: 'Dewi' };
/** The rule bot that answers while nobody is online. */
export const bot: Participant = { role: 'bot', id: 'bot', name: 'Sapa Bot' };
/** The system: status lines such as "conversation resolved". */
export const system: Participant = { role: 'system', id: 'system' };

/** The visitor's profile as the backend knows it. */
export const visitorProfile: Visitor = {
  id: 'visitor-1',
  name: 'Sari',
  attributes: { plan: 'member' },
  verified: false,
};

let counter = 0;
function nextId(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

/** Fields a message fixture may override. */
export type MessageOverrides = Partial<ClientMessage>;

/** A message; `minutes` is how long before the pinned "now" it was sent. */
export function message(
  author: Participant,
  text: string,
  minutes: number,
  overrides: MessageOverrides = {},
) {
  const id = nextId('message');
  const built: ClientMessage = {
    id,
    conversationId: CONVERSATION_ID,
    seq: 0,
    author,
    type: 'text',
    text,
    createdAt: minutesAgo(minutes),
    ...overrides,
  };
  if (author.role === 'visitor' && built.clientMessageId === undefined)
    built.clientMessageId = `client-${id}`;
  if (author.role === 'visitor' && built.delivery === undefined) built.delivery = 'sent';
  return built;
}

/** Gives messages the gapless seq numbers the backend would (pending ones keep seq 0, and stay last). */
export function numbered(messages: ClientMessage[]): ClientMessage[] {
  let seq = 0;
  return messages.map((item) => {
    if (item.delivery === 'sending' || item.delivery === 'failed') return { ...item, seq: 0 };
    seq += 1;
    return { ...item, seq };
  });
}

const texts = {
  en: {
    greeting: 'Hello! Welcome to Toko Sapa. How can we help you today?',
    question: 'Hi, my order #INV-20261118-0042 has not arrived yet. Could you check it?',
    checking: 'Of course, Sari. Let me check with the courier for a moment.',
    answer: 'Your parcel is with the courier in Bandung and should arrive this afternoon.',
    thanks: 'Great, thank you very much!',
    handover: 'I will connect you with our team. Someone will reply within a few minutes.',
    resolved: 'Conversation resolved',
    link: 'You can follow it here: https://toko.example.com/orders/INV-20261118-0042?tab=tracking',
  },
  id: {
    greeting: 'Halo! Selamat datang di Toko Sapa. Ada yang bisa kami bantu hari ini?',
    question: 'Halo, pesanan saya #INV-20261118-0042 belum sampai. Bisa dibantu cek?',
    checking: 'Baik, Kak Sari. Mohon ditunggu sebentar, kami cek ke kurir dulu ya.',
    answer: 'Paket Kakak sudah di kurir wilayah Bandung dan diperkirakan tiba siang ini.',
    thanks: 'Oke, terima kasih banyak!',
    handover: 'Kami hubungkan dengan tim kami. Balasan biasanya dalam beberapa menit.',
    resolved: 'Percakapan selesai',
    link: 'Kakak bisa memantaunya di sini: https://toko.example.com/orders/INV-20261118-0042?tab=tracking',
  },
} as const;

/** Story text in the visitor's language. */
export function sampleText(locale: Locale, key: keyof (typeof texts)['en']): string {
  return texts[locale][key];
}

/** A short, friendly exchange: bot greeting, question, agent answer, thanks (some of it yesterday). */
export function conversationMessages(locale: Locale = 'en'): ClientMessage[] {
  return numbered([
    message(bot, texts[locale].greeting, 60 * 24 + 12),
    message(visitor, texts[locale].question, 60 * 24 + 11),
    message(bot, texts[locale].handover, 60 * 24 + 11),
    message(agent, texts[locale].checking, 14),
    message(agent, texts[locale].answer, 9),
    message(visitor, texts[locale].link, 8),
    message(visitor, texts[locale].thanks, 2),
  ]);
}

/** One message per author role, the system line included. */
export function everyAuthorMessages(locale: Locale = 'en'): ClientMessage[] {
  return numbered([
    message(bot, texts[locale].greeting, 20),
    message(visitor, texts[locale].question, 18),
    message(agent, texts[locale].answer, 10),
    message(system, texts[locale].resolved, 5, { type: 'event' }),
  ]);
}

/** A word that never breaks by itself, an unbroken URL and a very long paragraph. */
export function longContentMessages(locale: Locale = 'en'): ClientMessage[] {
  const paragraph =
    locale === 'id'
      ? 'Terima kasih sudah menunggu. Kami sudah memeriksa pesanan Kakak dan ternyata ada kendala di gudang kami, sehingga pengiriman tertunda satu hari. '
      : 'Thank you for waiting. We checked your order and found a delay at our warehouse, so delivery moved by one day. ';
  return numbered([
    message(visitor, 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(4), 30),
    message(
      agent,
      `https://toko.example.com/very/long/path/${'segment-without-any-breaks-'.repeat(8)}end?query=${'x'.repeat(80)}`,
      25,
    ),
    message(agent, paragraph.repeat(8).trim(), 20),
    message(visitor, locale === 'id' ? 'Baik, saya tunggu.' : 'Alright, I will wait.', 3),
  ]);
}

/** `count` alternating messages over the past days, as a long-time customer's history would be. */
export function manyMessages(count: number, locale: Locale = 'en'): ClientMessage[] {
  const built: ClientMessage[] = [];
  for (let index = 0; index < count; index += 1) {
    const author = index % 3 === 0 ? visitor : index % 3 === 1 ? agent : bot;
    const text =
      locale === 'id'
        ? `Pesan nomor ${index + 1} tentang pesanan Kakak.`
        : `Message number ${index + 1} about your order.`;
    // Spread over about a week, oldest first, so several day separators appear.
    built.push(message(author, text, (count - index) * 20));
  }
  return numbered(built);
}

/** An image and a PDF, as attachments of the backend. */
export const attachments: { image: Attachment; pdf: Attachment; text: Attachment } = {
  image: {
    id: 'attachment-image',
    name: 'foto-paket-rusak.png',
    size: 482_133,
    mime: 'image/png',
    // An inline 1×1 picture: stories never fetch anything from the network.
    url: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    width: 640,
    height: 480,
  },
  pdf: {
    id: 'attachment-pdf',
    name: 'faktur-INV-20261118-0042.pdf',
    size: 1_532_000,
    mime: 'application/pdf',
    url: 'https://toko.example.com/files/faktur.pdf',
  },
  text: {
    id: 'attachment-text',
    name: 'نام-فایل-راست-به-چپ.txt',
    size: 512,
    mime: 'text/plain',
    url: 'https://toko.example.com/files/notes.txt',
  },
};

/** File messages: a picture from the visitor, an invoice from the agent, a right-to-left file name. */
export function attachmentMessages(locale: Locale = 'en'): ClientMessage[] {
  return numbered([
    message(visitor, locale === 'id' ? 'Ini foto paketnya.' : 'Here is a photo of the parcel.', 12, {
      type: 'file',
      attachments: [attachments.image],
    }),
    message(agent, locale === 'id' ? 'Berikut fakturnya.' : 'Here is the invoice.', 6, {
      type: 'file',
      attachments: [attachments.pdf],
    }),
    message(visitor, '', 4, { type: 'file', attachments: [attachments.text], text: undefined }),
  ]);
}

/** A product card. */
export function productCard(locale: Locale = 'en'): Card {
  return locale === 'id'
    ? {
        title: 'Batik Tulis Solo — Kemeja Pria',
        text: 'Katun primisima, ukuran M. Diskon 20% khusus member hingga Minggu.',
        url: 'https://toko.example.com/products/batik-tulis-solo',
      }
    : {
        title: 'Solo Hand-drawn Batik — Men’s Shirt',
        text: 'Primisima cotton, size M. 20% off for members until Sunday.',
        url: 'https://toko.example.com/products/batik-tulis-solo',
      };
}

/** Reply buttons the bot offers. */
export function quickReplies(locale: Locale = 'en'): Action[] {
  return locale === 'id'
    ? [
        { type: 'reply', label: 'Lacak pesanan', payload: 'track_order' },
        { type: 'reply', label: 'Pengembalian barang', payload: 'return' },
        { type: 'reply', label: 'Bicara dengan tim kami', payload: 'human' },
        { type: 'link', label: 'Pusat bantuan', url: 'https://toko.example.com/bantuan' },
      ]
    : [
        { type: 'reply', label: 'Track my order', payload: 'track_order' },
        { type: 'reply', label: 'Return an item', payload: 'return' },
        { type: 'reply', label: 'Talk to a person', payload: 'human' },
        { type: 'link', label: 'Help centre', url: 'https://toko.example.com/help' },
      ];
}

/** A card message from the agent and a bot message with quick replies last. */
export function cardAndRepliesMessages(locale: Locale = 'en'): ClientMessage[] {
  return numbered([
    message(agent, '', 10, { type: 'card', card: productCard(locale), text: undefined }),
    message(bot, texts[locale].greeting, 1, { actions: quickReplies(locale) }),
  ]);
}

/** The Toko Sapa site configuration, as `GET /v1/config` returns it. */
export function widgetConfig(overrides: Partial<WidgetConfig> = {}): WidgetConfig {
  return {
    siteKey: 'demo',
    name: 'Toko Sapa',
    defaultLocale: 'id',
    greeting: {
      en: 'Hi! Ask us anything about your order.',
      id: 'Halo! Tanyakan apa saja tentang pesanan Anda.',
    },
    availability: { online: true, replyTime: 'minutes' },
    prechat: { enabled: false, fields: [] },
    channels: [
      { type: 'whatsapp', url: 'https://wa.me/6281234567890', label: { en: 'WhatsApp', id: 'WhatsApp' } },
      { type: 'email', url: 'mailto:halo@toko.example.com' },
    ],
    campaigns: [],
    upload: { maxBytes: 10 * 1024 * 1024, accept: ['image/*', 'application/pdf', 'text/plain'] },
    identityRequired: false,
    ...overrides,
  };
}

/** A conversation record; `minutes` ago it was last updated. */
export function conversation(overrides: Partial<Conversation> = {}): Conversation {
  return {
    id: CONVERSATION_ID,
    status: 'open',
    createdAt: minutesAgo(60 * 24 + 12),
    updatedAt: minutesAgo(2),
    lastSeq: 0,
    visitorReadSeq: 0,
    agentReadSeq: 0,
    assignee: agent,
    ...overrides,
  };
}

/** Fields a client-state fixture may override. */
export type StateOverrides = Partial<ClientState>;

/**
 * A connected client's state with one open conversation holding `messages`. Its `lastSeq` and read
 * markers follow the messages: the agent has read everything acknowledged.
 */
export function clientState(messages: ClientMessage[] = [], overrides: StateOverrides = {}): ClientState {
  const lastSeq = messages.reduce((highest, item) => Math.max(highest, item.seq), 0);
  const conversations =
    messages.length > 0 ? [conversation({ lastSeq, agentReadSeq: lastSeq, visitorReadSeq: lastSeq })] : [];
  return {
    connection: 'open',
    visitor: visitorProfile,
    config: widgetConfig(),
    conversations,
    activeConversationId: messages.length > 0 ? CONVERSATION_ID : null,
    messages: messages.length > 0 ? { [CONVERSATION_ID]: messages } : {},
    hasMore: messages.length > 0 ? { [CONVERSATION_ID]: false } : {},
    unreadCount: 0,
    typing: {},
    storage: 'indexeddb',
    uploads: {},
    ...overrides,
  };
}

/** "Now" for components that take it as a prop. */
export const now = PINNED_NOW;
