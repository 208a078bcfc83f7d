import type { Locale } from '@sapa/protocol';
import { addDays, localDate, localTime } from './time-zone.js';

/** Indonesia's zones by the names Indonesians use for them (in both languages: they are what a shopper knows). */
const INDONESIAN_ZONES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** WIB, WITA or WIT for a zone of Indonesia. */
export function indonesianZone(timezone: string): string | undefined {
  return INDONESIAN_ZONES[timezone];
}

const INTL_LOCALES: Record<Locale, string> = { en: 'en-GB', id: 'id-ID' };

/** A zone's short name: WIB, WITA, WIT for Indonesia, else what `Intl` calls it at that moment (CET, GMT+1). */
export function zoneName(timezone: string, locale: Locale, at: Date): string {
  const known = INDONESIAN_ZONES[timezone];
  if (known) return known;
  const parts = new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    timeZone: timezone,
    timeZoneName: 'short',
  }).formatToParts(at);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timezone;
}

/**
 * When the team is back, as the sentence the bot says outside business hours, in the site's time and the
 * visitor's language: "Tim kami kembali besok pukul 08.00 WIB …" / "Our team is back tomorrow at 08:00 WIB …".
 * Today and tomorrow are named as such, a later day by its weekday. Indonesian writes times as 08.00.
 */
export function describeReturn(returnsAt: Date, now: Date, timezone: string, locale: Locale): string {
  const clock = localTime(returnsAt, timezone).time;
  const time = `${locale === 'id' ? clock.replace(':', '.') : clock} ${zoneName(timezone, locale, returnsAt)}`;
  const today = localDate(now, timezone);
  const day = localDate(returnsAt, timezone);
  const weekday = new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    timeZone: timezone,
    weekday: 'long',
  }).format(returnsAt);
  if (locale === 'id') {
    const when = day === today ? 'hari ini' : day === addDays(today, 1) ? 'besok' : `hari ${weekday}`;
    return `Tim kami kembali ${when} pukul ${time} dan akan membalas di sini.`;
  }
  const when = day === today ? 'today' : day === addDays(today, 1) ? 'tomorrow' : `on ${weekday}`;
  return `Our team is back ${when} at ${time} and will reply here.`;
}
