import type { Visitor } from '@sapa/protocol';
import { describe, expect, it } from 'vitest';
import { capAllows } from '../src/campaign-caps.js';
import { renderCard } from '../src/campaign-card.js';
import { dueDateCampaigns, reachedAttributeCampaigns, renderCampaign } from '../src/campaigns.js';
import type { EventCampaign } from '../src/event-campaign.js';

const message = { en: 'Hi {{name}}', id: 'Halo {{name}}' };
const campaign = (trigger: EventCampaign['trigger'], cap?: EventCampaign['cap']): EventCampaign => ({
  id: 'c',
  trigger,
  message,
  ...(cap ? { cap } : {}),
});
const visitor: Visitor = { id: 'v', name: 'Budi', attributes: {}, verified: false };
const now = new Date('2026-03-02T03:00:00Z');
const jakarta = 'Asia/Jakarta';

describe('caps', () => {
  const event = { type: 'event', name: 'purchase_completed' } as const;

  it('allow one send per visitor by default, and perVisitor when given', () => {
    expect(capAllows(campaign(event), { visitorCount: 0, sentToday: 0 }, now, jakarta)).toBe(true);
    expect(capAllows(campaign(event), { visitorCount: 1, sentToday: 0 }, now, jakarta)).toBe(false);
    expect(
      capAllows(campaign(event, { perVisitor: 3 }), { visitorCount: 2, sentToday: 0 }, now, jakarta),
    ).toBe(true);
    expect(
      capAllows(campaign(event, { perVisitor: 3 }), { visitorCount: 3, sentToday: 0 }, now, jakarta),
    ).toBe(false);
  });

  it('keep perVisitorDays between two sends to one visitor, to the millisecond', () => {
    const cap = { perVisitor: 10, perVisitorDays: 2 };
    const history = (lastSentAt: string) => ({ visitorCount: 1, lastSentAt, sentToday: 0 });
    expect(capAllows(campaign(event, cap), history('2026-02-28T03:00:00.001Z'), now, jakarta)).toBe(false);
    expect(capAllows(campaign(event, cap), history('2026-02-28T03:00:00.000Z'), now, jakarta)).toBe(true);
  });

  it('hold perDay across visitors', () => {
    expect(capAllows(campaign(event, { perDay: 5 }), { visitorCount: 0, sentToday: 4 }, now, jakarta)).toBe(
      true,
    );
    expect(capAllows(campaign(event, { perDay: 5 }), { visitorCount: 0, sentToday: 5 }, now, jakarta)).toBe(
      false,
    );
  });

  it('let a date campaign through once per year of the site calendar, and feedback requests every time', () => {
    const birthday = campaign({ type: 'date-attribute', attribute: 'birthday' });
    // 16:30 UTC on 31 December is 23:30 in Jakarta, last year there; 17:30 UTC is 00:30 on 1 January, this year.
    expect(
      capAllows(
        birthday,
        { visitorCount: 4, lastSentAt: '2025-12-31T16:30:00Z', sentToday: 0 },
        now,
        jakarta,
      ),
    ).toBe(true);
    expect(
      capAllows(
        birthday,
        { visitorCount: 4, lastSentAt: '2025-12-31T17:30:00Z', sentToday: 0 },
        now,
        jakarta,
      ),
    ).toBe(false);
    const feedback = campaign({ type: 'after-resolved', days: 3 });
    expect(capAllows(feedback, { visitorCount: 20, sentToday: 100 }, now, jakarta)).toBe(true);
  });
});

describe('rules on the profile', () => {
  it('find the birthday due today in the site time zone', () => {
    const birthday = campaign({ type: 'date-attribute', attribute: 'birthday' });
    const born = (value: string): Visitor => ({ ...visitor, attributes: { birthday: value } });
    // 2026-03-01 17:40 UTC is already 2 March in Jakarta.
    const night = new Date('2026-03-01T17:40:00Z');
    expect(dueDateCampaigns([birthday], born('1990-03-02'), night, jakarta)).toEqual([birthday]);
    expect(dueDateCampaigns([birthday], born('03-02'), night, jakarta)).toEqual([birthday]);
    expect(dueDateCampaigns([birthday], born('1990-03-01'), night, jakarta)).toEqual([]);
    expect(dueDateCampaigns([birthday], born('1990-03-01'), night, 'UTC')).toEqual([birthday]);
  });

  it('find attribute thresholds reached, from numbers or numbers written as text', () => {
    const loyalty = campaign({ type: 'attribute', attribute: 'ordersCount', atLeast: 5 });
    const orders = (value: string | number | null): Visitor => ({
      ...visitor,
      attributes: { ordersCount: value },
    });
    expect(reachedAttributeCampaigns([loyalty], orders(4))).toEqual([]);
    expect(reachedAttributeCampaigns([loyalty], orders(5))).toEqual([loyalty]);
    expect(reachedAttributeCampaigns([loyalty], orders('12'))).toEqual([loyalty]);
    expect(reachedAttributeCampaigns([loyalty], orders(''))).toEqual([]);
    expect(reachedAttributeCampaigns([loyalty], orders(null))).toEqual([]);
    expect(reachedAttributeCampaigns([loyalty], orders('lima'))).toEqual([]);
  });
});

describe('cards from events', () => {
  const template = {
    title: '{{event.name}}',
    text: { en: 'Only {{event.stock}} left', id: 'Sisa {{event.stock}} lagi' },
    imageUrl: '{{event.imageUrl}}',
    url: '{{event.url}}',
    price: { amount: '{{event.price}}', currency: 'idr' },
  };
  const viewed = {
    name: 'Kopi Gayo',
    stock: 3,
    price: 85000,
    url: 'https://toko.example/kopi gayo',
    imageUrl: 'http://toko.example/kopi.png',
  };

  it('fill every field from the event, in the visitor language, with a price in major units', () => {
    expect(renderCard(template, visitor, 'id', viewed)).toEqual({
      title: 'Kopi Gayo',
      text: 'Sisa 3 lagi',
      imageUrl: 'http://toko.example/kopi.png',
      url: 'https://toko.example/kopi%20gayo',
      price: { amount: 85000, currency: 'IDR' },
    });
    expect(
      renderCard({ title: 'Paket Hemat', price: { amount: 120000.5, currency: 'IDR' } }, visitor, 'en', {}),
    ).toEqual({ title: 'Paket Hemat', price: { amount: 120000.5, currency: 'IDR' } });
  });

  it('leave out what did not render: no title no card, unsafe links, prices that are not amounts', () => {
    expect(renderCard(template, visitor, 'id', { ...viewed, name: '  ' })).toBeUndefined();
    expect(
      renderCard(template, visitor, 'en', {
        ...viewed,
        stock: null,
        url: 'javascript:alert(1)',
        imageUrl: '//evil.example/x.png',
        price: '-5',
      }),
    ).toEqual({ title: 'Kopi Gayo', text: 'Only left' });
    expect(
      renderCard(
        { ...template, price: { amount: '{{event.price}}', currency: 'rupiah' } },
        visitor,
        'id',
        viewed,
      ),
    ).not.toHaveProperty('price');
  });

  it('keep a campaign with a card from being sent when its card cannot be made', () => {
    const recommendation = { id: 'r', message, card: { title: '{{event.name}}' } };
    expect(renderCampaign(recommendation, visitor, 'id', {})).toBeUndefined();
    expect(renderCampaign(recommendation, visitor, 'id', { name: 'Teh' })).toEqual({
      id: 'r',
      message: 'Halo Budi',
      card: { title: 'Teh' },
    });
    // A template naming an inherited member of an object finds nothing there.
    const odd = { id: 'o', message: { en: 'A{{event.constructor}}B{{event.toString}}' } };
    expect(renderCampaign(odd, visitor, 'en', { name: 'Teh' })?.message).toBe('AB');
  });
});
