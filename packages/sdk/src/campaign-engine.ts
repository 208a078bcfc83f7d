import type { Campaign, Locale, Visitor } from '@sapa/protocol';
import type { CampaignMemory } from './persistence.js';
import { renderLocalizedTemplate } from './render-template.js';
import type { ActiveCampaign } from './types.js';

export interface CampaignEngineOptions {
  /** The page URL now. */
  url: () => string | undefined;
  visitor: () => Visitor | undefined;
  locale: () => string | undefined;
  defaultLocale: () => Locale;
  /** A campaign is due. */
  show: (campaign: ActiveCampaign) => void;
  /** The memory changed and should be stored. */
  remember: (memory: CampaignMemory) => void;
}

export interface CampaignEngine {
  /** Counts this visit (once per client start) on top of the stored memory. */
  startVisit(stored: CampaignMemory | undefined): void;
  /** Evaluates `campaigns` now and arms time-on-page timers; replaces earlier timers. */
  evaluate(campaigns: Campaign[]): void;
  /** Records that a campaign was shown or dismissed, so its frequency cap holds. */
  markShown(campaignId: string): void;
  stop(): void;
}

/**
 * Evaluates the site's client-side campaigns (page, time on page, returning visitor) against this visit, with
 * frequency caps that persist (`once` is never shown again; `every-visit` once per page view).
 */
export function createCampaignEngine(options: CampaignEngineOptions): CampaignEngine {
  let memory: CampaignMemory = { visits: 0, shown: [] };
  const shownThisVisit = new Set<string>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let campaigns: Campaign[] = [];

  const remember = (next: CampaignMemory) => {
    memory = next;
    options.remember(next);
  };
  const eligible = ({ id, expiresAt, frequency }: Campaign) =>
    !(expiresAt !== undefined && Date.parse(expiresAt) <= Date.now()) &&
    !shownThisVisit.has(id) &&
    !(frequency === 'once' && memory.shown.includes(id));
  const fire = (campaign: Campaign) => {
    const message = renderLocalizedTemplate(
      campaign.message,
      options.visitor(),
      options.locale(),
      options.defaultLocale(),
    );
    if (!message || !eligible(campaign)) return;
    engine.markShown(campaign.id);
    options.show({
      id: campaign.id,
      message,
      actions: campaign.actions,
      source: 'client',
    });
  };

  const engine: CampaignEngine = {
    startVisit(stored) {
      remember({ visits: (stored?.visits ?? 0) + 1, shown: [...(stored?.shown ?? [])] });
    },
    evaluate(next) {
      engine.stop();
      campaigns = next;
      for (const campaign of campaigns) {
        const { trigger } = campaign;
        if (!eligible(campaign)) continue;
        if (trigger.type === 'returning-visitor') {
          if (memory.visits >= trigger.minVisits) fire(campaign);
        } else if (trigger.urlPattern === undefined || matchesUrl(trigger.urlPattern, options.url())) {
          if (trigger.type === 'page') fire(campaign);
          else {
            const timer = setTimeout(() => {
              timers.delete(timer);
              fire(campaign);
            }, trigger.seconds * 1_000);
            timers.add(timer);
          }
        }
      }
    },
    markShown(campaignId) {
      shownThisVisit.add(campaignId);
      const campaign = campaigns.find((candidate) => candidate.id === campaignId);
      if (campaign?.frequency !== 'every-visit' && !memory.shown.includes(campaignId))
        remember({ ...memory, shown: [...memory.shown, campaignId] });
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
  return engine;
}

/**
 * A campaign's `urlPattern`: `*` matches any run of characters; a pattern starting with `/` is matched against the
 * path (with query, and without it), any other against the full URL.
 */
export function matchesUrl(pattern: string, url: string | undefined): boolean {
  const expression = new RegExp(
    `^${pattern
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  try {
    if (!pattern.startsWith('/')) return url !== undefined && expression.test(url);
    const { pathname, search } = new URL(url as string);
    return expression.test(pathname + search) || expression.test(pathname);
  } catch {
    return false;
  }
}
