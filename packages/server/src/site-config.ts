import type {
  Campaign,
  Channel,
  Locale,
  LocalizedText,
  OfflineMode,
  Prechat,
  UploadLimits,
} from '@sapa/protocol';
import { type EventCampaign, validateEventCampaigns } from './event-campaign.js';
import { SiteConfigError } from './site-config-error.js';

export type { CampaignCap, CardTemplate, EventCampaign, EventCampaignTrigger } from './event-campaign.js';
export { SiteConfigError };

/** Day names used by {@link BusinessHours}. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * Opening hours of a support team. Agents count as online only inside them.
 *
 * @example
 * { timezone: 'Asia/Jakarta', weekly: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], open: '08:00', close: '21:00' }] }
 */
export interface BusinessHours {
  /** IANA time zone the times are in. */
  timezone: string;
  /** Opening spans; `open` and `close` are `HH:MM` (24 h) local times, `close` after `open`. */
  weekly: Array<{ days: Weekday[]; open: string; close: string }>;
}

/** One site served by the backend, as written in a `--sites` file. */
export interface SiteConfig {
  siteKey: string;
  name: string;
  accentColor?: string;
  logoUrl?: string;
  defaultLocale?: Locale;
  greeting?: LocalizedText;
  /** Without it, agents are online whenever one has the console open. */
  businessHours?: BusinessHours;
  prechat?: Prechat;
  channels?: Channel[];
  /** Client-side campaigns, passed to the widget in `/v1/config`. */
  campaigns?: Campaign[];
  /** Backend-side campaigns (events, dates). */
  eventCampaigns?: EventCampaign[];
  upload?: Partial<UploadLimits>;
  /** Secret for `userHash` = HMAC-SHA256(secret, userId), lowercase hex. */
  identitySecret?: string;
  /** When true, identify without a valid `userHash` is refused (403). */
  identityRequired?: boolean;
  /** Origins allowed by CORS; `*` as a port or the whole entry is a wildcard (`http://localhost:*`). */
  allowedOrigins?: string[];
  /** The rule bot answers while no agent is online; false turns it off. */
  bot?: boolean;
  /**
   * What the widget shows while nobody is online: `chat` (default) keeps the chat open (the bot answers what it can,
   * agents later); `form` shows a leave-a-message form to a visitor with no conversation yet.
   */
  offline?: OfflineMode;
}

/** A site with every default filled in. */
export interface ResolvedSite
  extends Required<
    Pick<
      SiteConfig,
      | 'siteKey'
      | 'name'
      | 'defaultLocale'
      | 'prechat'
      | 'channels'
      | 'campaigns'
      | 'eventCampaigns'
      | 'identityRequired'
      | 'allowedOrigins'
      | 'bot'
      | 'offline'
    >
  > {
  accentColor?: string;
  logoUrl?: string;
  greeting?: LocalizedText;
  businessHours?: BusinessHours;
  identitySecret?: string;
  upload: UploadLimits;
}

/** Default upload limits: 10 MiB of images, PDFs and plain text. */
export const DEFAULT_UPLOAD: UploadLimits = {
  maxBytes: 10 * 1024 * 1024,
  accept: ['image/*', 'application/pdf', 'text/plain'],
};

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const TIME_PATTERN = /^([01]\d|2[0-4]):[0-5]\d$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks one site configuration (from JSON or code) and fills in the defaults.
 * @throws {SiteConfigError} naming the first field that is wrong.
 */
export function resolveSite(input: unknown, index = 0): ResolvedSite {
  const at = `sites[${index}]`;
  if (!isRecord(input)) throw new SiteConfigError(at, 'must be an object');
  const site = input as unknown as SiteConfig;
  if (typeof site.siteKey !== 'string' || site.siteKey === '') {
    throw new SiteConfigError(`${at}.siteKey`, 'must be a non-empty string');
  }
  if (typeof site.name !== 'string' || site.name === '') {
    throw new SiteConfigError(`${at}.name`, 'must be a non-empty string');
  }
  if (site.defaultLocale !== undefined && site.defaultLocale !== 'en' && site.defaultLocale !== 'id') {
    throw new SiteConfigError(`${at}.defaultLocale`, 'must be "en" or "id"');
  }
  if (site.businessHours !== undefined) {
    const hours = site.businessHours;
    if (!isRecord(hours) || typeof hours.timezone !== 'string' || !Array.isArray(hours.weekly)) {
      throw new SiteConfigError(`${at}.businessHours`, 'must be { timezone, weekly: [...] }');
    }
    try {
      new Intl.DateTimeFormat('en', { timeZone: hours.timezone });
    } catch {
      throw new SiteConfigError(
        `${at}.businessHours.timezone`,
        `is not a known time zone (${hours.timezone})`,
      );
    }
    hours.weekly.forEach((span, spanIndex) => {
      const spanAt = `${at}.businessHours.weekly[${spanIndex}]`;
      if (!Array.isArray(span.days) || span.days.some((day) => !WEEKDAYS.includes(day))) {
        throw new SiteConfigError(`${spanAt}.days`, 'must list days as mon, tue, wed, thu, fri, sat, sun');
      }
      if (!TIME_PATTERN.test(span.open) || !TIME_PATTERN.test(span.close) || span.close <= span.open) {
        throw new SiteConfigError(spanAt, 'must have open and close as HH:MM with close after open');
      }
    });
  }
  for (const [field, value] of Object.entries({
    channels: site.channels,
    campaigns: site.campaigns,
    eventCampaigns: site.eventCampaigns,
    allowedOrigins: site.allowedOrigins,
  })) {
    if (value !== undefined && !Array.isArray(value))
      throw new SiteConfigError(`${at}.${field}`, 'must be a list');
  }
  if (site.offline !== undefined && site.offline !== 'chat' && site.offline !== 'form') {
    throw new SiteConfigError(`${at}.offline`, 'must be "chat" or "form"');
  }
  const campaignIds = new Set((site.campaigns ?? []).map((campaign) => campaign.id));
  const eventCampaigns = validateEventCampaigns(site.eventCampaigns ?? [], at, campaignIds);
  const upload: UploadLimits = {
    maxBytes: site.upload?.maxBytes ?? DEFAULT_UPLOAD.maxBytes,
    accept: site.upload?.accept ?? DEFAULT_UPLOAD.accept,
  };
  if (!Number.isInteger(upload.maxBytes) || upload.maxBytes <= 0) {
    throw new SiteConfigError(`${at}.upload.maxBytes`, 'must be a positive integer');
  }
  const resolved: ResolvedSite = {
    siteKey: site.siteKey,
    name: site.name,
    defaultLocale: site.defaultLocale ?? 'en',
    prechat: site.prechat ?? { enabled: false, fields: [] },
    channels: site.channels ?? [],
    campaigns: site.campaigns ?? [],
    eventCampaigns,
    identityRequired: site.identityRequired ?? false,
    allowedOrigins: site.allowedOrigins ?? ['http://127.0.0.1:*', 'http://localhost:*'],
    bot: site.bot ?? true,
    offline: site.offline ?? 'chat',
    upload,
  };
  if (site.accentColor !== undefined) resolved.accentColor = site.accentColor;
  if (site.logoUrl !== undefined) resolved.logoUrl = site.logoUrl;
  if (site.greeting !== undefined) resolved.greeting = site.greeting;
  if (site.businessHours !== undefined) resolved.businessHours = site.businessHours;
  if (site.identitySecret !== undefined) resolved.identitySecret = site.identitySecret;
  if (resolved.identityRequired && resolved.identitySecret === undefined) {
    throw new SiteConfigError(`${at}.identitySecret`, 'is needed when identityRequired is true');
  }
  return resolved;
}

/** The site's time zone (its business hours'), or UTC: the site's "today" for dates, caps and reports. */
export function siteTimezone(site: { businessHours?: BusinessHours }): string {
  return site.businessHours?.timezone ?? 'UTC';
}

/** Whether `origin` matches one of the patterns (`*`, exact, or a `:*` port wildcard). */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  return patterns.some((pattern) => {
    if (pattern === '*' || pattern === origin) return true;
    if (pattern.endsWith(':*')) {
      const prefix = pattern.slice(0, -1);
      return origin.startsWith(prefix) && /^\d+$/.test(origin.slice(prefix.length));
    }
    return false;
  });
}
