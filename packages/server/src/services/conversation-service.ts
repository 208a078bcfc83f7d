import type { Conversation, Message, Participant } from '@sapa/protocol';
import { ProblemError } from '../problem.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { ConversationRecord, MessagePage, PageRequest, VisitorRecord } from '../store/records.js';
import { appendMessage } from './append-message.js';
import type { BotRunner } from './bot-runner.js';
import type { CampaignDelivery } from './campaign-delivery.js';
import type { FanOut } from './fan-out.js';
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
  ) {}

  async list(visitor: VisitorRecord): Promise<Conversation[]> {
    const records = await this.store.conversations.listForVisitor(visitor.visitor.id);
    return records.map((record) => record.conversation);
  }

  /**
   * Creates a conversation once per client id; with a campaign, its message comes first.
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
      const first = this.campaigns.firstMessage(site, campaignId, visitor);
      let record = await transaction.conversations.create(site.siteKey, visitorId, clientConversationId);
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
      // A visitor writing into a resolved conversation opens it again.
      if (record.conversation.status === 'resolved') {
        const reopened = await transaction.conversations.update(conversationId, { status: 'open' });
        await events.conversationUpdated(reopened, appended.message);
        return { message: appended.message, created: true, conversation: reopened };
      }
      await events.agentConversationUpdated(appended.conversation, appended.message);
      return { message: appended.message, created: true, conversation: appended.conversation };
    });
    if (sent.created) await this.bot.afterVisitorSend(visitor, sent.conversation, send);
    return { message: sent.message, created: sent.created };
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

  /** Records the visitor's rating (CSAT) of a conversation. */
  async rate(visitor: VisitorRecord, conversationId: string, score: number, comment?: string): Promise<void> {
    const rating = comment === undefined ? { score } : { score, comment };
    await this.store.transaction(async (transaction) => {
      await owned(transaction, visitor, conversationId);
      const rated = await transaction.conversations.update(conversationId, { rating });
      await this.fanOut.in(transaction).conversationUpdated(rated);
    });
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
