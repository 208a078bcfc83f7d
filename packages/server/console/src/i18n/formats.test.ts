import { describe, expect, it } from 'vitest';
import { formats } from './formats.js';

const now = new Date('2026-03-02T09:30:00Z');

describe('formats', () => {
  it('says how long ago in each language, "just now" under a minute, the date after a day', () => {
    expect(formats('en').ago('2026-03-02T09:25:00Z', now, 'just now')).toBe('5 min. ago');
    expect(formats('id').ago('2026-03-02T09:25:00Z', now, 'baru saja')).toBe('5 mnt lalu');
    expect(formats('en').ago('2026-03-02T07:10:00Z', now, 'just now')).toBe('2 hr. ago');
    expect(formats('id').ago('2026-03-02T07:10:00Z', now, 'baru saja')).toBe('2 jam lalu');
    expect(formats('id').ago('2026-03-02T09:29:40Z', now, 'baru saja')).toBe('baru saja');
    const older = formats('id').ago('2026-02-20T09:30:00Z', now, 'baru saja');
    expect(older).toBe(formats('id').dateTime('2026-02-20T09:30:00Z'));
    expect(older).toMatch(/20 Feb 2026/);
  });

  it('writes numbers, shares and sizes as each language does', () => {
    expect(formats('en').number(4.25, 2)).toBe('4.25');
    expect(formats('id').number(4.25, 2)).toBe('4,25');
    expect(formats('id').number(12500)).toBe('12.500');
    expect(formats('en').percent(2, 3)).toBe('67%');
    expect(formats('en').percent(1, 0)).toBe('—');
    expect(formats('id').bytes(1_530_000)).toBe('1,5 MB');
    expect(formats('en').bytes(2048)).toBe('2 kB');
  });

  it('names report days as calendar days, whatever the time zone', () => {
    expect(formats('en').day('2026-03-02')).toBe('Mar 2');
    expect(formats('id').day('2026-03-02')).toBe('2 Mar');
    expect(formats('id').day('2026-03-02', 'long')).toBe('Senin, 02 Maret 2026');
    expect(formats('en').day('2026-03-02', 'long')).toBe('Monday, March 2, 2026');
  });

  it('shows the time of day for today and the date otherwise', () => {
    const today = formats('id').time('2026-03-02T09:05:00Z', new Date('2026-03-02T09:30:00Z'));
    expect(today).toBe(formats('id').time('2026-03-02T09:05:00Z', new Date('2026-03-02T09:05:00Z')));
    expect(today).not.toMatch(/2026/);
    expect(formats('en').time('2026-02-27T09:05:00Z', now)).toMatch(/2026/);
    expect(formats('en').time('not a date', now)).toBe('');
  });
});
