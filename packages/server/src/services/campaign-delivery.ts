import type { Action, LocalizedText } from '@sapa/protocol';
import { dueDateCampaigns, renderCampaign } from '../campaigns.js';
import type { ResolvedSite } from '../site-config.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { NewMessage, VisitorRecord } from '../store/records.js';
import type { FanOut, TransactionEvents } from './fan-out.js';
import { botParticipant } from './participants.js';
import type { SiteDirectory } from './site-directory.js';

type DeliverableCampaign = { id: string; message: LocalizedText; actions?: Action[] };

/**
 * Backend campaigns (customer care): custom events and visitor dates such as a birthday, each sent to a
 * visitor once as `campaign.triggered`; and a campaign's message as the first one of the conversation it opens.
 */
export class CampaignDelivery {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly fanOut: FanOut,
  ) {}

  /** A custom event from the site; matching event campaigns are sent once per visitor. */
  async trackEvent(visitor: VisitorRecord, name: string): Promise<void> {
    const site = this.sites.site(visitor.siteKey);
    await this.store.transaction(async (transaction) => {
      await transaction.visitors.touch(visitor.visitor.id);
      const events = this.fanOut.in(transaction);
      for (const campaign of site.eventCampaigns) {
        if (campaign.trigger.type === 'event' && campaign.trigger.name === name) {
          await this.deliver(transaction, events, visitor.visitor.id, campaign, campaign.id);
        }
      }
    });
  }

  /** Sends the date campaigns due today (checked whenever the visitor's profile may have changed). */
  async deliverDue(repositories: Repositories, events: TransactionEvents, visitorId: string): Promise<void> {
    const record = (await repositories.visitors.get(visitorId)) as VisitorRecord;
    const due = dueDateCampaigns(this.sites.site(record.siteKey), record.visitor, new Date());
    for (const { campaign, deliveryKey } of due) {
      await this.deliver(repositories, events, visitorId, campaign, deliveryKey, record);
    }
  }

  /** The first message of a conversation opened from a campaign (client or backend), rendered for the visitor. */
  firstMessage(
    site: ResolvedSite,
    campaignId: string | undefined,
    visitor: VisitorRecord,
  ): NewMessage | undefined {
    const campaign = campaignId
      ? [...site.campaigns, ...site.eventCampaigns].find((candidate) => candidate.id === campaignId)
      : undefined;
    if (!campaign) return undefined;
    const rendered = renderCampaign(campaign, visitor.visitor, this.sites.visitorLocale(visitor));
    return {
      author: botParticipant(site),
      type: 'text',
      text: rendered.message,
      ...(rendered.actions ? { actions: rendered.actions } : {}),
    };
  }

  private async deliver(
    repositories: Repositories,
    events: TransactionEvents,
    visitorId: string,
    campaign: DeliverableCampaign,
    deliveryKey: string,
    known?: VisitorRecord,
  ): Promise<void> {
    if (!(await repositories.campaignDeliveries.claim(visitorId, deliveryKey))) return;
    const record = known ?? ((await repositories.visitors.get(visitorId)) as VisitorRecord);
    const rendered = renderCampaign(campaign, record.visitor, this.sites.visitorLocale(record));
    await events.toVisitor(visitorId, 'campaign.triggered', { campaign: rendered });
  }
}
