/**
 * The newest event cursor handed out, kept in memory (issue 14): taking a cursor costs no statement, and
 * `visitor_event_head` is written once per commit instead of once per event. Only this process writes the
 * database, so the row is read once; the position only moves forward, and a cursor taken by a transaction
 * that rolled back is skipped (cursors need not be gapless, only ordered).
 */
export class EventHead {
  private position: number | undefined;
  private stored: number | undefined;
  private writing: number | undefined;

  /** The newest position, reading the row the first time. */
  current(read: () => number): number {
    this.position ??= read();
    this.stored ??= this.position;
    return this.position;
  }

  /** Takes the next position. */
  take(read: () => number): number {
    this.position = this.current(read) + 1;
    return this.position;
  }

  /** The position to write before a commit, if it moved since the last committed write. */
  toWrite(): number | undefined {
    this.writing = this.position !== this.stored ? this.position : undefined;
    return this.writing;
  }

  /** The commit that wrote `toWrite()` succeeded. */
  committed(): void {
    if (this.writing !== undefined) this.stored = this.writing;
    this.writing = undefined;
  }
}
