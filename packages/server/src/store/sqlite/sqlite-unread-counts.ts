import { RecentMap } from './sqlite-recent-map.js';

/** One conversation's count: visitor messages after `readSeq`, counted through `throughSeq`. */
interface UnreadCount {
  readSeq: number;
  throughSeq: number;
  count: number;
}

/**
 * The agents' unread counts, kept per conversation in memory (issue 14): the agents' view of a conversation
 * goes out with every message while an agent is connected, and counting the unread messages in SQL each time
 * grows with the conversation. A count is read once, then moved on by every message stored after it, and
 * read again when the agents' read position moves. The store drops them all whenever changes roll back.
 */
export class UnreadCounts {
  private readonly counts: RecentMap<string, UnreadCount>;

  constructor(
    /** Conversations remembered at most; the least recently set is forgotten (and counted again when asked). */
    limit = 10_000,
  ) {
    this.counts = new RecentMap(limit);
  }

  /** The count after `readSeq`, when known. */
  get(conversationId: string, readSeq: number): number | undefined {
    const known = this.counts.get(conversationId);
    return known?.readSeq === readSeq ? known.count : undefined;
  }

  /** Remembers a count made in SQL: `count` visitor messages after `readSeq`, up to `throughSeq`. */
  set(conversationId: string, readSeq: number, throughSeq: number, count: number): void {
    this.counts.set(conversationId, { readSeq, throughSeq, count });
  }

  /** A message was stored at `seq`; a count that reached the seq before it moves on, any other is dropped. */
  stored(conversationId: string, seq: number, authorRole: string): void {
    const known = this.counts.get(conversationId);
    if (!known) return;
    if (known.throughSeq !== seq - 1) {
      this.counts.delete(conversationId);
      return;
    }
    known.throughSeq = seq;
    if (authorRole === 'visitor' && seq > known.readSeq) known.count++;
  }

  /** Forgets every count (changes were rolled back). */
  clear(): void {
    this.counts.clear();
  }
}
