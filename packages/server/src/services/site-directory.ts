import type { Availability, Locale, WidgetConfig } from '@sapa/protocol';
import { toLocale } from '../bot.js';
import { isWithinBusinessHours, nextOpening } from '../business-hours.js';
import type { Presence } from '../cluster/presence.js';
import { ProblemError } from '../problem.js';
import type { ResolvedSite } from '../site-config.js';
import type { VisitorRecord } from '../store/records.js';

/** The sites this server serves, and what follows from them: availability, widget config, languages. */
export class SiteDirectory {
  constructor(
    private readonly sites: ReadonlyMap<string, ResolvedSite>,
    private readonly presence: Presence,
    private readonly clock: () => Date,
    /** Whether agents' replies are emailed to visitors who are away (mail is configured). */
    private readonly emailReplies = false,
  ) {}

  /** The site with this key. @throws {ProblemError} 404 */
  site(siteKey: string): ResolvedSite {
    const site = this.sites.get(siteKey);
    if (!site) throw new ProblemError('not_found', `No site with the key ${JSON.stringify(siteKey)}.`);
    return site;
  }

  /** The site with this key, if this server still serves it. */
  find(siteKey: string): ResolvedSite | undefined {
    return this.sites.get(siteKey);
  }

  /** Every site served. */
  all(): ResolvedSite[] {
    return [...this.sites.values()];
  }

  /** The site an agent upload belongs to when it names none: the first one. */
  defaultSiteKey(): string {
    return this.sites.keys().next().value ?? '';
  }

  /** Every origin any site allows (CORS). */
  allowedOrigins(): string[] {
    return [...this.sites.values()].flatMap((site) => site.allowedOrigins);
  }

  /** Agents are online while a console stream is open on any node, and, when the site has hours, inside them. */
  agentsOnline(site: ResolvedSite, now = this.clock()): boolean {
    if (!this.presence.agentsOnline()) return false;
    return !site.businessHours || isWithinBusinessHours(site.businessHours, now);
  }

  /**
   * Whether anyone answers now, and the honest promise when nobody does: in hours "within hours", outside them
   * "within a day" with the next opening; the site's time zone (to say "back at 08.00 WIB") and whether replies
   * are emailed when mail is configured.
   */
  availability(site: ResolvedSite, now = this.clock()): Availability {
    const availability: Availability = this.agentsOnline(site, now)
      ? { online: true, replyTime: 'minutes' }
      : !site.businessHours || isWithinBusinessHours(site.businessHours, now)
        ? { online: false, replyTime: 'hours' }
        : { online: false, replyTime: 'day' };
    const opening =
      availability.replyTime === 'day' && site.businessHours && nextOpening(site.businessHours, now);
    if (opening) availability.nextOpenAt = opening.toISOString();
    if (site.businessHours) availability.timezone = site.businessHours.timezone;
    if (this.emailReplies) availability.emailReplies = true;
    return availability;
  }

  /** When the team is back, for a site with hours while it is outside them. */
  returnsAt(site: ResolvedSite, now = this.clock()): Date | undefined {
    if (!site.businessHours || isWithinBusinessHours(site.businessHours, now)) return undefined;
    return nextOpening(site.businessHours, now);
  }

  /** Whether agents' replies reach a visitor who is away by email. */
  get emailsReplies(): boolean {
    return this.emailReplies;
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
      offline: site.offline,
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
