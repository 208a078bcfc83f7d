import type { SqliteDatabase } from '../../database.js';
import type { ChatStore, Repositories, Transaction } from '../chat-store.js';
import { SqliteAgents } from './sqlite-agents.js';
import { SqliteCampaignSends } from './sqlite-campaign-sends.js';
import { type Runner, SqliteConnection } from './sqlite-connection.js';
import { SqliteConversationEmails } from './sqlite-conversation-emails.js';
import { SqliteConversations } from './sqlite-conversations.js';
import { SqliteFeedback } from './sqlite-feedback.js';
import { SqliteMessages } from './sqlite-messages.js';
import { SqliteScheduledSends } from './sqlite-scheduled-sends.js';
import { SqliteSessions } from './sqlite-sessions.js';
import { SqliteTrackedEvents } from './sqlite-tracked-events.js';
import { SqliteUploads } from './sqlite-uploads.js';
import { SqliteVisitorEvents } from './sqlite-visitor-events.js';
import { SqliteVisitors } from './sqlite-visitors.js';

/**
 * The embedded store: every table's repository on one better-sqlite3 connection (see
 * {@link SqliteConnection} for how asynchronous transactions stay correct on it).
 *
 * @example
 * const store = new SqliteChatStore(openDatabase('./.sapa/sapa.db'));
 * const visitor = await store.visitors.get('v_…');
 */
export class SqliteChatStore implements ChatStore {
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
  private readonly connection: SqliteConnection;

  /** `now` is the server's clock, written in every `*_at` column (default: the system clock). */
  constructor(database: SqliteDatabase, now?: () => Date) {
    this.connection = new SqliteConnection(database, now);
    const direct = this.repositories(this.connection.direct);
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
    return this.connection.transaction((run, afterCommit) =>
      work({ ...this.repositories(run), afterCommit: (callback) => afterCommit.push(callback) }),
    );
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  private repositories(run: Runner) {
    const connection = this.connection;
    return {
      visitors: new SqliteVisitors(connection, run),
      sessions: new SqliteSessions(connection, run),
      conversations: new SqliteConversations(connection, run),
      messages: new SqliteMessages(connection, run, () => this.publicUrl),
      uploads: new SqliteUploads(connection, run),
      events: new SqliteVisitorEvents(connection, run),
      campaignSends: new SqliteCampaignSends(connection, run),
      feedback: new SqliteFeedback(connection, run),
      trackedEvents: new SqliteTrackedEvents(connection, run),
      scheduledSends: new SqliteScheduledSends(connection, run),
      conversationEmails: new SqliteConversationEmails(connection, run),
      agents: new SqliteAgents(connection, run),
    } satisfies Repositories;
  }
}
