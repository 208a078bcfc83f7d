import type { Attributes } from '@sapa/protocol';
import { capAllows } from '../campaign-caps.js';
import { renderCampaign } from '../campaigns.js';
import type { EventCampaign } from '../event-campaign.js';
import { ProblemError } from '../problem.js';
import { type ResolvedSite, siteTimezone } from '../site-config.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { CampaignSendRecord, NewMessage, VisitorRecord } from '../store/records.js';
import { localDate, startOfDate } from '../time-zone.js';
import type { TransactionEvents } from './fan-out.js';
import { botParticipant } from './participants.js';
import type { SiteDirectory } from './site-directory.js';

/** The first message of a conversation opened from a campaign, and the send it answers. */
export interface CampaignOpening {
  message: NewMessage;
  send?: CampaignSendRecord;
}

/**
 * Sends backend campaigns within their caps and logs every send (`campaign_sends`) with what it said; records
 * when a visitor saw one; and gives the first message of a conversation opened from a campaign: the latest send
 * as it was rendered (so the event's data survives), or a client-side campaign rendered now.
 */
export class CampaignDelivery {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly clock: () => Date,
  ) {}

  /**
   * Sends a campaign to a visitor as `campaign.triggered`, when its caps allow and it renders (a card needs its
   * title); logs the send. Returns the send, or undefined when nothing was sent.
   */
  async send(
    transaction: Repositories,
    events: TransactionEvents,
    visitor: VisitorRecord,
    campaign: EventCampaign,
    properties?: Attributes,
  ): Promise<CampaignSendRecord | undefined> {
    const site = this.sites.site(visitor.siteKey);
    if (!(await this.allows(transaction, site, visitor.visitor.id, campaign))) return undefined;
    const rendered = renderCampaign(campaign, visitor.visitor, this.sites.visitorLocale(visitor), properties);
    if (!rendered) return undefined;
    const send = await transaction.campaignSends.insert({
      siteKey: site.siteKey,
      campaignId: campaign.id,
      kind: 'event',
      visitorId: visitor.visitor.id,
      payload: { campaign: rendered },
      sentAt: this.clock().toISOString(),
    });
    await events.toVisitor(visitor.visitor.id, 'campaign.triggered', { campaign: rendered });
    return send;
  }

  /** Whether one more send of the campaign to the visitor stays within its caps. */
  async allows(
    repositories: Repositories,
    site: ResolvedSite,
    visitorId: string,
    campaign: EventCampaign,
  ): Promise<boolean> {
    const now = this.clock();
    const timezone = siteTimezone(site);
    const history = await repositories.campaignSends.visitorHistory(visitorId, campaign.id);
    const sentToday =
      campaign.cap?.perDay === undefined
        ? 0
        : await repositories.campaignSends.countSince(
            site.siteKey,
            campaign.id,
            startOfDate(localDate(now, timezone), timezone).toISOString(),
          );
    return capAllows(
      campaign,
      {
        visitorCount: history.count,
        sentToday,
        ...(history.lastSentAt ? { lastSentAt: history.lastSentAt } : {}),
      },
      now,
      timezone,
    );
  }

  /**
   * The visitor saw a campaign's teaser (`POST /v1/campaigns/{id}/seen`): the latest send of a backend campaign
   * is marked seen once; a client-side campaign, which the backend knows of only this way, is logged once per
   * visitor as sent and seen. @throws {ProblemError} 404 for a campaign the site does not have
   */
  async markSeen(visitor: VisitorRecord, campaignId: string): Promise<void> {
    const site = this.sites.site(visitor.siteKey);
    const at = this.clock().toISOString();
    if (site.eventCampaigns.some((campaign) => campaign.id === campaignId)) {
      await this.store.campaignSends.markSeen(visitor.visitor.id, campaignId, at);
      return;
    }
    if (!site.campaigns.some((campaign) => campaign.id === campaignId)) {
      throw new ProblemError('not_found', `No campaign ${JSON.stringify(campaignId)} on this site.`);
    }
    await this.store.transaction(async (transaction) => {
      await this.clientSend(transaction, site, visitor.visitor.id, campaignId, at);
    });
  }

  /**
   * The first message of a conversation opened from a campaign: the latest send of it to this visitor as it
   * was rendered then (message, card, actions), else the campaign rendered now (a client-side campaign, logged as
   * seen when it was not yet). Undefined for a campaign the site does not have.
   */
  async opening(
    transaction: Repositories,
    site: ResolvedSite,
    campaignId: string,
    visitor: VisitorRecord,
  ): Promise<CampaignOpening | undefined> {
    const author = botParticipant(site);
    const latest = await transaction.campaignSends.latest(visitor.visitor.id, campaignId);
    if (latest?.payload && 'campaign' in latest.payload) {
      const { message, actions, card } = latest.payload.campaign;
      return {
        message: {
          author,
          type: card ? 'card' : 'text',
          text: message,
          ...(card ? { card } : {}),
          ...(actions ? { actions } : {}),
        },
        send: latest,
      };
    }
    const clientCampaign = site.campaigns.find((campaign) => campaign.id === campaignId);
    const backendCampaign = site.eventCampaigns.find((campaign) => campaign.id === campaignId);
    const campaign = clientCampaign ?? backendCampaign;
    if (!campaign) return undefined;
    // Rendered now, without an event: a card (which needs the event's data) is left out.
    const { card: _card, ...withoutCard } = campaign as EventCampaign;
    const rendered = renderCampaign(withoutCard, visitor.visitor, this.sites.visitorLocale(visitor));
    const message: NewMessage = {
      author,
      type: 'text',
      text: rendered?.message ?? '',
      ...(rendered?.actions ? { actions: rendered.actions } : {}),
    };
    if (!clientCampaign) return latest ? { message, send: latest } : { message };
    const at = this.clock().toISOString();
    return { message, send: await this.clientSend(transaction, site, visitor.visitor.id, campaignId, at) };
  }

  /** The visitor's log entry of a client-side campaign: made (sent and seen now) on first sight. */
  private async clientSend(
    transaction: Repositories,
    site: ResolvedSite,
    visitorId: string,
    campaignId: string,
    at: string,
  ): Promise<CampaignSendRecord> {
    const existing = await transaction.campaignSends.latest(visitorId, campaignId);
    if (existing) return existing;
    return transaction.campaignSends.insert({
      siteKey: site.siteKey,
      campaignId,
      kind: 'client',
      visitorId,
      sentAt: at,
      seenAt: at,
    });
  }
}
