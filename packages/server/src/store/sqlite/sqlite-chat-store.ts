import type { SqliteDatabase } from '../../database.js';
import type { ChatStore, Repositories, Transaction } from '../chat-store.js';
import { SqliteAgents } from './sqlite-agents.js';
import { SqliteCampaignDeliveries } from './sqlite-campaign-deliveries.js';
import { type Runner, SqliteConnection } from './sqlite-connection.js';
import { SqliteConversations } from './sqlite-conversations.js';
import { SqliteMessages } from './sqlite-messages.js';
import { SqliteSessions } from './sqlite-sessions.js';
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
  readonly campaignDeliveries;
  readonly agents;
  private readonly connection: SqliteConnection;

  constructor(database: SqliteDatabase) {
    this.connection = new SqliteConnection(database);
    const direct = this.repositories(this.connection.direct);
    this.visitors = direct.visitors;
    this.sessions = direct.sessions;
    this.conversations = direct.conversations;
    this.messages = direct.messages;
    this.uploads = direct.uploads;
    this.events = direct.events;
    this.campaignDeliveries = direct.campaignDeliveries;
    this.agents = direct.agents;
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
      campaignDeliveries: new SqliteCampaignDeliveries(connection, run),
      agents: new SqliteAgents(connection, run),
    } satisfies Repositories;
  }
}
