import { describe, expect, it } from 'vitest';
import { formatDay, formatZonedTime } from './format.js';
import { formatPrice } from './format-price.js';

// 00:40 on Monday 2 March 2026 in Jakarta (UTC+7): outside the demo shop's hours, the night of the e2e tests.
const nightInJakarta = new Date('2026-03-01T17:40:00Z');
// 08:00 the same Monday in Jakarta, when the team is back.
const morningInJakarta = new Date('2026-03-02T01:00:00Z');

describe('times in the site’s time zone', () => {
  it('says when the team is back in the site’s time, with the zone Indonesians know, in both languages', () => {
    expect(formatZonedTime(morningInJakarta, 'id', 'Asia/Jakarta')).toBe('08.00 WIB');
    expect(formatZonedTime(morningInJakarta, 'en', 'Asia/Jakarta')).toBe('08:00 WIB');
    expect(formatZonedTime(morningInJakarta, 'id', 'Asia/Makassar')).toBe('09.00 WITA');
    expect(formatZonedTime(morningInJakarta, 'en', 'Asia/Jayapura')).toBe('10:00 WIT');
  });

  it('names another zone as Intl does', () => {
    expect(formatZonedTime(morningInJakarta, 'en', 'Europe/Berlin')).toMatch(/^02:00 (GMT\+1|CET)$/);
  });

  it('counts days in the site’s zone: 08:00 in Jakarta is today there at 00:40, whatever the visitor’s zone', () => {
    expect(formatDay(morningInJakarta, 'en', nightInJakarta, 'Asia/Jakarta')).toBe('Today');
    expect(formatDay(morningInJakarta, 'id', nightInJakarta, 'Asia/Jakarta')).toBe('Hari ini');
    // At 23:00 the evening before in Jakarta, the same 08:00 is tomorrow.
    const evening = new Date('2026-03-01T16:00:00Z');
    expect(formatDay(morningInJakarta, 'id', evening, 'Asia/Jakarta')).toBe('Besok');
    // A shop in New York at 23:30 on Sunday, back at 09:00 on Monday: both moments are Monday in UTC, but the
    // site's zone decides.
    const sundayNight = new Date('2026-03-02T04:30:00Z');
    const mondayMorning = new Date('2026-03-02T14:00:00Z');
    expect(formatDay(mondayMorning, 'en', sundayNight, 'America/New_York')).toBe('Tomorrow');
    expect(formatDay(mondayMorning, 'en', sundayNight, 'UTC')).toBe('Today');
  });

  it('names a weekday further away in the site’s zone', () => {
    // Friday 22:00 in Jakarta; the team is back Monday 08:00.
    const fridayNight = new Date('2026-02-27T15:00:00Z');
    expect(formatDay(morningInJakarta, 'id', fridayNight, 'Asia/Jakarta')).toBe('Senin');
    expect(formatDay(morningInJakarta, 'en', fridayNight, 'Asia/Jakarta')).toBe('Monday');
  });
});

describe('prices', () => {
  it('formats rupiah as an Indonesian shop writes them, and for English readers', () => {
    expect(formatPrice(250_000, 'IDR', 'id')).toMatch(/^Rp\s250\.000$/);
    expect(formatPrice(85_000, 'IDR', 'en')).toMatch(/^IDR\s85,000$/);
    expect(formatPrice(12.5, 'USD', 'en')).toBe('$12.50');
  });

  it('never throws for a currency code Intl refuses: the number, then the code as sent', () => {
    expect(formatPrice(250_000, 'rupiah', 'id')).toBe('250.000 rupiah');
    expect(formatPrice(250_000, '', 'en')).toBe('250,000 ');
    expect(() => formatPrice(1, '<b>', 'en')).not.toThrow();
  });
});
