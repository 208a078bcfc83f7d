import type { Availability } from '@sapa/protocol';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n/create-i18n.js';
import { axeViolations, renderWithI18n } from '../test-support.js';
import { OfflinePromise, promiseText } from './OfflinePromise.js';

// 00:40 on a Monday in Jakarta, outside the shop's hours; the team is back at 08:00 the same morning.
const night = new Date('2026-03-01T17:40:00Z');
const away: Availability = {
  online: false,
  replyTime: 'day',
  nextOpenAt: '2026-03-02T01:00:00Z',
  timezone: 'Asia/Jakarta',
};
const en = createI18n({ locale: 'en' }).t;
const id = createI18n({ locale: 'id' }).t;

describe('the promise while nobody is online', () => {
  it('says when the team is back in the site’s time, and that the answer comes here', () => {
    expect(promiseText(away, false, en, 'en', night)).toBe(
      "We're back today at 08:00 WIB. We'll answer here.",
    );
    expect(promiseText(away, false, id, 'id', night)).toBe(
      'Tim kami kembali hari ini pukul 08.00 WIB. Kami akan membalas di sini.',
    );
  });

  it('names email only when the backend emails replies: "if you leave it" without an address, plainly with one', () => {
    const emailed = { ...away, emailReplies: true };
    expect(promiseText(emailed, false, en, 'en', night)).toBe(
      "We're back today at 08:00 WIB. We'll answer here, and by email if you leave it.",
    );
    expect(promiseText(emailed, true, en, 'en', night)).toBe(
      "We're back today at 08:00 WIB. We'll answer here and by email.",
    );
    expect(promiseText(emailed, false, id, 'id', night)).toBe(
      'Tim kami kembali hari ini pukul 08.00 WIB. Kami akan membalas di sini, juga lewat email kalau Kakak meninggalkan alamat email.',
    );
  });

  it('says the reply time when the backend names no opening (inside hours, nobody connected)', () => {
    expect(promiseText({ online: false, replyTime: 'hours' }, false, en, 'en', night)).toBe(
      "We usually reply in a few hours. We'll answer here.",
    );
    expect(promiseText({ online: false }, false, id, 'id', night)).toBe('Kami akan membalas di sini.');
  });

  it('is a line of the log, and has no axe violations', async () => {
    const { container } = renderWithI18n(
      <OfflinePromise availability={away} hasEmail={false} now={night} />,
      'id',
    );
    expect(container.querySelector('p.sapa-event')?.textContent).toContain('08.00 WIB');
    expect(await axeViolations(container)).toEqual([]);
  });
});
