/**
 * One running task per key (one delivery per message, one gap fill per conversation): a call made while the task for
 * its key runs gets that task instead of starting a second one. Each purpose has its own, typed by what it is keyed
 * on, so nothing coordinates through made-up string keys.
 */
export interface SingleFlight<K, T> {
  run(key: K, task: () => Promise<T>): Promise<T>;
  /** The task running for `key`, if any. */
  running(key: K): Promise<T> | undefined;
}

export function createSingleFlight<K, T>(): SingleFlight<K, T> {
  const tasks = new Map<K, Promise<T>>();
  return {
    run(key, task) {
      let running = tasks.get(key);
      if (!running) {
        running = task().finally(() => tasks.delete(key));
        tasks.set(key, running);
      }
      return running;
    },
    running: (key) => tasks.get(key),
  };
}

/**
 * `task` once at a time (renewing the session, a resync, a flush of the outbox): a call made while it runs gets the
 * running one, whatever its own arguments.
 */
export function singleFlight<A extends unknown[], T>(
  task: (...args: A) => Promise<T>,
): (...args: A) => Promise<T> {
  let running: Promise<T> | undefined;
  return (...args) =>
    (running ??= task(...args).finally(() => {
      running = undefined;
    }));
}
