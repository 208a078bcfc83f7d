import type { Message } from '@sapa/protocol';
import type { AgentConversation } from '../agent-conversation.js';
import type { EventHub } from '../event-hub.js';
import type { Repositories } from '../store/chat-store.js';
import type { ConversationRecord, VisitorRecord } from '../store/records.js';

/** What agents see of a conversation and of a visitor: the records plus presence, unread count, last message. */
export class AgentViews {
  constructor(private readonly hub: EventHub) {}

  /**
   * The agent view of a conversation, read through `repositories` (a transaction's, to see its own changes).
   * `lastMessage` saves a read when the caller has just stored it.
   */
  async conversation(
    repositories: Repositories,
    record: ConversationRecord,
    lastMessage?: Message,
  ): Promise<AgentConversation> {
    const visitor = (await repositories.visitors.get(record.visitorId)) as VisitorRecord;
    const view: AgentConversation = {
      ...record.conversation,
      visitor: this.visitor(visitor),
      unreadCount: await repositories.messages.agentUnreadCount(
        record.conversation.id,
        record.conversation.agentReadSeq,
      ),
      handedOver: record.handedOver,
      siteKey: record.siteKey,
    };
    const last = lastMessage ?? (await repositories.messages.last(record.conversation.id));
    if (last) view.lastMessage = last;
    return view;
  }

  /** The agent view of a visitor: profile, page, language, and whether a stream of theirs is open. */
  visitor(record: VisitorRecord): AgentConversation['visitor'] {
    const visitor: AgentConversation['visitor'] = {
      ...record.visitor,
      online: this.hub.isVisitorOnline(record.visitor.id),
      lastSeenAt: record.lastSeenAt,
    };
    if (record.page) visitor.page = record.page;
    if (record.locale) visitor.locale = record.locale;
    return visitor;
  }
}
