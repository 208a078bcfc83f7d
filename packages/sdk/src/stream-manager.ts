import { backoffDelay } from './backoff.js';
import type { HttpError, SapaError } from './errors.js';
import { openEventStream, type RawStreamEvent } from './event-stream.js';
import { isOnline as defaultIsOnline } from './network-status.js';
import type { ConnectionState } from './types.js';

export interface StreamManagerOptions {
  /** `${apiUrl}/v1`. */
  baseUrl: string;
  fetch: typeof fetch;
  getToken: () => string | undefined;
  /** The cursor of the last applied event. */
  getCursor: () => string | undefined;
  /** Re-creates the session after a 401. */
  renewSession: (rejectedToken: string | undefined) => Promise<unknown>;
  onEvent: (event: RawStreamEvent) => void;
  onStatus: (connection: ConnectionState) => void;
  /** After the stream opened: flush the outbox, fill gaps. */
  onOpen: () => void;
  /** 410: resync over REST; must leave a fresh cursor behind. */
  onGone: () => Promise<void>;
  /** A non-retryable answer: the stream stops. */
  onFatal: (error: HttpError) => void;
  /** Every failed attempt, for `lastError`. */
  onFailure?: (error: SapaError, waitMs: number) => void;
  random?: () => number;
  silenceTimeoutMs?: number;
  isOnline?: () => boolean;
}

export interface StreamManager {
  readonly isRunning: boolean;
  start(): void;
  stop(): void;
  /** The browser went offline: drop the connection and wait for {@link StreamManager.online}. */
  goOffline(): void;
  /** Back online: reconnect now instead of waiting out the backoff. */
  online(): void;
  /** Drops the current connection and reconnects at once (for example after a session was re-created elsewhere). */
  restart(): void;
}

/**
 * Owns the stream's life: one connection at a time, reconnecting with full-jitter backoff (1 s base, 30 s cap) or
 * `Retry-After`, re-creating the session on 401, resyncing on 410, pausing while offline, and stopping on other 4xx.
 */
export function createStreamManager(options: StreamManagerOptions): StreamManager {
  const { onStatus, onFailure, random, isOnline = defaultIsOnline } = options;
  let running = false;
  let offline = false;
  let close: (() => void) | undefined;
  let wake: (() => void) | undefined;
  const isOffline = () => offline || !isOnline();
  /** Drops the connection (if any) and ends a wait. */
  const interrupt = () => {
    close?.();
    wake?.();
  };

  /** Waits `ms`, or until woken (stop, online, restart) while online. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = () => {
        if (!running || !isOffline()) done();
      };
    });

  const run = async () => {
    let attempt = 0;
    let renewed = false;
    let status: ConnectionState = 'connecting';
    while (running) {
      if (isOffline()) {
        onStatus('offline');
        // The longest timer there is: the `online` event wakes it much sooner.
        await sleep(2 ** 31 - 1);
        continue;
      }
      onStatus(status);
      status = 'reconnecting';
      const token = options.getToken();
      const cursor = options.getCursor();
      const handle = openEventStream({
        // fetch, silenceTimeoutMs and onEvent as given.
        ...options,
        url: `${options.baseUrl}/stream${cursor ? `?after=${encodeURIComponent(cursor)}` : ''}`,
        token: token ?? '',
        onOpen: () => {
          attempt = 0;
          renewed = false;
          onStatus('open');
          options.onOpen();
        },
      });
      close = handle.close;
      const end = await handle.done;
      close = undefined;
      if (!running) return;
      let error: SapaError | undefined;
      let wait: number | undefined;
      try {
        if (end.kind === 'aborted') continue;
        if (end.kind === 'fatal') {
          running = false;
          options.onFatal(end.error);
          onStatus('idle');
          return;
        }
        if (end.kind === 'gone') {
          await options.onGone();
          continue;
        }
        if (end.kind === 'unauthorized') {
          if (!renewed) {
            renewed = true;
            await options.renewSession(token);
            continue;
          }
        } else {
          error = end.error;
          // Only a refused opening (`retry`) carries a Retry-After.
          wait = (end as { retryAfterMs?: number }).retryAfterMs;
        }
      } catch (failure) {
        error = failure as SapaError;
      }
      wait ??= backoffDelay(attempt++, random);
      if (error) onFailure?.(error, wait);
      if (!running) return;
      onStatus(isOffline() ? 'offline' : 'reconnecting');
      await sleep(wait);
    }
  };

  return {
    get isRunning() {
      return running;
    },
    start() {
      if (!running) {
        running = true;
        void run();
      }
    },
    stop() {
      running = false;
      interrupt();
    },
    goOffline() {
      offline = true;
      interrupt();
    },
    online() {
      offline = false;
      wake?.();
    },
    restart: interrupt,
  };
}
