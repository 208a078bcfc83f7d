import { describe, expect, it } from 'vitest';
import { isWithinBusinessHours, nextOpening } from '../src/business-hours.js';
import { DEMO_SITE } from '../src/index.js';
import type { BusinessHours } from '../src/site-config.js';

// Toko Sapa: Mon–Fri 08:00–21:00, Sat–Sun 09:00–17:00, Asia/Jakarta (UTC+7, no daylight saving).
const hours = DEMO_SITE.businessHours as BusinessHours;

describe('business hours', () => {
  it('is open inside a span and closed at its closing minute, in the site time zone', () => {
    // Friday 2026-11-27 20:59 and 21:00 in Jakarta.
    expect(isWithinBusinessHours(hours, new Date('2026-11-27T13:59:00Z'))).toBe(true);
    expect(isWithinBusinessHours(hours, new Date('2026-11-27T14:00:00Z'))).toBe(false);
    // Saturday 08:30 in Jakarta is before the weekend opening.
    expect(isWithinBusinessHours(hours, new Date('2026-11-28T01:30:00Z'))).toBe(false);
  });

  it('finds the next opening later the same day, or on a following day with other hours', () => {
    // Thursday 06:00 in Jakarta → 08:00 the same day.
    expect(nextOpening(hours, new Date('2026-11-25T23:00:00Z'))?.toISOString()).toBe(
      '2026-11-26T01:00:00.000Z',
    );
    // Saturday 17:30 in Jakarta → Sunday 09:00.
    expect(nextOpening(hours, new Date('2026-11-28T10:30:00Z'))?.toISOString()).toBe(
      '2026-11-29T02:00:00.000Z',
    );
    // Sunday 18:00 in Jakarta → Monday 08:00.
    expect(nextOpening(hours, new Date('2026-11-29T11:00:00Z'))?.toISOString()).toBe(
      '2026-11-30T01:00:00.000Z',
    );
  });

  it('handles zones with daylight saving', () => {
    const berlin: BusinessHours = {
      timezone: 'Europe/Berlin',
      weekly: [{ days: ['mon'], open: '09:00', close: '17:00' }],
    };
    // Sunday 2026-03-29 is the switch to summer time; Monday 09:00 is then UTC+2.
    expect(nextOpening(berlin, new Date('2026-03-29T12:00:00Z'))?.toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
    expect(nextOpening(berlin, new Date('2026-01-04T12:00:00Z'))?.toISOString()).toBe(
      '2026-01-05T08:00:00.000Z',
    );
  });
});
