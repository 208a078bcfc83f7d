import type { Campaign, Locale, Visitor } from '@sapa/protocol';
import type { CampaignMemory } from './persistence.js';
import { pickLocalized, renderTemplate } from './render-template.js';
import type { ActiveCampaign } from './types.js';

export interface CampaignEngineOptions {
  /** The page URL now. */
  url: () => string | undefined;
  visitor: () => Visitor | undefined;
  locale: () => string | undefined;
  defaultLocale: () => Locale;
  now?: () => number;
  /** A campaign is due. */
  show: (campaign: ActiveCampaign) => void;
  /** The memory changed and should be stored. */
  remember: (memory: CampaignMemory) => void;
}

/**
 * Evaluates the site's client-side campaigns (page, time on page, returning visitor) against this visit, with
 * frequency caps that persist (`once` is never shown again; `every-visit` once per page view).
 */
export class CampaignEngine {
  private readonly options: CampaignEngineOptions;
  private memory: CampaignMemory = { visits: 0, shown: [] };
  private readonly shownThisVisit = new Set<string>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private campaigns: Campaign[] = [];

  constructor(options: CampaignEngineOptions) {
    this.options = options;
  }

  /** Counts this visit (once per client start) on top of the stored memory. */
  startVisit(stored: CampaignMemory | undefined): void {
    this.memory = { visits: (stored?.visits ?? 0) + 1, shown: [...(stored?.shown ?? [])] };
    this.options.remember(this.memory);
  }

  get visits(): number {
    return this.memory.visits;
  }

  /** Evaluates `campaigns` now and arms time-on-page timers; replaces earlier timers. */
  evaluate(campaigns: Campaign[]): void {
    this.stop();
    this.campaigns = campaigns;
    const now = (this.options.now ?? Date.now)();
    for (const campaign of campaigns) {
      if (!this.eligible(campaign, now)) continue;
      const trigger = campaign.trigger;
      switch (trigger.type) {
        case 'page':
          if (matchesUrl(trigger.urlPattern, this.options.url())) this.fire(campaign);
          break;
        case 'returning-visitor':
          if (this.memory.visits >= trigger.minVisits) this.fire(campaign);
          break;
        case 'time-on-page': {
          if (trigger.urlPattern !== undefined && !matchesUrl(trigger.urlPattern, this.options.url())) break;
          const timer = setTimeout(() => {
            this.timers.delete(timer);
            if (this.eligible(campaign, (this.options.now ?? Date.now)())) this.fire(campaign);
          }, trigger.seconds * 1_000);
          this.timers.add(timer);
          break;
        }
      }
    }
  }

  /** Records that a campaign was shown or dismissed, so its frequency cap holds. */
  markShown(campaignId: string): void {
    this.shownThisVisit.add(campaignId);
    const campaign = this.campaigns.find((candidate) => candidate.id === campaignId);
    if (campaign?.frequency !== 'every-visit' && !this.memory.shown.includes(campaignId)) {
      this.memory = { ...this.memory, shown: [...this.memory.shown, campaignId] };
      this.options.remember(this.memory);
    }
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private eligible(campaign: Campaign, now: number): boolean {
    if (campaign.expiresAt !== undefined && Date.parse(campaign.expiresAt) <= now) return false;
    if (this.shownThisVisit.has(campaign.id)) return false;
    if (campaign.frequency === 'once' && this.memory.shown.includes(campaign.id)) return false;
    return true;
  }

  private fire(campaign: Campaign): void {
    const template = pickLocalized(campaign.message, this.options.locale(), this.options.defaultLocale());
    if (!template) return;
    this.markShown(campaign.id);
    this.options.show({
      id: campaign.id,
      message: renderTemplate(template, this.options.visitor()),
      actions: campaign.actions,
      source: 'client',
    });
  }
}

/**
 * A campaign's `urlPattern`: `*` matches any run of characters; a pattern starting with `/` is matched against the
 * path (with query), any other against the full URL.
 */
export function matchesUrl(pattern: string, url: string | undefined): boolean {
  if (url === undefined) return false;
  let target = url;
  if (pattern.startsWith('/')) {
    try {
      const parsed = new URL(url);
      target = parsed.pathname + parsed.search;
    } catch {
      return false;
    }
  }
  const expression = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return expression.test(target) || (pattern.startsWith('/') && expression.test(target.split('?')[0] ?? ''));
}
