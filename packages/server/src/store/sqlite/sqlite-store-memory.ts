import type { Message } from '@sapa/protocol';
import type { ConversationRecord, VisitorRecord } from '../records.js';
import { EventHead } from './sqlite-event-head.js';
import { RowCache } from './sqlite-row-cache.js';
import { TrimSchedule } from './sqlite-trim-schedule.js';
import { UnreadCounts } from './sqlite-unread-counts.js';

/** A session as the store finds it by token. */
export interface SessionRecord {
  visitorId: string;
  expiresAt: string;
}

/**
 * What the SQLite repositories keep in memory between calls (issue 14), each bounded to the most recently used
 * entries: records of the rows every request reads, unread counts, when each event log is due for a trim, and
 * the newest event cursor.
 * Every write to a cached table goes through its repository, which updates or drops the record; a write added
 * later must do the same.
 */
export class SqliteStoreMemory {
  /** By token. */
  readonly sessions = new RowCache<SessionRecord>(5_000);
  readonly visitors = new RowCache<VisitorRecord>(5_000);
  readonly conversations = new RowCache<ConversationRecord>(5_000);
  readonly unreadCounts = new UnreadCounts();
  readonly trims = new TrimSchedule();
  readonly eventHead = new EventHead();
  /** The row key of each message stored by this process, for the event that refers to it. */
  messageKeys = new WeakMap<Message, number>();

  /** Changes were rolled back: every record or count may show what no longer is. */
  forgetRows(): void {
    this.sessions.clear();
    this.visitors.clear();
    this.conversations.clear();
    this.unreadCounts.clear();
    this.messageKeys = new WeakMap();
  }
}
