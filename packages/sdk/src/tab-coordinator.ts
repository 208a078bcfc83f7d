/** Minimal shapes of the Web Locks API, which not every TypeScript lib ships. */
interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<void>;
  request(name: string, callback: () => Promise<void>): Promise<void>;
}

function lockManager(): LockManagerLike | undefined {
  const navigatorObject = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return navigatorObject?.locks && typeof navigatorObject.locks.request === 'function'
    ? navigatorObject.locks
    : undefined;
}

/** Runs `task` holding the named Web Lock, so tabs take turns; runs it at once where Web Locks are missing. */
export async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  const locks = lockManager();
  if (!locks) return task();
  let result: T | undefined;
  await locks.request(name, async () => {
    result = await task();
  });
  return result as T;
}

export interface TabCoordinatorOptions {
  /** Lock and channel name, one per site and backend. */
  name: string;
  /** This tab now holds the stream and flushes the outbox. */
  onLeader: () => void;
  /** A message from another tab. */
  onMessage: (message: unknown) => void;
}

/**
 * Leader election and relay between the tabs of one site: the tab holding the Web Lock runs the stream and flushes
 * the outbox; a BroadcastChannel carries its state changes to the other tabs. When the leader's tab closes the
 * browser releases its lock and the next waiting tab becomes leader. Without Web Locks or BroadcastChannel every
 * tab is its own leader (single-tab mode); correctness never depends on there being one leader, since sends are
 * idempotent.
 */
export class TabCoordinator {
  private readonly options: TabCoordinatorOptions;
  private channel: BroadcastChannel | undefined;
  private abort: AbortController | undefined;
  private release: (() => void) | undefined;
  leader = false;
  /** `shared`: Web Locks and BroadcastChannel work; `single`: this tab stands alone. */
  mode: 'shared' | 'single' = 'single';

  constructor(options: TabCoordinatorOptions) {
    this.options = options;
  }

  start(): void {
    const locks = lockManager();
    const Channel = (globalThis as { BroadcastChannel?: typeof BroadcastChannel }).BroadcastChannel;
    if (!locks || !Channel) {
      this.mode = 'single';
      this.becomeLeader();
      return;
    }
    try {
      this.channel = new Channel(this.options.name);
    } catch {
      this.mode = 'single';
      this.becomeLeader();
      return;
    }
    this.mode = 'shared';
    this.channel.onmessage = (event: MessageEvent) => this.options.onMessage(event.data);
    this.abort = new AbortController();
    locks
      .request(this.options.name, { signal: this.abort.signal }, () => {
        this.becomeLeader();
        // Held until this tab stops or closes.
        return new Promise<void>((resolve) => {
          this.release = resolve;
        });
      })
      .catch(() => {
        // Aborted while waiting: this tab stopped before it became leader.
      });
  }

  /** Sends a message to the other tabs; nothing in single-tab mode. */
  broadcast(message: unknown): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel during unload: the other tabs resync from storage and the stream.
    }
  }

  stop(): void {
    this.abort?.abort();
    this.release?.();
    this.release = undefined;
    this.channel?.close();
    this.channel = undefined;
    this.leader = false;
  }

  private becomeLeader(): void {
    this.leader = true;
    this.options.onLeader();
  }
}
