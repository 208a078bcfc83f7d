import { renderLocalizedTemplate, type Survey } from '@sapa/protocol';
import type { AgentRef } from '@sapa/protocol/agent';
import type { EventCampaign } from '../event-campaign.js';
import { FEEDBACK_THANKS, npsActions, npsScore } from '../feedback-texts.js';
import type { ResolvedSite } from '../site-config.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { ConversationRecord, FeedbackRecord, VisitorRecord } from '../store/records.js';
import { appendMessage } from './append-message.js';
import type { CampaignDelivery } from './campaign-delivery.js';
import type { VisitorSend } from './conversation-service.js';
import type { FanOut } from './fan-out.js';
import { botParticipant } from './participants.js';
import type { SiteDirectory } from './site-directory.js';

const DAY_MS = 86_400_000;
/** A feedback request more than this late (the server was down, the rule is new) is not sent any more. */
const LATE_LIMIT_MS = 7 * DAY_MS;
/** The visitor's next text counts as the comment on their score only this long after it. */
const COMMENT_WINDOW_MS = DAY_MS;
/** Feedback requests sent per rule and sweep; the rest go with the next one. */
const SWEEP_BATCH = 100;

/** What a visitor's message was to the feedback loop: a score, or the comment after one. */
export type FeedbackAnswer =
  /** `changed`: a new score for a question this visitor had answered already. */
  | { kind: 'score'; feedback: FeedbackRecord; changed: boolean }
  | { kind: 'comment'; feedback: FeedbackRecord };

/**
 * Feedback closes the care loop: ratings (1–5 and a comment) and NPS answers (0–10 and an optional comment),
 * stored per conversation with the campaign they answer and the agent assigned; the `after-resolved` rules that
 * ask for them; and the thanks that follows an answer.
 */
export class FeedbackService {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly fanOut: FanOut,
    private readonly delivery: CampaignDelivery,
    private readonly clock: () => Date,
  ) {}

  /**
   * Stores a rating: a new one for each resolution, and a second call for the same resolution (the comment after
   * the stars) updates it. Returns the rating as the conversation now carries it.
   */
  async recordRating(
    transaction: Repositories,
    record: ConversationRecord,
    score: number,
    comment?: string,
  ): Promise<{ score: number; comment?: string }> {
    const conversationId = record.conversation.id;
    const latest = await transaction.feedback.latest(conversationId, 'rating');
    const sameResolution =
      latest && (record.resolvedAt === undefined || latest.createdAt >= record.resolvedAt);
    const stored = sameResolution
      ? await transaction.feedback.update(latest.id, { score, ...(comment !== undefined ? { comment } : {}) })
      : await transaction.feedback.insert({
          siteKey: record.siteKey,
          conversationId,
          kind: 'rating',
          score,
          ...(comment !== undefined ? { comment } : {}),
          ...(await this.campaignOf(transaction, record)),
          ...assigned(record),
          createdAt: this.clock().toISOString(),
        });
    return stored.comment === undefined ? { score } : { score, comment: stored.comment };
  }

  /**
   * What a visitor's new message is to the feedback loop: a postback `nps:N` answering the conversation's NPS
   * question (stored, the request answered), or the text right after a score (its comment). Undefined for
   * anything else; such a message is an ordinary one.
   */
  async fromVisitorMessage(
    transaction: Repositories,
    record: ConversationRecord,
    send: VisitorSend,
  ): Promise<FeedbackAnswer | undefined> {
    const score = send.type === 'postback' ? npsScore(send.payload) : undefined;
    if (score !== undefined) {
      const answer = await this.answerSurvey(transaction, record, score);
      if (answer) return { kind: 'score', ...answer };
    }
    if (record.awaitingCommentId && send.type === 'text') {
      const scored = await transaction.feedback.get(record.awaitingCommentId);
      const at = this.clock();
      if (scored && at.getTime() - new Date(scored.updatedAt).getTime() <= COMMENT_WINDOW_MS) {
        return {
          kind: 'comment',
          feedback: await transaction.feedback.update(scored.id, { comment: send.text }),
        };
      }
    }
    return undefined;
  }

  /**
   * Thanks the visitor for a score or a comment, in their language, without reopening the conversation; a score
   * changed afterwards was thanked for already.
   */
  async thank(visitor: VisitorRecord, conversationId: string, answer: FeedbackAnswer): Promise<void> {
    if (answer.kind === 'score' && answer.changed) return;
    const site = this.sites.site(visitor.siteKey);
    const text = FEEDBACK_THANKS[answer.kind][this.sites.visitorLocale(visitor)];
    await this.store.transaction(async (transaction) => {
      const appended = await appendMessage(transaction, conversationId, {
        author: botParticipant(site),
        type: 'text',
        text,
      });
      const events = this.fanOut.in(transaction);
      await events.messageCreated(appended.conversation, appended.message);
      await events.agentConversationUpdated(appended.conversation, appended.message, true);
    });
  }

  /**
   * Sends the feedback requests that are due (the care scheduler's sweep): for every `after-resolved` rule, each
   * conversation resolved at least `days` ago (and at most a week later than that) and still resolved gets one
   * message in it, once. Returns how many were sent.
   */
  async requestDue(): Promise<number> {
    const now = this.clock().getTime();
    let sent = 0;
    for (const site of this.sites.all()) {
      for (const campaign of site.eventCampaigns) {
        if (campaign.trigger.type !== 'after-resolved') continue;
        const cutoff = now - campaign.trigger.days * DAY_MS;
        const due = await this.store.conversations.awaitingFeedbackRequest(
          site.siteKey,
          campaign.id,
          new Date(cutoff - LATE_LIMIT_MS).toISOString(),
          new Date(cutoff).toISOString(),
          SWEEP_BATCH,
        );
        for (const record of due) if (await this.request(site, campaign, record.conversation.id)) sent++;
      }
    }
    return sent;
  }

  /** One feedback request: the rule's message (with the NPS replies) posted in the resolved conversation. */
  private async request(
    site: ResolvedSite,
    campaign: EventCampaign,
    conversationId: string,
  ): Promise<boolean> {
    return this.store.transaction(async (transaction) => {
      const record = await transaction.conversations.get(conversationId);
      if (record?.conversation.status !== 'resolved') return false;
      const visitor = (await transaction.visitors.get(record.visitorId)) as VisitorRecord;
      if (!(await this.delivery.allows(transaction, site, visitor.visitor.id, campaign))) return false;
      const locale = this.sites.visitorLocale(visitor);
      const text = renderLocalizedTemplate(campaign.message, visitor.visitor, locale, locale) ?? '';
      const survey: Survey | undefined = campaign.survey === 'nps' ? { type: 'nps' } : undefined;
      const actions = survey ? npsActions() : campaign.actions;
      const message = { text, ...(actions ? { actions } : {}), ...(survey ? { survey } : {}) };
      const appended = await appendMessage(transaction, conversationId, {
        author: botParticipant(site),
        type: 'text',
        ...message,
      });
      const send = await transaction.campaignSends.insert({
        siteKey: site.siteKey,
        campaignId: campaign.id,
        kind: 'feedback',
        visitorId: visitor.visitor.id,
        payload: { message },
        sentAt: this.clock().toISOString(),
        conversationId,
      });
      // Resolved stays resolved: the request is a message in it, not a new question from the visitor.
      const updated = await transaction.conversations.update(conversationId, { awaitingSendId: send.id });
      const events = this.fanOut.in(transaction);
      await events.messageCreated(updated, appended.message);
      await events.agentConversationUpdated(updated, appended.message);
      return true;
    });
  }

  /** An NPS score for the conversation's latest NPS question: stored (a new score replaces one given before). */
  private async answerSurvey(
    transaction: Repositories,
    record: ConversationRecord,
    score: number,
  ): Promise<{ feedback: FeedbackRecord; changed: boolean } | undefined> {
    const conversationId = record.conversation.id;
    const request = await transaction.campaignSends.latestInConversation(conversationId, 'feedback');
    const asked =
      request?.payload && 'message' in request.payload && request.payload.message.survey?.type === 'nps';
    if (!request || !asked) return undefined;
    const at = this.clock().toISOString();
    await transaction.campaignSends.markAnswered(request.id, conversationId, at);
    const earlier = await transaction.feedback.latest(conversationId, 'nps', request.id);
    if (earlier) return { feedback: await transaction.feedback.update(earlier.id, { score }), changed: true };
    const feedback = await transaction.feedback.insert({
      siteKey: record.siteKey,
      conversationId,
      kind: 'nps',
      score,
      campaignId: request.campaignId,
      sendId: request.id,
      ...assigned(record),
      createdAt: at,
    });
    return { feedback, changed: false };
  }

  /** The campaign a conversation was started from, for its ratings (CSAT per campaign). */
  private async campaignOf(
    repositories: Repositories,
    record: ConversationRecord,
  ): Promise<{ campaignId?: string }> {
    if (!record.campaignSendId) return {};
    const send = await repositories.campaignSends.get(record.campaignSendId);
    return send ? { campaignId: send.campaignId } : {};
  }
}

/** The agent assigned to the conversation now, as a feedback row keeps it. */
function assigned(record: ConversationRecord): { agent?: AgentRef } {
  const assignee = record.conversation.assignee;
  if (!assignee) return {};
  return {
    agent: assignee.name === undefined ? { id: assignee.id } : { id: assignee.id, name: assignee.name },
  };
}
