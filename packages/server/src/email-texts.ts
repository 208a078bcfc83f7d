import type { Locale } from '@sapa/protocol';

/** What one emailed message says: who wrote it and its text (a file or a card as a line of its own). */
export interface EmailedMessage {
  author: string;
  text: string;
}

/** What a reply email is about. */
export interface ReplyEmailInput {
  locale: Locale;
  siteName: string;
  visitorName?: string;
  reference?: string;
  messages: EmailedMessage[];
  /** The page the visitor was last on (http or https), where the chat continues. */
  pageUrl?: string;
}

/**
 * The plain-text email that carries agents' replies to a visitor who is away, in their language. It names the
 * conversation's reference, so the visitor can quote it anywhere, and says where the chat continues: replies to
 * the email itself do not reach the team. Indonesian as an Indonesian support team writes it ("Kak", polite).
 */
export function composeReplyEmail(input: ReplyEmailInput): { subject: string; text: string } {
  const reference = input.reference ? ` (Ref ${input.reference})` : '';
  const quoted = input.messages.map((message) => `${message.author}:\n${message.text}`).join('\n\n');
  const name = input.visitorName?.trim();
  if (input.locale === 'id') {
    const where = input.pageUrl
      ? `silakan lanjutkan obrolan di ${input.pageUrl} (buka jendela chat di halaman tersebut)`
      : 'silakan buka kembali jendela chat di situs kami';
    return {
      subject: `Balasan dari ${input.siteName}${reference}`,
      text: [
        `Halo Kak${name ? ` ${name}` : ''},`,
        `Ada balasan untuk Kakak dari tim ${input.siteName}:`,
        quoted,
        `Untuk membalas, ${where}. Email ini dikirim otomatis, jadi balasan lewat email belum bisa kami terima.`,
        ...(input.reference
          ? [
              `Nomor referensi percakapan: ${input.reference}. Sebutkan nomor ini jika menghubungi kami lewat WhatsApp atau email.`,
            ]
          : []),
        `Salam hangat,\nTim ${input.siteName}`,
      ].join('\n\n'),
    };
  }
  const where = input.pageUrl
    ? `continue the chat at ${input.pageUrl} (open the chat window on that page)`
    : 'open the chat window on our site again';
  return {
    subject: `Reply from ${input.siteName}${reference}`,
    text: [
      name ? `Hi ${name},` : 'Hello,',
      `You have a reply from the ${input.siteName} team:`,
      quoted,
      `To answer, ${where}. This email was sent automatically, so replies to it do not reach us.`,
      ...(input.reference
        ? [
            `Conversation reference: ${input.reference}. Mention it if you contact us on WhatsApp or by email.`,
          ]
        : []),
      `Kind regards,\nThe ${input.siteName} team`,
    ].join('\n\n'),
  };
}
