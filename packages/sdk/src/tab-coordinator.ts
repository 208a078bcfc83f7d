/** Minimal shape of the Web Locks API, which not every TypeScript lib ships. */
interface LockManagerLike {
  request(name: string, options: { signal?: AbortSignal }, callback: () => Promise<void>): Promise<void>;
}

const lockManager = () => (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;

/** Runs `task` holding the named Web Lock, so tabs take turns; runs it at once where Web Locks are missing. */
export async function withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
  let result: Promise<T> | undefined;
  await lockManager()?.request(name, {}, async () => {
    result = task();
    await result.catch(() => {});
  });
  return result ?? task();
}

export interface TabCoordinatorOptions {
  /** Lock and channel name, one per site and backend. */
  name: string;
  /** This tab now holds the stream and flushes the outbox. */
  onLeader: () => void;
  /** A message from another tab. */
  onMessage: (message: unknown) => void;
}

export interface TabCoordinator {
  start(): void;
  stop(): void;
  /** Sends a message to the other tabs; nothing in single-tab mode. */
  broadcast(message: unknown): void;
  /** True while another tab holds the stream (never in single-tab mode). */
  isFollower(): boolean;
}

/**
 * Leader election and relay between the tabs of one site: the tab holding the Web Lock runs the stream and flushes
 * the outbox; a BroadcastChannel carries its state changes to the other tabs. When the leader's tab closes the
 * browser releases its lock and the next waiting tab becomes leader. Without Web Locks or BroadcastChannel every
 * tab is its own leader (single-tab mode); correctness never depends on there being one leader, since sends are
 * idempotent.
 */
export function createTabCoordinator({ name, onLeader, onMessage }: TabCoordinatorOptions): TabCoordinator {
  let channel: BroadcastChannel | undefined;
  let abort: AbortController | undefined;
  let release: (() => void) | undefined;
  let leader = false;
  const becomeLeader = () => {
    leader = true;
    onLeader();
  };
  return {
    start() {
      const locks = lockManager();
      try {
        if (locks) channel = new BroadcastChannel(name);
      } catch {
        // No BroadcastChannel (or a sandbox refusing it): single-tab mode.
      }
      if (!channel) return becomeLeader();
      channel.onmessage = (event) => onMessage(event.data);
      abort = new AbortController();
      (locks as LockManagerLike)
        .request(name, { signal: abort.signal }, () => {
          becomeLeader();
          // Held until this tab stops or closes.
          return new Promise<void>((resolve) => {
            release = resolve;
          });
        })
        .catch(() => {
          // Aborted while waiting: this tab stopped before it became leader.
        });
    },
    stop() {
      abort?.abort();
      release?.();
      channel?.close();
      channel = release = undefined;
      leader = false;
    },
    broadcast(message) {
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel during unload: the other tabs resync from storage and the stream.
      }
    },
    isFollower: () => !!channel && !leader,
  };
}
