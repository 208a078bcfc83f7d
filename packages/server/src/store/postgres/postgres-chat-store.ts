import type { Message } from '@sapa/protocol';
import { type Notification, sendNotifications } from '../../cluster/postgres-notifications.js';
import type { ChatStore, Repositories, Transaction } from '../chat-store.js';
import { TrimSchedule } from '../sqlite/sqlite-trim-schedule.js';
import { PostgresAgents } from './postgres-agents.js';
import { PostgresCampaignSends } from './postgres-campaign-sends.js';
import { PostgresConnection, type PostgresRunner } from './postgres-connection.js';
import { PostgresConversationEmails } from './postgres-conversation-emails.js';
import { PostgresConversations } from './postgres-conversations.js';
import { PostgresFeedback } from './postgres-feedback.js';
import { PostgresMessages } from './postgres-messages.js';
import { migratePostgres } from './postgres-migrations.js';
import { PostgresScheduledSends } from './postgres-scheduled-sends.js';
import { PostgresSessions } from './postgres-sessions.js';
import { PostgresTrackedEvents } from './postgres-tracked-events.js';
import { PostgresUploads } from './postgres-uploads.js';
import { PostgresVisitorEvents } from './postgres-visitor-events.js';
import { PostgresVisitors } from './postgres-visitors.js';

/** Options of {@link PostgresChatStore.open}. */
export interface PostgresStoreOptions {
  /** The server's clock, written in every `*_at` column. Default the system clock. */
  now?: () => Date;
  /** Connections at most. Default 10. */
  maxConnections?: number;
}

/**
 * The store for many servers on one database (issue 14): every table's repository on a `pg` pool. Nothing
 * about rows is kept in memory between calls (other servers change them); what the services need to be
 * consistent across servers is in the database: a conversation's next seq is taken under its row lock, a
 * visitor's next event cursor under the visitor's advisory lock, migrations under a lock of their own.
 *
 * @example
 * const store = await PostgresChatStore.open('postgres://sapa@db.internal/sapa');
 * const visitor = await store.visitors.get('v_…');
 */
export class PostgresChatStore implements ChatStore {
  publicUrl = '';
  readonly visitors;
  readonly sessions;
  readonly conversations;
  readonly messages;
  readonly uploads;
  readonly events;
  readonly campaignSends;
  readonly feedback;
  readonly trackedEvents;
  readonly scheduledSends;
  readonly conversationEmails;
  readonly agents;
  /** The row key of each message stored by this process, so the event about it refers to it at no cost. */
  private readonly messageKeys = new WeakMap<Message, number>();
  private readonly trims = new TrimSchedule();

  /** Connects to the database at `url` (`postgres://…`) and runs the migrations it has not had yet. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresChatStore> {
    const connection = new PostgresConnection(url, options.now, options.maxConnections);
    try {
      await migratePostgres(connection.pool);
    } catch (error) {
      await connection.close();
      throw error;
    }
    return new PostgresChatStore(connection);
  }

  private constructor(readonly connection: PostgresConnection) {
    const direct = this.repositories(connection.direct);
    this.visitors = direct.visitors;
    this.sessions = direct.sessions;
    this.conversations = direct.conversations;
    this.messages = direct.messages;
    this.uploads = direct.uploads;
    this.events = direct.events;
    this.campaignSends = direct.campaignSends;
    this.feedback = direct.feedback;
    this.trackedEvents = direct.trackedEvents;
    this.scheduledSends = direct.scheduledSends;
    this.conversationEmails = direct.conversationEmails;
    this.agents = direct.agents;
  }

  now(): string {
    return this.connection.now();
  }

  transaction<T>(work: (transaction: Transaction) => Promise<T>): Promise<T> {
    return this.connection.transaction(async (run, afterCommit) => {
      const notifications: Notification[] = [];
      const value = await work({
        ...this.repositories(run),
        afterCommit: (callback) => afterCommit.push(callback),
        notify: (channel, payload) => notifications.push({ channel, payload }),
      });
      // Sent last, in the transaction: PostgreSQL delivers them when it commits (issue 14).
      await sendNotifications(run, notifications);
      return value;
    });
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  private repositories(run: PostgresRunner) {
    const connection = this.connection;
    const publicUrl = () => this.publicUrl;
    return {
      visitors: new PostgresVisitors(connection, run),
      sessions: new PostgresSessions(connection, run),
      conversations: new PostgresConversations(connection, run),
      messages: new PostgresMessages(run, publicUrl, this.messageKeys),
      uploads: new PostgresUploads(run),
      events: new PostgresVisitorEvents(run, publicUrl, this.messageKeys, this.trims),
      campaignSends: new PostgresCampaignSends(run),
      feedback: new PostgresFeedback(connection, run),
      trackedEvents: new PostgresTrackedEvents(connection, run),
      scheduledSends: new PostgresScheduledSends(run),
      conversationEmails: new PostgresConversationEmails(run),
      agents: new PostgresAgents(run),
    } satisfies Repositories;
  }
}
