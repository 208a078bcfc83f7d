import { backoffDelay } from './backoff.js';
import type { HttpError, SapaError } from './errors.js';
import {
  type EventStreamHandle,
  openEventStream,
  type RawStreamEvent,
  type StreamEnd,
} from './event-stream.js';
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

/**
 * Owns the stream's life: one connection at a time, reconnecting with full-jitter backoff (1 s base, 30 s cap) or
 * `Retry-After`, re-creating the session on 401, resyncing on 410, pausing while offline, and stopping on other 4xx.
 */
export class StreamManager {
  private readonly options: StreamManagerOptions;
  private running = false;
  private current: EventStreamHandle | undefined;
  private wake: (() => void) | undefined;
  private offline = false;
  /** Connection attempts made, for tests and figures. */
  attempts = 0;

  constructor(options: StreamManagerOptions) {
    this.options = options;
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.run();
  }

  stop(): void {
    this.running = false;
    this.current?.close();
    this.wake?.();
  }

  /** The browser went offline: drop the connection and wait for {@link online}. */
  goOffline(): void {
    this.offline = true;
    this.current?.close();
    this.wake?.();
  }

  /** Back online: reconnect now instead of waiting out the backoff. */
  online(): void {
    this.offline = false;
    this.wake?.();
  }

  /** Drops the current connection and reconnects at once (for example after a session was re-created elsewhere). */
  restart(): void {
    this.current?.close();
    this.wake?.();
  }

  private isOffline(): boolean {
    return this.offline || !(this.options.isOnline ?? defaultIsOnline)();
  }

  private async run(): Promise<void> {
    const options = this.options;
    let attempt = 0;
    let renewed = false;
    let first = true;
    while (this.running) {
      if (this.isOffline()) {
        options.onStatus('offline');
        await this.sleep(Number.POSITIVE_INFINITY, () => !this.isOffline());
        continue;
      }
      options.onStatus(first ? 'connecting' : 'reconnecting');
      first = false;
      const token = options.getToken();
      const cursor = options.getCursor();
      const url = `${options.baseUrl}/stream${cursor ? `?after=${encodeURIComponent(cursor)}` : ''}`;
      this.attempts++;
      const handle = openEventStream({
        url,
        token: token ?? '',
        fetch: options.fetch,
        silenceTimeoutMs: options.silenceTimeoutMs,
        onEvent: options.onEvent,
        onOpen: () => {
          attempt = 0;
          renewed = false;
          options.onStatus('open');
          options.onOpen();
        },
      });
      this.current = handle;
      const end: StreamEnd = await handle.done;
      this.current = undefined;
      if (!this.running) return;
      let wait: number;
      switch (end.kind) {
        case 'aborted':
          continue;
        case 'unauthorized':
          if (!renewed) {
            renewed = true;
            try {
              await options.renewSession(token);
              continue;
            } catch (error) {
              wait = backoffDelay(attempt++, options.random);
              options.onFailure?.(error as SapaError, wait);
              break;
            }
          }
          wait = backoffDelay(attempt++, options.random);
          break;
        case 'gone':
          try {
            await options.onGone();
            continue;
          } catch (error) {
            wait = backoffDelay(attempt++, options.random);
            options.onFailure?.(error as SapaError, wait);
          }
          break;
        case 'fatal':
          this.running = false;
          options.onFatal(end.error);
          options.onStatus('idle');
          return;
        default:
          wait =
            end.kind === 'retry' && end.retryAfterMs !== undefined
              ? end.retryAfterMs
              : backoffDelay(attempt++, options.random);
          if (end.error) options.onFailure?.(end.error, wait);
      }
      if (!this.running) return;
      options.onStatus(this.isOffline() ? 'offline' : 'reconnecting');
      await this.sleep(wait, () => !this.isOffline());
    }
  }

  /** Waits `ms`, or until woken (stop, online, restart) when `wakeIf` agrees. */
  private sleep(ms: number, wakeIf: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      if (Number.isFinite(ms)) timer = setTimeout(done, ms);
      this.wake = () => {
        if (!this.running || wakeIf()) done();
      };
    });
  }
}
