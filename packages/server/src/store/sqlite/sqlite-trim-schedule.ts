import { RecentMap } from './sqlite-recent-map.js';

/**
 * When each visitor's event log is due for a trim (issue 14). Trimming after every append (find the event
 * `retention` places back, delete what is older) costs a query per event; instead a visitor's log is trimmed
 * on its first append seen by this process and then once every `every` appends, so it holds at most
 * `retention + every - 1` events. Counts live in memory, for the most recently active visitors only: a
 * visitor forgotten here is trimmed on their next append, as after a restart.
 */
export class TrimSchedule {
  private readonly appends: RecentMap<string, number>;

  constructor(
    /** Visitors remembered at most. */
    limit = 50_000,
  ) {
    this.appends = new RecentMap(limit);
  }

  /** Counts an append to the visitor's log; true when the log is due for a trim now. */
  due(visitorId: string, every: number): boolean {
    const counted = this.appends.get(visitorId);
    const due = counted === undefined || counted + 1 >= every;
    this.appends.set(visitorId, due ? 0 : (counted as number) + 1);
    return due;
  }
}
