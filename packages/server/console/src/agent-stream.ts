import { backoffDelay, parseRetryAfter } from '@sapa/protocol';
import { type AgentStreamEvent, parseAgentStreamEvent } from '@sapa/protocol/agent';
import { SseParser } from '@sapa/protocol/sse';

/** State of the live connection, shown to the agent. */
export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'unauthorized' | 'closed';

export interface AgentStreamOptions {
  /** Full URL of `GET /agent/v1/stream`. */
  url: string;
  token: string;
  onEvent: (event: AgentStreamEvent) => void;
  /** `retryInMs` is set while waiting to reconnect. */
  onStatus: (status: ConnectionStatus, retryInMs?: number) => void;
  /** Called on every successful (re)connection: events may have been missed while away. */
  onOpen?: (reconnected: boolean) => void;
  fetch?: typeof fetch;
  /** Reconnect when nothing, not even a heartbeat, arrived for this long. */
  silenceTimeoutMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  random?: () => number;
}

/**
 * The agent's live connection: one fetch-streamed SSE request at a time (fetch, because the token
 * travels in the Authorization header), reconnected with full-jitter exponential backoff that
 * honours Retry-After, and a silence watchdog for connections that die without closing.
 *
 * @example
 * const stream = new AgentStream({ url, token, onEvent: apply, onStatus: show });
 * stream.start();
 * // later
 * stream.stop();
 */
export class AgentStream {
  private controller: AbortController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private silenceTimer: ReturnType<typeof setTimeout> | undefined;
  private attempt = 0;
  private everOpened = false;
  private running = false;

  constructor(private readonly options: AgentStreamOptions) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.connect();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.retryTimer);
    clearTimeout(this.silenceTimer);
    this.controller?.abort();
    this.options.onStatus('closed');
  }

  private async connect(): Promise<void> {
    const { options } = this;
    const controller = new AbortController();
    this.controller = controller;
    options.onStatus(this.everOpened ? 'reconnecting' : 'connecting');
    let retryAfterMs: number | undefined;
    try {
      const fetchFunction = options.fetch ?? globalThis.fetch;
      const response = await fetchFunction(options.url, {
        headers: { Authorization: `Bearer ${options.token}`, Accept: 'text/event-stream' },
        signal: controller.signal,
        cache: 'no-store',
      });
      if (response.status === 401 || response.status === 403) {
        this.running = false;
        options.onStatus('unauthorized');
        return;
      }
      retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'));
      const contentType = response.headers.get('Content-Type') ?? '';
      if (response.ok && response.body && contentType.startsWith('text/event-stream')) {
        const reconnected = this.everOpened;
        this.everOpened = true;
        this.attempt = 0;
        options.onStatus('open');
        options.onOpen?.(reconnected);
        await this.read(response.body, controller);
      } else {
        await response.body?.cancel();
      }
    } catch {
      // A network error or our own abort: either way, reconnect below while running.
    }
    clearTimeout(this.silenceTimer);
    if (!this.running) return;
    this.scheduleReconnect(retryAfterMs);
  }

  private async read(body: ReadableStream<Uint8Array>, controller: AbortController): Promise<void> {
    const parser = new SseParser((frame) => {
      if (frame.kind !== 'event') return;
      let event: AgentStreamEvent | null;
      try {
        event = parseAgentStreamEvent(frame.event, frame.data);
      } catch {
        // Data that is not JSON or not the event's shape is skipped; one bad event never stops the stream.
        return;
      }
      // Unknown event types are ignored, as the protocol asks.
      if (event) this.options.onEvent(event);
    });
    const reader = body.getReader();
    const armWatchdog = () => {
      clearTimeout(this.silenceTimer);
      this.silenceTimer = setTimeout(() => controller.abort(), this.options.silenceTimeoutMs ?? 45_000);
    };
    armWatchdog();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      armWatchdog();
      parser.push(value);
    }
  }

  private scheduleReconnect(retryAfterMs: number | undefined): void {
    const { baseDelayMs = 1_000, maxDelayMs = 30_000, random = Math.random } = this.options;
    // At least what Retry-After asks, but never less than the backoff: agents reconnect on their own terms.
    const delay = Math.max(retryAfterMs ?? 0, backoffDelay(this.attempt++, random, baseDelayMs, maxDelayMs));
    this.options.onStatus('reconnecting', delay);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }
}
