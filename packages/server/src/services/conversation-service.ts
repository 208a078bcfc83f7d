import type { Conversation, Message, Participant } from '@sapa/protocol';
import { newConversationReference } from '../conversation-reference.js';
import { ProblemError } from '../problem.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type {
  ConversationChange,
  ConversationRecord,
  MessagePage,
  NewConversation,
  PageRequest,
  VisitorRecord,
} from '../store/records.js';
import { appendMessage } from './append-message.js';
import type { BotRunner } from './bot-runner.js';
import type { CampaignDelivery } from './campaign-delivery.js';
import type { FanOut } from './fan-out.js';
import type { FeedbackAnswer, FeedbackService } from './feedback-service.js';
import { ownedUploads } from './owned-uploads.js';
import { isSameRequest, requestFingerprint } from './request-fingerprint.js';
import type { SiteDirectory } from './site-directory.js';

/**
 * Conversations a visitor may have open (not resolved) at once. Only agents resolve, so without a cap one visitor
 * could fill the inbox with conversations (issue 13); a real customer rarely has more than one or two.
 */
export const MAX_OPEN_CONVERSATIONS = 10;

/** A visitor's send, as validated by the HTTP layer. */
export type VisitorSend =
  | { type: 'text'; text: string }
  | { type: 'file'; attachmentIds: string[]; text?: string }
  | { type: 'postback'; payload: string; text: string };

/** The visitor's side of conversations: create, list, page, send, read, rate and typing. */
export class ConversationService {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly fanOut: FanOut,
    private readonly campaigns: CampaignDelivery,
    private readonly bot: BotRunner,
    private readonly feedback: FeedbackService,
    private readonly clock: () => Date,
  ) {}

  async list(visitor: VisitorRecord): Promise<Conversation[]> {
    const records = await this.store.conversations.listForVisitor(visitor.visitor.id);
    return records.map((record) => record.conversation);
  }

  /**
   * Creates a conversation once per client id, with a reference unique on the site. With a campaign, its message
   * comes first: the latest send of it to this visitor as it was rendered (with the event's data), else the
   * campaign rendered now; the visitor's first message then answers that send.
   * @throws {ProblemError} 403 when the visitor has {@link MAX_OPEN_CONVERSATIONS} open already
   */
  async create(
    visitor: VisitorRecord,
    clientConversationId: string,
    campaignId?: string,
  ): Promise<{ conversation: Conversation; created: boolean }> {
    return this.store.transaction(async (transaction) => {
      const visitorId = visitor.visitor.id;
      const existing = await transaction.conversations.findByClientId(visitorId, clientConversationId);
      if (existing) return { conversation: existing.conversation, created: false };
      const open = await transaction.conversations.countOpen(visitorId);
      if (open >= MAX_OPEN_CONVERSATIONS) {
        throw new ProblemError(
          'forbidden',
          `A visitor may have at most ${MAX_OPEN_CONVERSATIONS} open conversations; this visitor has ${open}. ` +
            'Continue one of them.',
        );
      }
      const site = this.sites.site(visitor.siteKey);
      const opening = campaignId
        ? await this.campaigns.opening(transaction, site, campaignId, visitor)
        : undefined;
      const sendId = opening?.send?.id;
      let record = await createWithReference(transaction, {
        siteKey: site.siteKey,
        visitorId,
        clientConversationId,
        ...(sendId ? { campaignSendId: sendId } : {}),
      });
      if (sendId)
        record = await transaction.conversations.update(record.conversation.id, { awaitingSendId: sendId });
      const first = opening?.message;
      const message = first && (await appendMessage(transaction, record.conversation.id, first));
      if (message) record = message.conversation;
      const events = this.fanOut.in(transaction);
      await events.conversationUpdated(record, message?.message);
      if (message) await events.messageCreated(record, message.message);
      return { conversation: record.conversation, created: true };
    });
  }

  /** A page of the visitor's conversation. @throws {ProblemError} 404 */
  async page(visitor: VisitorRecord, conversationId: string, page: PageRequest): Promise<MessagePage> {
    await owned(this.store, visitor, conversationId);
    return this.store.messages.page(conversationId, page);
  }

  /** The idempotent visitor send: 201 once, then the same message (200) or 422 for a different body. */
  async send(
    visitor: VisitorRecord,
    conversationId: string,
    clientMessageId: string,
    send: VisitorSend,
  ): Promise<{ message: Message; created: boolean }> {
    const request = JSON.stringify(send);
    const author: Participant = { role: 'visitor', id: visitor.visitor.id };
    if (visitor.visitor.name) author.name = visitor.visitor.name;
    // One transaction: the idempotency check, the message, a reopening, and the events that report them.
    const sent = await this.store.transaction(async (transaction) => {
      const record = await owned(transaction, visitor, conversationId);
      const existing = await transaction.messages.findByClientId(conversationId, clientMessageId);
      if (existing) {
        if (!isSameRequest(existing.requestKey, request)) {
          throw new ProblemError(
            'idempotency_mismatch',
            `Message ${clientMessageId} was already sent with a different body.`,
          );
        }
        return { message: existing.message, created: false, conversation: record };
      }
      const uploads =
        send.type === 'file'
          ? await ownedUploads(transaction, send.attachmentIds, visitor.visitor.id)
          : undefined;
      const appended = await appendMessage(transaction, conversationId, {
        author,
        type: send.type === 'file' ? 'file' : 'text',
        ...(send.text !== undefined ? { text: send.text } : {}),
        ...(uploads ? { attachments: uploads } : {}),
        clientMessageId,
        requestKey: requestFingerprint(request),
      });
      const events = this.fanOut.in(transaction);
      await events.messageCreated(appended.conversation, appended.message);
      const answer = await this.feedback.fromVisitorMessage(transaction, record, send);
      const change = await this.answered(transaction, record, answer);
      // A visitor writing into a resolved conversation opens it again; answering its feedback request does not.
      if (record.conversation.status === 'resolved' && !answer) change.status = 'open';
      if (Object.keys(change).length === 0) {
        await events.agentConversationUpdated(appended.conversation, appended.message);
        return { message: appended.message, created: true, conversation: appended.conversation, answer };
      }
      const updated = await transaction.conversations.update(conversationId, change);
      if (change.status) await events.conversationUpdated(updated, appended.message);
      else await events.agentConversationUpdated(updated, appended.message, answer !== undefined);
      return { message: appended.message, created: true, conversation: updated, answer };
    });
    if (sent.created && sent.answer) await this.feedback.thank(visitor, conversationId, sent.answer);
    else if (sent.created) await this.bot.afterVisitorSend(visitor, sent.conversation, send);
    return { message: sent.message, created: sent.created };
  }

  /**
   * What a visitor's message settles: the campaign send the conversation waited on is answered (the visitor
   * wrote in the conversation it started, or after its feedback request), and after a score the next text is
   * its comment. Returns the conversation change that records it.
   */
  private async answered(
    transaction: Repositories,
    record: ConversationRecord,
    answer: FeedbackAnswer | undefined,
  ): Promise<ConversationChange> {
    const change: ConversationChange = {};
    if (record.awaitingSendId) {
      const at = this.clock().toISOString();
      await transaction.campaignSends.markAnswered(record.awaitingSendId, record.conversation.id, at);
      change.awaitingSendId = null;
    }
    if (answer?.kind === 'score') change.awaitingCommentId = answer.feedback.id;
    else if (record.awaitingCommentId) change.awaitingCommentId = null;
    return change;
  }

  /** Live only: agents see the visitor typing. */
  async typing(visitor: VisitorRecord, conversationId: string, typing: boolean): Promise<void> {
    await owned(this.store, visitor, conversationId);
    const participant: Participant = { role: 'visitor', id: visitor.visitor.id };
    if (visitor.visitor.name) participant.name = visitor.visitor.name;
    this.fanOut.typing(conversationId, participant, typing);
  }

  /** Moves the visitor's read position forward; agents hear of it when it moved. */
  async read(visitor: VisitorRecord, conversationId: string, seq: number): Promise<void> {
    await this.store.transaction(async (transaction) => {
      const before = await owned(transaction, visitor, conversationId);
      const after = await transaction.conversations.update(conversationId, { visitorReadSeq: seq });
      if (after.conversation.visitorReadSeq === before.conversation.visitorReadSeq) return;
      const events = this.fanOut.in(transaction);
      events.toAgents('read.updated', {
        conversationId,
        role: 'visitor',
        seq: after.conversation.visitorReadSeq,
      });
      await events.conversationUpdated(after);
    });
  }

  /**
   * Records the visitor's rating (CSAT) of a conversation, also as feedback (with the agent assigned); a second
   * call for the same resolution (the comment after the stars) updates it.
   */
  async rate(visitor: VisitorRecord, conversationId: string, score: number, comment?: string): Promise<void> {
    await this.store.transaction(async (transaction) => {
      const record = await owned(transaction, visitor, conversationId);
      const rating = await this.feedback.recordRating(transaction, record, score, comment);
      const rated = await transaction.conversations.update(conversationId, { rating });
      await this.fanOut.in(transaction).conversationUpdated(rated, undefined, true);
    });
  }
}

/** Creates a conversation with a fresh reference, drawing again while the site already has the one drawn. */
async function createWithReference(
  repositories: Repositories,
  conversation: Omit<NewConversation, 'reference'>,
): Promise<ConversationRecord> {
  for (let attempt = 0; ; attempt++) {
    const created = await repositories.conversations.create({
      ...conversation,
      reference: newConversationReference(attempt),
    });
    if (created) return created;
  }
}

/** The visitor's conversation with this id. @throws {ProblemError} 404 */
async function owned(
  repositories: Repositories,
  visitor: VisitorRecord,
  conversationId: string,
): Promise<ConversationRecord> {
  const record = await repositories.conversations.get(conversationId);
  if (!record || record.visitorId !== visitor.visitor.id) {
    throw new ProblemError('not_found', `No conversation ${conversationId} for this visitor.`);
  }
  return record;
}
