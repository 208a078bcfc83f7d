import type { SqliteDatabase } from '../../database.js';
import type { ChatStore, Repositories, Transaction } from '../chat-store.js';
import { SqliteAgents } from './sqlite-agents.js';
import { SqliteCampaignSends } from './sqlite-campaign-sends.js';
import { type CheckpointOptions, SqliteCheckpoints } from './sqlite-checkpoints.js';
import { type Runner, SqliteConnection } from './sqlite-connection.js';
import { SqliteConversationEmails } from './sqlite-conversation-emails.js';
import { SqliteConversations } from './sqlite-conversations.js';
import { SqliteFeedback } from './sqlite-feedback.js';
import { SqliteMessages } from './sqlite-messages.js';
import { SqliteScheduledSends } from './sqlite-scheduled-sends.js';
import { SqliteSessions } from './sqlite-sessions.js';
import { SqliteStoreMemory } from './sqlite-store-memory.js';
import { SqliteTrackedEvents } from './sqlite-tracked-events.js';
import { SqliteUploads } from './sqlite-uploads.js';
import { SqliteVisitorEvents } from './sqlite-visitor-events.js';
import { SqliteVisitors } from './sqlite-visitors.js';

/**
 * The embedded store: every table's repository on one better-sqlite3 connection (see
 * {@link SqliteConnection} for how asynchronous transactions stay correct on it and share commits), WAL
 * checkpoints on a worker thread ({@link SqliteCheckpoints}), and what the repositories keep in memory
 * between calls ({@link SqliteStoreMemory}: dropped on every rollback).
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
  private readonly checkpoints: SqliteCheckpoints | undefined;
  private readonly memory = new SqliteStoreMemory();

  /**
   * `now` is the server's clock, written in every `*_at` column (default: the system clock); `checkpoints` tunes
   * the checkpoint worker (tests).
   */
  constructor(database: SqliteDatabase, now?: () => Date, options: { checkpoints?: CheckpointOptions } = {}) {
    this.connection = new SqliteConnection(database, now);
    this.connection.onRollback(() => this.memory.forgetRows());
    const eventHead = this.memory.eventHead;
    this.connection.onBeforeCommit(() => {
      const position = eventHead.toWrite();
      if (position !== undefined)
        this.connection.sql('UPDATE visitor_event_head SET position = ?').run(position);
    });
    this.connection.onCommit(() => eventHead.committed());
    if (!database.memory) {
      const checkpoints = new SqliteCheckpoints(database.name, options.checkpoints);
      database.pragma('wal_autocheckpoint = 0');
      this.connection.onCommit(() => checkpoints.committed());
      let restarting = false;
      checkpoints.onLongWal(() => {
        if (restarting) return;
        restarting = true;
        this.connection
          .betweenCommits(() => checkpoints.catchUp())
          .catch(() => {})
          .finally(() => {
            restarting = false;
          });
      });
      this.checkpoints = checkpoints;
    }
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
      work({
        ...this.repositories(run),
        afterCommit: (callback) => afterCommit.push(callback),
        // One process on one file: nobody else to notify.
        notify: () => {},
      }),
    );
  }

  async close(): Promise<void> {
    // The worker's connection closes first, so the server's close (the last one) can checkpoint the WAL away.
    await this.checkpoints?.stop();
    await this.connection.close();
  }

  private repositories(run: Runner) {
    const connection = this.connection;
    const publicUrl = () => this.publicUrl;
    return {
      visitors: new SqliteVisitors(connection, run, this.memory),
      sessions: new SqliteSessions(connection, run, this.memory),
      conversations: new SqliteConversations(connection, run, this.memory),
      messages: new SqliteMessages(connection, run, publicUrl, this.memory),
      uploads: new SqliteUploads(connection, run),
      events: new SqliteVisitorEvents(connection, run, publicUrl, this.memory),
      campaignSends: new SqliteCampaignSends(connection, run),
      feedback: new SqliteFeedback(connection, run),
      trackedEvents: new SqliteTrackedEvents(connection, run),
      scheduledSends: new SqliteScheduledSends(connection, run),
      conversationEmails: new SqliteConversationEmails(connection, run),
      agents: new SqliteAgents(connection, run),
    } satisfies Repositories;
  }
}
