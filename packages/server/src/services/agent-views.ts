import type { Message } from '@sapa/protocol';
import type {
  AgentVisitor,
  AgentVisitorSummary,
  ConversationFeedback,
  ProfileSources,
} from '@sapa/protocol/agent';
import type { AgentConversation } from '../agent-conversation.js';
import type { Presence } from '../cluster/presence.js';
import type { Repositories } from '../store/chat-store.js';
import type { ConversationRecord, FeedbackRecord, VisitorRecord } from '../store/records.js';

/** What agents see of a conversation and of a visitor: the records plus presence, unread count, last message. */
export class AgentViews {
  constructor(private readonly presence: Presence) {}

  /**
   * The agent view of a conversation, read through `repositories` (a transaction's, to see its own changes).
   * `lastMessage` saves a read when the caller has just stored it. `withFeedback` adds its ratings and NPS
   * answers (the single-conversation view, and changes to them).
   */
  async conversation(
    repositories: Repositories,
    record: ConversationRecord,
    lastMessage?: Message,
    withFeedback = false,
  ): Promise<AgentConversation> {
    const visitor = (await repositories.visitors.get(record.visitorId)) as VisitorRecord;
    const view: AgentConversation = {
      ...record.conversation,
      visitor: this.visitorSummary(visitor),
      unreadCount: await repositories.messages.agentUnreadCount(
        record.conversation.id,
        record.conversation.agentReadSeq,
      ),
      handedOver: record.handedOver,
      siteKey: record.siteKey,
    };
    const last = lastMessage ?? (await repositories.messages.last(record.conversation.id));
    if (last) view.lastMessage = last;
    if (withFeedback) {
      const rows = await repositories.feedback.listForConversation(record.conversation.id);
      view.feedback = rows.map(toConversationFeedback);
    }
    return view;
  }

  /**
   * Who a conversation is with, as rows and stream events carry it: bounded fields only, never the attributes,
   * so one visitor's profile cannot make the inbox or every agent event large (issue 13).
   */
  visitorSummary(record: VisitorRecord): AgentVisitorSummary {
    const { visitor } = record;
    const summary: AgentVisitorSummary = {
      id: visitor.id,
      verified: visitor.verified,
      online: this.presence.isVisitorOnline(visitor.id),
      lastSeenAt: record.lastSeenAt,
    };
    if (visitor.name !== undefined) summary.name = visitor.name;
    if (visitor.email !== undefined) summary.email = visitor.email;
    if (record.page) summary.page = record.page;
    if (record.locale) summary.locale = record.locale;
    return summary;
  }

  /**
   * The visitor's whole profile (attributes included), which the console loads for the one it shows, with where
   * each of name, email and phone came from.
   */
  visitorProfile(record: VisitorRecord): AgentVisitor {
    const profile: AgentVisitor = { ...record.visitor, ...this.visitorSummary(record) };
    // A source only for a value the visitor has.
    const sources: ProfileSources = {};
    for (const field of ['name', 'email', 'phone'] as const) {
      const source = record.sources[field];
      if (source && record.visitor[field] !== undefined) sources[field] = source;
    }
    if (Object.keys(sources).length > 0) profile.sources = sources;
    return profile;
  }
}

function toConversationFeedback(row: FeedbackRecord): ConversationFeedback {
  const feedback: ConversationFeedback = {
    kind: row.kind,
    score: row.score,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
  if (row.comment !== undefined) feedback.comment = row.comment;
  if (row.campaignId !== undefined) feedback.campaignId = row.campaignId;
  if (row.agent !== undefined) feedback.agent = row.agent;
  return feedback;
}
