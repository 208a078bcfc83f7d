import type {
  Action,
  Card,
  Conversation,
  ConversationStatus,
  Locale,
  Message,
  Participant,
} from '@sapa/protocol';
import type { AgentAccount, AgentConversationList, AgentVisitor } from '@sapa/protocol/agent';
import type { AgentConversation } from '../agent-conversation.js';
import { normalizeReference } from '../conversation-reference.js';
import type { EventHub, EventListener } from '../event-hub.js';
import { ProblemError } from '../problem.js';
import type { ChatStore, Repositories } from '../store/chat-store.js';
import type { ConversationRecord, MessagePage, PageRequest, VisitorRecord } from '../store/records.js';
import type { AgentViews } from './agent-views.js';
import { appendMessage } from './append-message.js';
import type { EmailReplies } from './email-replies.js';
import type { FanOut } from './fan-out.js';
import { formatInboxCursor, parseInboxCursor } from './inbox-cursor.js';
import { ownedUploads } from './owned-uploads.js';
import { agentParticipant, SYSTEM_PARTICIPANT } from './participants.js';
import type { SiteDirectory } from './site-directory.js';

/** An agent's send, as validated by the HTTP layer. */
export type AgentSend =
  | { type: 'text'; text: string; actions?: Action[] }
  | { type: 'card'; card: Card; actions?: Action[] }
  | { type: 'file'; attachmentIds: string[]; text?: string };

const RESOLVED_TEXT: Record<Locale, string> = { en: 'Conversation resolved', id: 'Percakapan telah selesai' };
const REOPENED_TEXT: Record<Locale, string> = {
  en: 'Conversation reopened',
  id: 'Percakapan dibuka kembali',
};

/** The agents' side: the inbox and a conversation's view, replies, reads, status, typing and their stream. */
export class AgentInbox {
  constructor(
    private readonly store: ChatStore,
    private readonly hub: EventHub,
    private readonly sites: SiteDirectory,
    private readonly fanOut: FanOut,
    private readonly views: AgentViews,
    private readonly emails: EmailReplies,
  ) {}

  /**
   * One page of the inbox, newest activity first, as agents see it: of some statuses (every one when absent),
   * after `cursor` (a previous page's `nextCursor`), and with `query`, only the conversation whose reference it is
   * (`SP-7KQ2`, any case, with or without the prefix) and those whose visitor's name or email contains it. Each row
   * carries a bounded visitor summary, so a page's size does not depend on what visitors stored in their profiles
   * (issue 13).
   * @throws {ProblemError} 400 for a cursor this server did not make
   */
  async list(
    statuses: ConversationStatus[] | undefined,
    cursor: string | undefined,
    limit: number,
    query?: string,
  ): Promise<AgentConversationList> {
    const text = query?.trim();
    const page = await this.store.conversations.page({
      limit,
      ...(statuses ? { statuses } : {}),
      ...(cursor !== undefined ? { after: parseInboxCursor(cursor) } : {}),
      ...(text ? { text, ...referenceOf(text) } : {}),
    });
    const conversations: AgentConversation[] = [];
    for (const record of page.records) conversations.push(await this.views.conversation(this.store, record));
    const last = page.records.at(-1);
    return page.hasMore && last
      ? {
          conversations,
          nextCursor: formatInboxCursor({ updatedAt: last.conversation.updatedAt, id: last.conversation.id }),
        }
      : { conversations };
  }

  /** A visitor's whole profile, attributes included. @throws {ProblemError} 404 */
  async visitor(visitorId: string): Promise<AgentVisitor> {
    const record = await this.store.visitors.get(visitorId);
    if (!record) throw new ProblemError('not_found', `No visitor ${visitorId}.`);
    return this.views.visitorProfile(record);
  }

  /** One conversation as agents see it, with its ratings and NPS answers. @throws {ProblemError} 404 */
  async view(conversationId: string): Promise<AgentConversation> {
    return this.views.conversation(this.store, await existing(this.store, conversationId), undefined, true);
  }

  /** A page of any conversation. @throws {ProblemError} 404 */
  async page(conversationId: string, page: PageRequest): Promise<MessagePage> {
    await existing(this.store, conversationId);
    return this.store.messages.page(conversationId, page);
  }

  /** An agent's reply; the first agent to answer takes the conversation, a pending one becomes open. */
  async send(conversationId: string, send: AgentSend, account: AgentAccount): Promise<Message> {
    // One transaction: the message, the assignment or status change, and the events that report them.
    return this.store.transaction(async (transaction) => {
      const record = await existing(transaction, conversationId);
      const author = agentParticipant(this.sites.site(record.siteKey), account);
      const uploads =
        send.type === 'file' ? await ownedUploads(transaction, send.attachmentIds, account.id) : undefined;
      const appended = await appendMessage(transaction, conversationId, {
        author,
        type: send.type,
        ...(send.type !== 'card' && send.text !== undefined ? { text: send.text } : {}),
        ...(send.type === 'card' ? { card: send.card } : {}),
        ...(send.type !== 'file' && send.actions ? { actions: send.actions } : {}),
        ...(uploads ? { attachments: uploads } : {}),
      });
      const change: { assignee?: Participant; status?: ConversationStatus } = {};
      if (!record.conversation.assignee) change.assignee = author;
      if (record.conversation.status !== 'open') change.status = 'open';
      // A visitor who is away and left an email address gets the reply by email (batched, when mail is set up).
      await this.emails.afterAgentReply(transaction, record);
      const events = this.fanOut.in(transaction);
      if (Object.keys(change).length === 0) {
        await events.messageCreated(appended.conversation, appended.message);
        await events.agentConversationUpdated(appended.conversation, appended.message);
        return appended.message;
      }
      const changed = await transaction.conversations.update(conversationId, change);
      await events.messageCreated(changed, appended.message);
      await events.conversationUpdated(changed, appended.message);
      return appended.message;
    });
  }

  /** Live only: the visitor and the other agents see the agent typing. */
  async typing(conversationId: string, typing: boolean, account: AgentAccount): Promise<void> {
    const record = await existing(this.store, conversationId);
    const participant = agentParticipant(this.sites.site(record.siteKey), account);
    this.fanOut.typing(conversationId, participant, typing, record.visitorId);
  }

  /** Moves the agents' read position forward; the visitor hears of it (durably) when it moved. */
  async read(conversationId: string, seq: number): Promise<void> {
    await this.store.transaction(async (transaction) => {
      const before = await existing(transaction, conversationId);
      const after = await transaction.conversations.update(conversationId, { agentReadSeq: seq });
      if (after.conversation.agentReadSeq === before.conversation.agentReadSeq) return;
      const events = this.fanOut.in(transaction);
      await events.toVisitor(after.visitorId, 'read.updated', {
        conversationId,
        role: 'agent',
        seq: after.conversation.agentReadSeq,
      });
      await events.conversationUpdated(after);
    });
  }

  /** Resolves or reopens: an `event` line, then `conversation.updated`, after which the widget asks for a rating. */
  async setStatus(conversationId: string, status: 'resolved' | 'open'): Promise<Conversation> {
    return this.store.transaction(async (transaction) => {
      const record = await existing(transaction, conversationId);
      if (record.conversation.status === status) return record.conversation;
      const events = this.fanOut.in(transaction);
      // Taking a pending (handed-over) conversation is not "reopening" it: only changes to or from resolved
      // get a line in the conversation.
      if (status === 'open' && record.conversation.status === 'pending') {
        const taken = await transaction.conversations.update(conversationId, { status });
        await events.conversationUpdated(taken);
        return taken.conversation;
      }
      const visitor = (await transaction.visitors.get(record.visitorId)) as VisitorRecord;
      const locale = this.sites.visitorLocale(visitor);
      const line = await appendMessage(transaction, conversationId, {
        author: SYSTEM_PARTICIPANT,
        type: 'event',
        text: (status === 'resolved' ? RESOLVED_TEXT : REOPENED_TEXT)[locale],
      });
      const updated = await transaction.conversations.update(conversationId, { status });
      await events.messageCreated(updated, line.message);
      await events.conversationUpdated(updated, line.message);
      return updated.conversation;
    });
  }

  /** The agents' live stream: every agent event from now on. */
  subscribe(listener: EventListener): () => void {
    return this.hub.subscribeAgent(listener);
  }
}

/** The reference a search text stands for, when it can be one. */
function referenceOf(text: string): { reference?: string } {
  const reference = normalizeReference(text);
  return reference ? { reference } : {};
}

/** Any conversation, for agents. @throws {ProblemError} 404 */
async function existing(repositories: Repositories, conversationId: string): Promise<ConversationRecord> {
  const record = await repositories.conversations.get(conversationId);
  if (!record) throw new ProblemError('not_found', `No conversation ${conversationId}.`);
  return record;
}
