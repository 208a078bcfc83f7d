/** At most one "is typing" per participant and conversation this often; clients send one every 3 s. */
const TYPING_INTERVAL_MS = 2_000;
/** Entries older than this carry nothing a later decision needs. */
const FORGET_AFTER_MS = 10_000;
/** Past this many remembered typists, the old entries are dropped (memory stays bounded). */
const MAX_ENTRIES = 10_000;

/**
 * Decides which typing events are worth sending on (issue 13): a client may post typing as fast as the rate limit
 * lets it, but agents and visitors need at most one "typing" every two seconds, and a "stopped" only after a
 * "typing" they were sent. So a burst of any length, in any mix of true and false, reaches the streams as at most
 * two events per participant every two seconds.
 */
export class TypingThrottle {
  /** Per key: when "typing" last went out, and whether "stopped" has gone out since. */
  private readonly sent = new Map<string, { typingAt: number; typing: boolean }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** Whether this typing event of `key` (conversation and participant) goes out. */
  allow(key: string, typing: boolean): boolean {
    const now = this.clock();
    const last = this.sent.get(key);
    if (!typing) {
      // "Stopped" means something only to whoever was told "typing" (and was not told "stopped" since).
      if (!last?.typing) return false;
      last.typing = false;
      return true;
    }
    if (last !== undefined && now - last.typingAt < TYPING_INTERVAL_MS) return false;
    this.sent.set(key, { typingAt: now, typing: true });
    if (this.sent.size > MAX_ENTRIES) this.forgetOld(now);
    return true;
  }

  private forgetOld(now: number): void {
    for (const [key, entry] of this.sent) {
      if (now - entry.typingAt > FORGET_AFTER_MS) this.sent.delete(key);
    }
  }
}
