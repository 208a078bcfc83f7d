import type { Action, Locale } from '@sapa/protocol';
import type { BusinessHours, ResolvedSite, Weekday } from './site-config.js';
import { describeReturn, indonesianZone } from './team-return.js';

/** What the rule bot does with one visitor message. */
export type BotDecision =
  | { kind: 'answer'; locale: Locale; text: string; actions?: Action[] }
  | { kind: 'handover'; locale: Locale; text: string; eventText: string };

type Topic = 'order_status' | 'shipping' | 'refund' | 'hours' | 'handover' | 'feedback' | 'greeting';

/** Payloads of the bot's quick replies; a postback with one of them picks the topic directly. */
export const BOT_PAYLOADS: Record<Exclude<Topic, 'greeting'>, string> = {
  order_status: 'order_status',
  shipping: 'shipping',
  refund: 'refund',
  hours: 'hours',
  handover: 'handover',
  feedback: 'feedback',
};

// Keywords per topic and language. Order matters: hand-over first, so "agen pengiriman" asks for a person.
const KEYWORDS: Array<{ topic: Topic; en: string[]; id: string[] }> = [
  {
    topic: 'handover',
    en: ['talk to a human', 'human', 'real person', 'agent', 'operator', 'customer service', 'someone'],
    id: ['bicara dengan agen', 'hubungi agen', 'agen', 'manusia', 'admin', 'cs', 'operator', 'petugas'],
  },
  {
    topic: 'order_status',
    en: ['order status', 'where is my order', 'my order', 'track', 'tracking'],
    id: ['status pesanan', 'cek pesanan', 'pesanan saya', 'lacak', 'resi', 'pesanan'],
  },
  {
    topic: 'refund',
    en: ['refund', 'return', 'money back', 'cancel'],
    id: ['pengembalian dana', 'pengembalian', 'refund', 'retur', 'uang kembali', 'batal'],
  },
  {
    topic: 'shipping',
    en: ['shipping', 'delivery', 'courier', 'ship'],
    id: ['pengiriman', 'ongkir', 'ongkos kirim', 'kurir', 'dikirim', 'kirim'],
  },
  {
    topic: 'hours',
    en: ['opening hours', 'business hours', 'hours', 'open', 'closed'],
    id: ['jam operasional', 'jam buka', 'jam kerja', 'buka', 'tutup'],
  },
  {
    topic: 'greeting',
    en: ['hello', 'hi', 'hey', 'good morning'],
    id: ['halo', 'hai', 'selamat pagi', 'permisi'],
  },
];

// Common Indonesian words: a message with one of them and no keyword is answered in Indonesian.
const INDONESIAN_HINTS = [
  'saya',
  'apa',
  'bagaimana',
  'gimana',
  'tolong',
  'mau',
  'bisa',
  'kak',
  'tidak',
  'ingin',
];

function containsWord(text: string, phrase: string): boolean {
  const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

function findTopic(text: string): { topic: Topic; locale?: Locale } | undefined {
  for (const rule of KEYWORDS) {
    const inIndonesian = rule.id.some((phrase) => containsWord(text, phrase));
    const inEnglish = rule.en.some((phrase) => containsWord(text, phrase));
    // A word both languages use ("refund") says nothing about the language.
    if (inIndonesian && inEnglish) return { topic: rule.topic };
    if (inIndonesian) return { topic: rule.topic, locale: 'id' };
    if (inEnglish) return { topic: rule.topic, locale: 'en' };
  }
  return undefined;
}

/** The locale the visitor's own `locale` (e.g. `id-ID`) stands for, if we speak it. */
export function toLocale(locale: string | undefined): Locale | undefined {
  const language = locale?.toLowerCase().split(/[-_]/)[0];
  return language === 'id' || language === 'en' ? language : undefined;
}

/** The bot's menu: the topics it knows, as quick replies. */
export function menuActions(locale: Locale): Action[] {
  const labels =
    locale === 'id'
      ? ['Status pesanan', 'Pengiriman', 'Pengembalian dana', 'Jam operasional', 'Bicara dengan agen']
      : ['Order status', 'Shipping', 'Refunds', 'Opening hours', 'Talk to a human'];
  const payloads = ['order_status', 'shipping', 'refund', 'hours', 'handover'];
  return labels.map((label, index) => ({ type: 'reply', label, payload: payloads[index] as string }));
}

const DAY_NAMES: Record<Locale, Record<Weekday, string>> = {
  en: { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' },
  id: { mon: 'Senin', tue: 'Selasa', wed: 'Rabu', thu: 'Kamis', fri: 'Jumat', sat: 'Sabtu', sun: 'Minggu' },
};

function describeHours(hours: BusinessHours | undefined, locale: Locale): string {
  if (!hours) {
    return locale === 'id'
      ? 'Tim kami membalas setiap kali ada agen yang sedang bertugas.'
      : 'Our team replies whenever an agent is on duty.';
  }
  // Indonesian writes times as 08.00 and names its zones WIB, WITA, WIT.
  const time = (value: string) => (locale === 'id' ? value.replace(':', '.') : value);
  const zone = (locale === 'id' && indonesianZone(hours.timezone)) || hours.timezone;
  const spans = hours.weekly.map((span) => {
    const days = span.days.map((day) => DAY_NAMES[locale][day]);
    const dayText = days.length > 2 ? `${days[0]}–${days[days.length - 1]}` : days.join(' & ');
    return `${dayText} ${time(span.open)}–${time(span.close)}`;
  });
  return locale === 'id'
    ? `Jam operasional kami: ${spans.join(', ')} ${zone}. Di luar jam tersebut, silakan tinggalkan pesan dan kami akan membalas secepatnya.`
    : `Our opening hours: ${spans.join(', ')} (${hours.timezone}). Outside these hours, leave a message and we will reply as soon as we can.`;
}

const ANSWERS: Record<Exclude<Topic, 'handover' | 'hours'>, Record<Locale, string>> = {
  order_status: {
    en: 'You can see where your order is under "My orders" with your order number. Share the order number here if you would like a person to check it for you.',
    id: 'Status pesanan bisa Kakak cek di menu "Pesanan Saya" dengan nomor pesanan. Jika ingin kami bantu cek, silakan kirimkan nomor pesanannya di sini, ya.',
  },
  shipping: {
    en: 'We ship across Indonesia. Orders placed before 15:00 WIB leave the same day; delivery usually takes 1–3 working days in Java and 3–7 outside Java.',
    id: 'Kami mengirim ke seluruh Indonesia. Pesanan sebelum pukul 15.00 WIB dikirim di hari yang sama; estimasi tiba 1–3 hari kerja untuk Pulau Jawa dan 3–7 hari kerja untuk luar Jawa.',
  },
  refund: {
    en: 'Returns are possible within 7 days of delivery. Once we receive the item, the refund reaches your original payment method within 3–5 working days.',
    id: 'Pengembalian barang bisa diajukan paling lambat 7 hari setelah pesanan diterima. Setelah barang kami terima, dana akan dikembalikan ke metode pembayaran awal dalam 3–5 hari kerja.',
  },
  feedback: {
    en: 'Thank you! Please tell us in a message how your shopping went; we read every one.',
    id: 'Terima kasih, Kak! Silakan ceritakan pengalaman belanja Anda di sini; setiap masukan kami baca dengan saksama.',
  },
  greeting: {
    en: 'Hi! I am the assistant of this shop. What can I help you with?',
    id: 'Halo, Kak! Saya asisten virtual toko ini. Ada yang bisa saya bantu?',
  },
};

const FALLBACK: Record<Locale, string> = {
  en: 'Sorry, I did not quite get that. Choose a topic below, or ask for a person and our team will reply here.',
  id: 'Mohon maaf, saya belum memahami pertanyaan Kakak. Silakan pilih topik di bawah ini, atau minta dihubungkan dengan agen kami.',
};

const HANDOVER: Record<Locale, { text: string; eventText: string }> = {
  en: {
    text: 'Sure, I have passed this conversation to our team. Someone will reply here as soon as possible; meanwhile, feel free to describe your question in full.',
    eventText: 'Handed over to the support team',
  },
  id: {
    text: 'Baik, Kak. Percakapan ini sudah kami teruskan ke tim layanan pelanggan. Agen kami akan membalas di sini secepatnya; sambil menunggu, silakan tuliskan pertanyaan Anda selengkapnya, ya.',
    eventText: 'Diteruskan ke tim layanan pelanggan',
  },
};

/**
 * The hand-over outside business hours: honest about when someone answers (issue 12). `returns` is the sentence
 * of {@link describeReturn}; `email` is said only when replies are emailed and the visitor has an address.
 */
const HANDOVER_AWAY: Record<Locale, (returns: string, email: boolean) => string> = {
  en: (returns, email) =>
    `Sure, I have passed this conversation to our team. We are outside our opening hours right now. ${returns}${email ? ' We will also send the answer to your email.' : ''} Meanwhile, feel free to describe your question in full.`,
  id: (returns, email) =>
    `Baik, Kak. Percakapan ini sudah kami teruskan ke tim layanan pelanggan. Saat ini kami sedang di luar jam operasional. ${returns}${email ? ' Balasannya juga akan kami kirim ke email Kakak.' : ''} Sambil menunggu, silakan tuliskan pertanyaan Kakak selengkapnya, ya.`,
};

/**
 * The rule bot: bilingual (en, id) keyword rules with quick replies, and the hand-over to a person.
 * It only decides; the caller stores the answer and only asks while no agent is online.
 */
export function decideBotReply(input: {
  text?: string;
  payload?: string;
  visitorLocale?: string;
  site: ResolvedSite;
  /** Outside business hours: when the team is back (the hand-over says so, in the site's time zone). */
  away?: { returnsAt: Date; now: Date; emailed: boolean };
}): BotDecision {
  const text = (input.text ?? '').toLowerCase();
  const byPayload = Object.values(BOT_PAYLOADS).find((payload) => payload === input.payload) as
    | Topic
    | undefined;
  const found: { topic: Topic; locale?: Locale } | undefined = byPayload
    ? { topic: byPayload }
    : findTopic(text);
  const hinted = INDONESIAN_HINTS.some((word) => containsWord(text, word)) ? 'id' : undefined;
  const locale: Locale = found?.locale ?? hinted ?? toLocale(input.visitorLocale) ?? input.site.defaultLocale;
  if (!found) return { kind: 'answer', locale, text: FALLBACK[locale], actions: menuActions(locale) };
  switch (found.topic) {
    case 'handover': {
      const { away, site } = input;
      if (!away || !site.businessHours) return { kind: 'handover', locale, ...HANDOVER[locale] };
      const returns = describeReturn(away.returnsAt, away.now, site.businessHours.timezone, locale);
      return {
        kind: 'handover',
        locale,
        text: HANDOVER_AWAY[locale](returns, away.emailed),
        eventText: HANDOVER[locale].eventText,
      };
    }
    case 'hours':
      return { kind: 'answer', locale, text: describeHours(input.site.businessHours, locale) };
    case 'greeting':
      return { kind: 'answer', locale, text: ANSWERS.greeting[locale], actions: menuActions(locale) };
    default:
      return { kind: 'answer', locale, text: ANSWERS[found.topic][locale] };
  }
}
