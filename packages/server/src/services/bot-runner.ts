import type { Message } from '@sapa/protocol';
import { decideBotReply } from '../bot.js';
import { isEmailAddress } from '../email-sender.js';
import type { ChatStore } from '../store/chat-store.js';
import type { ConversationRecord, NewMessage, VisitorRecord } from '../store/records.js';
import { appendMessage } from './append-message.js';
import type { VisitorSend } from './conversation-service.js';
import type { FanOut } from './fan-out.js';
import { botParticipant, SYSTEM_PARTICIPANT } from './participants.js';
import type { SiteDirectory } from './site-directory.js';

/**
 * Runs the rule bot after a visitor's send: while no agent is online and nobody took the conversation over,
 * it answers, or hands over to a person (a reply, an `event` line, and the conversation becomes pending).
 */
export class BotRunner {
  constructor(
    private readonly store: ChatStore,
    private readonly sites: SiteDirectory,
    private readonly fanOut: FanOut,
    private readonly clock: () => Date,
  ) {}

  async afterVisitorSend(
    visitor: VisitorRecord,
    record: ConversationRecord,
    send: VisitorSend,
  ): Promise<void> {
    const site = this.sites.site(record.siteKey);
    if (!site.bot || record.handedOver || this.sites.agentsOnline(site)) return;
    if (send.type === 'file') return;
    const now = this.clock();
    const returnsAt = this.sites.returnsAt(site, now);
    const emailed = this.sites.emailsReplies && isEmailAddress(visitor.visitor.email);
    const decision = decideBotReply({
      text: send.text,
      ...(send.type === 'postback' ? { payload: send.payload } : {}),
      ...(visitor.locale ? { visitorLocale: visitor.locale } : {}),
      site,
      ...(returnsAt ? { away: { returnsAt, now, emailed } } : {}),
    });
    const bot = botParticipant(site);
    const conversationId = record.conversation.id;
    const reply: NewMessage = {
      author: bot,
      type: 'text',
      text: decision.text,
      ...(decision.kind === 'answer' && decision.actions ? { actions: decision.actions } : {}),
    };
    await this.store.transaction(async (transaction) => {
      const events = this.fanOut.in(transaction);
      const answered = await appendMessage(transaction, conversationId, reply);
      if (decision.kind === 'answer') {
        await events.messageCreated(answered.conversation, answered.message);
        return;
      }
      const line = await appendMessage(transaction, conversationId, {
        author: SYSTEM_PARTICIPANT,
        type: 'event',
        text: decision.eventText,
      });
      const handedOver = await transaction.conversations.update(conversationId, {
        status: 'pending',
        handedOver: true,
      });
      const messages: Message[] = [answered.message, line.message];
      for (const message of messages) await events.messageCreated(handedOver, message);
      await events.conversationUpdated(handedOver, line.message);
    });
  }
}
