import type { Availability, Locale, WidgetConfig } from '@sapa/protocol';
import { toLocale } from '../bot.js';
import { isWithinBusinessHours, nextOpening } from '../business-hours.js';
import type { EventHub } from '../event-hub.js';
import { ProblemError } from '../problem.js';
import type { ResolvedSite } from '../site-config.js';
import type { VisitorRecord } from '../store/records.js';

/** The sites this server serves, and what follows from them: availability, widget config, languages. */
export class SiteDirectory {
  constructor(
    private readonly sites: ReadonlyMap<string, ResolvedSite>,
    private readonly hub: EventHub,
  ) {}

  /** The site with this key. @throws {ProblemError} 404 */
  site(siteKey: string): ResolvedSite {
    const site = this.sites.get(siteKey);
    if (!site) throw new ProblemError('not_found', `No site with the key ${JSON.stringify(siteKey)}.`);
    return site;
  }

  /** The site an agent upload belongs to when it names none: the first one. */
  defaultSiteKey(): string {
    return this.sites.keys().next().value ?? '';
  }

  /** Every origin any site allows (CORS). */
  allowedOrigins(): string[] {
    return [...this.sites.values()].flatMap((site) => site.allowedOrigins);
  }

  /** Agents are online while a console stream is open, and, when the site has hours, inside them. */
  agentsOnline(site: ResolvedSite, now = new Date()): boolean {
    if (this.hub.agentStreamCount === 0) return false;
    return !site.businessHours || isWithinBusinessHours(site.businessHours, now);
  }

  availability(site: ResolvedSite, now = new Date()): Availability {
    if (this.agentsOnline(site, now)) return { online: true, replyTime: 'minutes' };
    if (!site.businessHours || isWithinBusinessHours(site.businessHours, now)) {
      return { online: false, replyTime: 'hours' };
    }
    const availability: Availability = { online: false, replyTime: 'day' };
    const opening = nextOpening(site.businessHours, now);
    if (opening) availability.nextOpenAt = opening.toISOString();
    return availability;
  }

  /** What `GET /v1/config` answers for a site. */
  config(siteKey: string): WidgetConfig {
    const site = this.site(siteKey);
    const config: WidgetConfig = {
      siteKey: site.siteKey,
      name: site.name,
      defaultLocale: site.defaultLocale,
      availability: this.availability(site),
      prechat: site.prechat,
      channels: site.channels,
      campaigns: site.campaigns,
      upload: site.upload,
      identityRequired: site.identityRequired,
    };
    if (site.accentColor !== undefined) config.accentColor = site.accentColor;
    if (site.logoUrl !== undefined) config.logoUrl = site.logoUrl;
    if (site.greeting !== undefined) config.greeting = site.greeting;
    return config;
  }

  /** The language to write to a visitor in: theirs when the server speaks it, else the site's. */
  visitorLocale(visitor: VisitorRecord): Locale {
    return toLocale(visitor.locale) ?? this.site(visitor.siteKey).defaultLocale;
  }
}
