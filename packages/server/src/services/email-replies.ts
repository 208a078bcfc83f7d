import type { Message } from '@sapa/protocol';
import type { Presence } from '../cluster/presence.js';
import { type EmailSender, isEmailAddress } from '../email-sender.js';
import { composeReplyEmail, type EmailedMessage } from '../email-texts.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { ConversationRecord, VisitorRecord } from '../store/records.js';
import type { SiteDirectory } from './site-directory.js';

/** How long replies are collected before the first email goes, so two or three quick lines make one email. */
const BATCH_DELAY_MS = 60_000;
/** At most one email per conversation this often. */
const EMAIL_INTERVAL_MS = 10 * 60_000;
/** Conversations emailed per sweep; the rest go with the next one. */
const SWEEP_BATCH = 50;
/** Messages one email carries at most (the newest). */
const MAX_MESSAGES = 50;

/** Mail settings: the sender and the address emails come from (the site's name is the display name). */
export interface EmailOptions {
  sender: EmailSender;
  fromAddress: string;
}

/**
 * Agents' replies by email to a visitor who is away (no open stream) and left an email address: batched per
 * conversation, at most one email per conversation every 10 minutes, plain text in the visitor's language with the
 * replies and the conversation's reference. Only when mail is configured; otherwise nothing is scheduled and
 * `availability.emailReplies` stays off.
 */
export class EmailReplies {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly presence: Presence,
    private readonly clock: () => Date,
    private readonly log: (message: string, error?: unknown) => void,
    private readonly mail?: EmailOptions,
  ) {}

  /** Schedules an email for an agent's reply, when the visitor is away and has an address (in the reply's transaction). */
  async afterAgentReply(transaction: Repositories, record: ConversationRecord): Promise<void> {
    if (!this.mail || this.presence.isVisitorOnline(record.visitorId)) return;
    const visitor = await transaction.visitors.get(record.visitorId);
    if (!isEmailAddress(visitor?.visitor.email)) return;
    const state = await transaction.conversationEmails.get(record.conversation.id);
    const now = this.clock().getTime();
    const nextAllowed = state?.sentAt ? new Date(state.sentAt).getTime() + EMAIL_INTERVAL_MS : 0;
    const dueAt = new Date(Math.max(now + BATCH_DELAY_MS, nextAllowed)).toISOString();
    await transaction.conversationEmails.schedule(record.conversation.id, dueAt);
  }

  /** Sends the emails that are due (the care scheduler's sweep); returns how many went out. */
  async sendDue(): Promise<number> {
    if (!this.mail) return 0;
    const due = await this.store.conversationEmails.due(this.clock().toISOString(), SWEEP_BATCH);
    let sent = 0;
    for (const state of due) {
      if (await this.sendOne(state.conversationId, state.sentThroughSeq)) sent++;
    }
    return sent;
  }

  /** Closes the mail connection (server shutdown). */
  close(): void {
    this.mail?.sender.close();
  }

  private async sendOne(conversationId: string, sentThroughSeq: number): Promise<boolean> {
    const mail = this.mail as EmailOptions;
    const record = await this.store.conversations.get(conversationId);
    const visitor = record && (await this.store.visitors.get(record.visitorId));
    const site = record && this.sites.find(record.siteKey);
    if (!record || !visitor || !site || !isEmailAddress(visitor.visitor.email)) {
      await this.store.conversationEmails.markSent(
        conversationId,
        undefined,
        record?.conversation.lastSeq ?? 0,
      );
      return false;
    }
    // What the visitor has read in the chat meanwhile, or an earlier email carried, needs no email.
    const after = Math.max(sentThroughSeq, record.conversation.visitorReadSeq);
    const page = await this.store.messages.page(conversationId, { after, limit: 200 });
    const replies = page.messages.filter((message) => message.author.role === 'agent').slice(-MAX_MESSAGES);
    const throughSeq = page.messages.at(-1)?.seq ?? after;
    if (replies.length === 0) {
      await this.store.conversationEmails.markSent(conversationId, undefined, throughSeq);
      return false;
    }
    const email = composeReplyEmail({
      locale: this.sites.visitorLocale(visitor),
      siteName: site.name,
      ...(visitor.visitor.name ? { visitorName: visitor.visitor.name } : {}),
      ...(record.conversation.reference ? { reference: record.conversation.reference } : {}),
      messages: replies.map(toEmailed),
      ...pageUrlOf(visitor),
    });
    try {
      await mail.sender.send({
        from: { name: site.name, address: mail.fromAddress },
        to: visitor.visitor.email,
        ...email,
      });
    } catch (error) {
      this.log(`Emailing the replies of conversation ${conversationId} failed; trying again later.`, error);
      const retryAt = new Date(this.clock().getTime() + EMAIL_INTERVAL_MS).toISOString();
      await this.store.conversationEmails.postpone(conversationId, retryAt);
      return false;
    }
    await this.store.conversationEmails.markSent(conversationId, this.clock().toISOString(), throughSeq);
    return true;
  }
}

/** A message as a line of an email: its text, a file's name, a card's title and link. */
function toEmailed(message: Message): EmailedMessage {
  const lines: string[] = [];
  if (message.card) lines.push([message.card.title, message.card.url].filter(Boolean).join(' — '));
  for (const attachment of message.attachments ?? []) lines.push(`[${attachment.name}] ${attachment.url}`);
  if (message.text) lines.push(message.text);
  return { author: message.author.name ?? '', text: lines.join('\n') };
}

/** Where the chat continues: the visitor's last page, when it is a web address. */
function pageUrlOf(visitor: VisitorRecord): { pageUrl?: string } {
  const url = visitor.page?.url;
  return url && /^https?:\/\//i.test(url) ? { pageUrl: url } : {};
}
