import type { Attributes } from '@sapa/protocol';
import { dueDateCampaigns, reachedAttributeCampaigns } from '../campaigns.js';
import type { EventCampaign } from '../event-campaign.js';
import { siteTimezone } from '../site-config.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { VisitorRecord } from '../store/records.js';
import type { CampaignDelivery } from './campaign-delivery.js';
import type { FanOut, TransactionEvents } from './fan-out.js';
import type { SiteDirectory } from './site-directory.js';

type EventTrigger = Extract<EventCampaign['trigger'], { type: 'event' }>;

const HOUR_MS = 3_600_000;
/** Delayed sends handled per sweep; the rest wait for the next one. */
const SWEEP_BATCH = 200;
/** How long counted events are kept when a rule counts without a window. */
const UNBOUNDED_RETENTION_HOURS = 366 * 24;

/**
 * The backend rules that fire on what a visitor does (custom events) and is (profile attributes and dates):
 * counting events with the same property within a window, delayed sends that a later event cancels, attribute
 * thresholds and dates. They send through {@link CampaignDelivery}, within each campaign's caps.
 */
export class EventRules {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly fanOut: FanOut,
    private readonly delivery: CampaignDelivery,
    private readonly clock: () => Date,
  ) {}

  /**
   * A custom event from the site (`POST /v1/events`): cancels delayed sends waiting for it, and fires the event
   * rules of its name (at once, or scheduled when the rule has a delay).
   */
  async track(visitor: VisitorRecord, name: string, properties: Attributes): Promise<void> {
    const site = this.sites.site(visitor.siteKey);
    const visitorId = visitor.visitor.id;
    const rules = site.eventCampaigns.filter(
      (campaign): campaign is EventCampaign & { trigger: EventTrigger } =>
        campaign.trigger.type === 'event' && campaign.trigger.name === name,
    );
    const cancelled = site.eventCampaigns
      .filter((campaign) => campaign.trigger.type === 'event' && campaign.trigger.cancelOn?.includes(name))
      .map((campaign) => campaign.id);
    await this.store.transaction(async (transaction) => {
      await transaction.visitors.touch(visitorId);
      if (cancelled.length > 0) await transaction.scheduledSends.cancel(visitorId, cancelled);
      // Only events a counting rule will ask about are kept.
      if (rules.some((rule) => (rule.trigger.count ?? 1) > 1)) {
        await transaction.trackedEvents.insert(visitorId, name, properties);
      }
      const events = this.fanOut.in(transaction);
      for (const rule of rules) {
        if (!(await this.countReached(transaction, visitorId, rule, properties))) continue;
        if (rule.trigger.delayMinutes !== undefined) {
          const dueAt = new Date(this.clock().getTime() + rule.trigger.delayMinutes * 60_000);
          await transaction.scheduledSends.put({
            visitorId,
            campaignId: rule.id,
            siteKey: site.siteKey,
            properties,
            dueAt: dueAt.toISOString(),
          });
        } else {
          await this.delivery.send(transaction, events, visitor, rule, properties);
        }
      }
    });
  }

  /**
   * The visitor's profile may have changed (session start, identify, update): date campaigns due today and
   * attribute thresholds reached are sent, within their caps.
   */
  async afterProfileChange(
    transaction: Repositories,
    events: TransactionEvents,
    visitorId: string,
  ): Promise<void> {
    const record = (await transaction.visitors.get(visitorId)) as VisitorRecord;
    const site = this.sites.site(record.siteKey);
    const due = [
      ...dueDateCampaigns(site.eventCampaigns, record.visitor, this.clock(), siteTimezone(site)),
      ...reachedAttributeCampaigns(site.eventCampaigns, record.visitor),
    ];
    for (const campaign of due) await this.delivery.send(transaction, events, record, campaign);
  }

  /** Sends the delayed rules whose time has come (the care scheduler's sweep); returns how many were sent. */
  async sendDue(): Promise<number> {
    const due = await this.store.scheduledSends.due(this.clock().toISOString(), SWEEP_BATCH);
    let sent = 0;
    for (const scheduled of due) {
      const delivered = await this.store.transaction(async (transaction) => {
        // Cancelled meanwhile (its cancelling event came first): nothing to send.
        if ((await transaction.scheduledSends.cancel(scheduled.visitorId, [scheduled.campaignId])) === 0) {
          return false;
        }
        const visitor = await transaction.visitors.get(scheduled.visitorId);
        const campaign = visitor && this.campaign(visitor, scheduled.campaignId);
        if (!visitor || !campaign) return false;
        const events = this.fanOut.in(transaction);
        return (
          (await this.delivery.send(transaction, events, visitor, campaign, scheduled.properties)) !==
          undefined
        );
      });
      if (delivered) sent++;
    }
    return sent;
  }

  /** Forgets counted events older than any rule's window (the care scheduler's sweep). */
  async pruneTrackedEvents(): Promise<number> {
    let hours = 0;
    for (const site of this.sites.all()) {
      for (const campaign of site.eventCampaigns) {
        if (campaign.trigger.type !== 'event' || (campaign.trigger.count ?? 1) <= 1) continue;
        hours = Math.max(hours, campaign.trigger.withinHours ?? UNBOUNDED_RETENTION_HOURS);
      }
    }
    const before = new Date(this.clock().getTime() - (hours || UNBOUNDED_RETENTION_HOURS) * HOUR_MS);
    return this.store.trackedEvents.deleteBefore(before.toISOString());
  }

  /**
   * Whether the visitor has now done it `count` times within the window (with the same value of `sameProperty`)
   * since the rule last reached them: after a send the count starts again, and events that came while a cap held
   * the send back still count. The event itself is already stored.
   */
  private async countReached(
    repositories: Repositories,
    visitorId: string,
    rule: EventCampaign & { trigger: EventTrigger },
    properties: Attributes,
  ): Promise<boolean> {
    const { trigger } = rule;
    const count = trigger.count ?? 1;
    if (count <= 1) return true;
    const key = trigger.sameProperty;
    if (key !== undefined && (properties[key] === undefined || properties[key] === null)) return false;
    const windowStart =
      trigger.withinHours === undefined
        ? new Date(0).toISOString()
        : new Date(this.clock().getTime() - trigger.withinHours * HOUR_MS).toISOString();
    const { lastSentAt } = await repositories.campaignSends.visitorHistory(visitorId, rule.id);
    const since = lastSentAt !== undefined && lastSentAt > windowStart ? lastSentAt : windowStart;
    const events = await repositories.trackedEvents.since(visitorId, trigger.name, since);
    const matching =
      key === undefined ? events : events.filter((event) => event.properties[key] === properties[key]);
    return matching.length >= count;
  }

  /** The campaign as configured now; undefined when it (or its site) was removed since it was scheduled. */
  private campaign(visitor: VisitorRecord, campaignId: string): EventCampaign | undefined {
    return this.sites.find(visitor.siteKey)?.eventCampaigns.find((campaign) => campaign.id === campaignId);
  }
}
