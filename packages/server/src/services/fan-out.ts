import type { Message, Participant, StreamEventMap, Visitor } from '@sapa/protocol';
import type { EventBus } from '../cluster/event-bus.js';
import type { Presence } from '../cluster/presence.js';
import { CLOSE_STREAM_EVENT } from '../event-hub.js';
import type { ChatStore, Transaction } from '../store/chat-store.js';
import type { ConversationRecord, MessageEventType, VisitorRecord } from '../store/records.js';
import type { AgentViews } from './agent-views.js';
import { TypingThrottle } from './typing-throttle.js';

/**
 * Who hears about a change: the visitor's streams through the durable event log (replayed after a
 * reconnect) and the agents' streams live, on whichever node holds them (the {@link EventBus}). A change's
 * durable events are appended in the transaction that makes the change, so both land or neither does;
 * everything is published live after that transaction commits, in commit order.
 */
export class FanOut {
  private readonly typingThrottle = new TypingThrottle();

  constructor(
    private readonly store: ChatStore,
    private readonly bus: EventBus,
    private readonly presence: Presence,
    private readonly views: AgentViews,
    /** Durable events kept per visitor; older cursors get 410. */
    private readonly retention: number,
  ) {}

  /** The events of one transaction; call it once per transaction. */
  in(transaction: Transaction): TransactionEvents {
    return new TransactionEvents(transaction, this.bus, this.presence, this.views, this.retention);
  }

  /**
   * Typing is live only: to the agents, and to the visitor too when an agent types. Throttled per participant and
   * conversation, whatever the client sends.
   */
  typing(conversationId: string, participant: Participant, typing: boolean, visitorId?: string): void {
    if (!this.typingThrottle.allow(`${conversationId} ${participant.role}:${participant.id}`, typing)) return;
    const event = { type: 'typing', data: JSON.stringify({ conversationId, participant, typing }) };
    if (visitorId !== undefined) this.bus.publishToVisitor(visitorId, event);
    this.bus.publishToAgents(event);
  }

  /**
   * Tells this node's agents that visitors went away with a node that stopped (every node learns it by itself,
   * so each tells only its own agents).
   */
  async visitorsLeftWithNode(visitorIds: string[]): Promise<void> {
    if (!this.presence.agentsOnline()) return;
    for (const visitorId of visitorIds) {
      const record = await this.store.visitors.get(visitorId);
      if (record) this.bus.publishToAgentsHere(visitorUpdated(this.views, record));
    }
  }

  /** Tells agents a visitor came online or went away (their first stream opened or last one closed). */
  async visitorPresenceChanged(visitorId: string): Promise<void> {
    if (!this.presence.agentsOnline()) return;
    const record = await this.store.visitors.get(visitorId);
    if (record) this.bus.publishToAgents(visitorUpdated(this.views, record));
  }
}

function visitorUpdated(views: AgentViews, record: VisitorRecord) {
  return { type: 'visitor.updated', data: JSON.stringify({ visitor: views.visitorSummary(record) }) };
}

/** One transaction's events: durable ones are appended in it; all of them leave when it commits. */
export class TransactionEvents {
  constructor(
    private readonly transaction: Transaction,
    private readonly bus: EventBus,
    private readonly presence: Presence,
    private readonly views: AgentViews,
    private readonly retention: number,
  ) {}

  /** Appends an event to the visitor's log (with a cursor) and sends it to their open streams after commit. */
  async toVisitor<K extends Exclude<keyof StreamEventMap, MessageEventType>>(
    visitorId: string,
    type: K,
    data: StreamEventMap[K],
  ): Promise<void> {
    const json = JSON.stringify(data);
    const cursor = await this.transaction.events.append(visitorId, { type, data: json }, this.retention);
    this.bus.toVisitor(this.transaction, visitorId, { type, id: cursor, data: json });
  }

  /** Sends a live-only event to the agents after commit. */
  toAgents(type: string, data: unknown): void {
    // Nobody to tell: skip the JSON (an agent who connects later loads the inbox over REST).
    if (!this.presence.agentsOnline()) return;
    this.bus.toAgents(this.transaction, { type, data: JSON.stringify(data) });
  }

  /**
   * A new message: durable `message.created` for the visitor (the log refers to the stored message), live
   * for the agents. The message is turned into JSON once for both.
   */
  async messageCreated(record: ConversationRecord, message: Message): Promise<void> {
    const cursor = await this.transaction.events.append(
      record.visitorId,
      { type: 'message.created', message },
      this.retention,
    );
    const messageJson = JSON.stringify(message);
    const visitorJson = `{"message":${messageJson}}`;
    this.bus.toVisitor(this.transaction, record.visitorId, {
      type: 'message.created',
      id: cursor,
      data: visitorJson,
    });
    if (!this.presence.agentsOnline()) return;
    // The same text as JSON.stringify({ conversationId, message }).
    const agentJson = `{"conversationId":${JSON.stringify(message.conversationId)},"message":${messageJson}}`;
    this.bus.toAgents(this.transaction, { type: 'message.created', data: agentJson });
  }

  /**
   * A conversation changed in a way the visitor sees: durable `conversation.updated`, and the agents'
   * view of it. `lastMessage` saves a read when the change came with a new message.
   */
  async conversationUpdated(
    record: ConversationRecord,
    lastMessage?: Message,
    withFeedback = false,
  ): Promise<void> {
    await this.toVisitor(record.visitorId, 'conversation.updated', { conversation: record.conversation });
    await this.agentConversationUpdated(record, lastMessage, withFeedback);
  }

  /**
   * A change only agents see (a new last message, their unread count, feedback): their view of the conversation,
   * with its feedback when `withFeedback`.
   */
  async agentConversationUpdated(
    record: ConversationRecord,
    lastMessage?: Message,
    withFeedback = false,
  ): Promise<void> {
    if (!this.presence.agentsOnline()) return;
    const view = await this.views.conversation(this.transaction, record, lastMessage, withFeedback);
    this.toAgents('conversation.updated', { conversation: view });
  }

  /** The visitor as it is now in this transaction, told to the agents as `visitor.updated`. */
  async visitorUpdated(visitorId: string): Promise<Visitor> {
    const record = (await this.transaction.visitors.get(visitorId)) as VisitorRecord;
    if (this.presence.agentsOnline()) this.bus.toAgents(this.transaction, visitorUpdated(this.views, record));
    return record.visitor;
  }

  /** Ends the visitor's open streams after commit (their token now belongs to another visitor). */
  closeVisitorStreams(visitorId: string): void {
    this.bus.toVisitor(this.transaction, visitorId, { type: CLOSE_STREAM_EVENT, data: '{}' });
  }
}
