import type { Action, Locale } from '@sapa/protocol';

/** The payload prefix of the NPS replies: `nps:0` … `nps:10` (docs/protocol.md, `Message.survey`). */
export const NPS_PAYLOAD_PREFIX = 'nps:';

/** The 11 reply actions of the NPS question, 0 to 10. */
export function npsActions(): Action[] {
  return Array.from({ length: 11 }, (_, score) => ({
    type: 'reply',
    label: String(score),
    payload: `${NPS_PAYLOAD_PREFIX}${score}`,
  }));
}

/** The score of a postback that answers the NPS question; undefined for any other payload. */
export function npsScore(payload: string): number | undefined {
  const match = /^nps:(10|[0-9])$/.exec(payload);
  return match ? Number(match[1]) : undefined;
}

/**
 * What the shop says after a score and after the comment that may follow it. Written as an Indonesian support
 * team writes (polite, "Kak"); the thanks for the score invites the comment, which is optional.
 */
export const FEEDBACK_THANKS: Record<'score' | 'comment', Record<Locale, string>> = {
  score: {
    en: 'Thank you for your score! If there is anything you would like to tell us, just write it here.',
    id: 'Terima kasih atas penilaiannya, Kak! Kalau ada saran atau cerita yang ingin disampaikan, silakan tulis di sini, ya.',
  },
  comment: {
    en: 'Thank you, we have noted your feedback and will share it with the team.',
    id: 'Terima kasih, Kak. Masukannya sudah kami catat dan akan kami sampaikan ke tim.',
  },
};
