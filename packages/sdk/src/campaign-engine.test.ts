import type { Campaign } from '@sapa/protocol';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCampaignEngine, matchesUrl } from './campaign-engine.js';
import type { CampaignMemory } from './persistence.js';
import type { ActiveCampaign } from './types.js';

const visitor = { id: 'v1', name: 'Budi', attributes: { tier: 'gold' }, verified: false };

function engine(url: string, locale = 'id') {
  const shown: ActiveCampaign[] = [];
  let memory: CampaignMemory | undefined;
  const instance = createCampaignEngine({
    url: () => url,
    visitor: () => visitor,
    locale: () => locale,
    defaultLocale: () => 'en',
    show: (campaign) => shown.push(campaign),
    remember: (next) => {
      memory = next;
    },
  });
  return { instance, shown, memory: () => memory };
}

describe('campaigns', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('url patterns match paths or full URLs with * wildcards', () => {
    expect(matchesUrl('/checkout*', 'https://shop.example/checkout/step-2?x=1')).toBe(true);
    expect(matchesUrl('/checkout', 'https://shop.example/cart')).toBe(false);
    expect(matchesUrl('https://shop.example/*', 'https://shop.example/a')).toBe(true);
  });

  test('page and returning-visitor campaigns fire in the visitor locale; once means once across visits', () => {
    const campaigns: Campaign[] = [
      {
        id: 'checkout',
        trigger: { type: 'page', urlPattern: '/checkout*' },
        message: { en: 'Need help paying, {{name}}?', id: 'Butuh bantuan pembayaran, {{name}}?' },
        frequency: 'once',
      },
      {
        id: 'welcome-back',
        trigger: { type: 'returning-visitor', minVisits: 2 },
        message: { en: 'Welcome back!' },
        frequency: 'every-visit',
      },
    ];
    const first = engine('https://shop.example/checkout');
    first.instance.startVisit(undefined);
    first.instance.evaluate(campaigns);
    expect(first.shown).toEqual([
      { id: 'checkout', message: 'Butuh bantuan pembayaran, Budi?', actions: undefined, source: 'client' },
    ]);
    // The second visit: the returning-visitor one fires; the once campaign never again.
    const second = engine('https://shop.example/checkout');
    second.instance.startVisit(first.memory());
    second.instance.evaluate(campaigns);
    expect(second.shown.map((campaign) => campaign.id)).toEqual(['welcome-back']);
    expect(second.memory()?.visits).toBe(2);
  });

  test('time-on-page fires after its seconds, not before, and not after expiry', () => {
    vi.useFakeTimers();
    const { instance, shown } = engine('https://shop.example/');
    instance.startVisit(undefined);
    instance.evaluate([
      {
        id: 't',
        trigger: { type: 'time-on-page', seconds: 30 },
        message: { id: 'Masih bingung?' },
        frequency: 'once',
      },
      {
        id: 'old',
        trigger: { type: 'time-on-page', seconds: 1 },
        message: { id: 'x' },
        frequency: 'once',
        expiresAt: '2000-01-01T00:00:00Z',
      },
    ]);
    vi.advanceTimersByTime(29_000);
    expect(shown).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(shown.map((campaign) => campaign.message)).toEqual(['Masih bingung?']);
  });
});
