import { fetchEventSource } from '@microsoft/fetch-event-source';
import { SILENCE_TIMEOUT_MS } from '@sapa/protocol';
import { type HttpError, NetworkError, type SapaError } from './errors.js';
import { httpErrorFrom } from './http-transport.js';

/** How one stream connection ended. */
export type StreamEnd =
  /** The backend ended the stream or the connection was cut after it opened. */
  | { kind: 'closed'; error?: SapaError }
  /** Opening failed in a way the protocol retries (network, 408, 409, 429, 5xx, wrong content type). */
  | { kind: 'retry'; error: SapaError; retryAfterMs?: number }
  /** 401: the session must be re-created. */
  | { kind: 'unauthorized' }
  /** 410: the cursor is older than the backend keeps. */
  | { kind: 'gone' }
  /** Any other 4xx: stop. */
  | { kind: 'fatal'; error: HttpError }
  /** Closed by the client. */
  | { kind: 'aborted' };

/** One complete event as it arrived: type, raw data, and its id when it had a valid one. */
export interface RawStreamEvent {
  type: string;
  data: string;
  id?: string;
}

export interface EventStreamOptions {
  url: string;
  token: string;
  fetch: typeof fetch;
  onOpen: () => void;
  /** Called once per complete event, never for a partial one. Must not throw. */
  onEvent: (event: RawStreamEvent) => void;
  silenceTimeoutMs?: number;
}

export interface EventStreamHandle {
  done: Promise<StreamEnd>;
  close: () => void;
}

const NEVER = new Promise<never>(() => {});

/**
 * One SSE connection over `@microsoft/fetch-event-source`, used only for its parser. The library's own retry loop,
 * Last-Event-ID tracking and visibility handling are kept out: it would advance Last-Event-ID before an event is
 * complete, treat any 2xx body as a healthy stream, and its teardown touches `window`/`document` (absent in Node).
 * So this module hands the library a response whose body it feeds itself and never ends: every ending (cut, close,
 * silence, bad status) is seen and reported here, and the library's pending read is simply dropped.
 */
export function openEventStream({
  url,
  token,
  fetch,
  onOpen,
  onEvent,
  silenceTimeoutMs = SILENCE_TIMEOUT_MS,
}: EventStreamOptions): EventStreamHandle {
  const controller = new AbortController();
  let settled = false;
  let opened = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let realResponse: Response;
  let finish: (end: StreamEnd) => void = () => {};
  const done = new Promise<StreamEnd>((resolve) => {
    finish = (end) => {
      if (settled) return;
      settled = true;
      clearTimeout(watchdog);
      controller.abort();
      resolve(end);
    };
  });
  /** Network failures are retried; after the stream opened they count as a close. */
  const fail = (message: string, cause?: unknown) =>
    finish({ kind: opened ? 'closed' : 'retry', error: new NetworkError(message, { cause }) });
  const armWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(
      fail,
      silenceTimeoutMs,
      `The chat stream was silent for ${silenceTimeoutMs / 1000} s.`,
    );
  };

  const feedingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    armWatchdog();
    try {
      realResponse = await fetch(input, { ...init, signal: controller.signal });
    } catch (cause) {
      fail('The chat stream could not connect.', cause);
      return NEVER;
    }
    const reader = realResponse.body?.getReader();
    const filterBom = createBomFilter();
    const body = new ReadableStream<Uint8Array>(
      {
        pull: async (target) => {
          // Loops until it has bytes to hand over: a pull that enqueues nothing is not called again.
          for (;;) {
            let result: ReadableStreamReadResult<Uint8Array> | undefined;
            try {
              result = await reader?.read();
            } catch (cause) {
              fail('The chat stream was cut off.', cause);
            }
            if (result?.done) finish({ kind: 'closed' });
            if (settled || !result || result.done) return NEVER;
            armWatchdog();
            const chunk = filterBom(result.value);
            if (chunk.length > 0) {
              target.enqueue(chunk);
              return;
            }
          }
        },
      },
      // No read-ahead: the next chunk is read only once the parser asked for it, so an ending is reported only
      // after every complete event before it was dispatched.
      { highWaterMark: 0 },
    );
    const { ok, status, headers } = realResponse;
    return { ok, status, headers, body } as Response;
  };

  void fetchEventSource(url, {
    fetch: feedingFetch,
    openWhenHidden: true,
    headers: { Authorization: `Bearer ${token}`, Accept: 'text/event-stream' },
    onopen: async ({ status, headers }) => {
      const contentType = headers.get('content-type') ?? '';
      if (status === 200 && contentType.toLowerCase().startsWith('text/event-stream')) {
        opened = true;
        return onOpen();
      }
      // A 2xx that is not an event stream (a captive portal, a proxy's page) is an outage, not a stream.
      if (status < 300) fail(`The chat stream answered ${status} ${contentType}.`);
      else {
        const error = await httpErrorFrom(realResponse, 'GET /stream');
        finish(
          status === 401
            ? { kind: 'unauthorized' }
            : status === 410
              ? { kind: 'gone' }
              : error.retryable
                ? { kind: 'retry', error, retryAfterMs: error.retryAfterMs }
                : { kind: 'fatal', error },
        );
      }
      return NEVER;
    },
    onmessage: ({ data, event, id }) => {
      // An event with no data is not dispatched (HTML §9.2.6); an id containing NUL is ignored.
      if (settled || (data === '' && event === '')) return;
      onEvent({ type: event || 'message', data, id: id && !id.includes('\0') ? id : undefined });
    },
    // Never reached: the body fed to the library never ends or fails. Throwing keeps its retry loop out regardless.
    onerror: (error) => {
      throw error;
    },
  }).catch(() => {});

  return { done, close: () => finish({ kind: 'aborted' }) };
}

/**
 * Byte order marks, as the HTML standard reads them (§9.2.6): one at the very start of the stream is dropped; one at
 * the start of any later line is part of that line's field name, which then matches no field. The library decodes
 * field names with a TextDecoder that silently drops a leading BOM, so such a line would be read as a real field;
 * a space is put before the BOM to keep it in the name. BOM bytes split over chunks are held back until complete.
 */
export function createBomFilter(): (chunk: Uint8Array) => Uint8Array {
  const bom = [0xef, 0xbb, 0xbf];
  let streamStart = true;
  let lineStart = true;
  let matched = 0;
  return (chunk) => {
    const output: number[] = [];
    for (const byte of chunk) {
      if (lineStart || matched > 0) {
        if (byte === bom[matched]) {
          if (++matched === 3) {
            // After the dropped stream-start BOM the first line only now begins.
            if (!streamStart) output.push(0x20, ...bom);
            lineStart = streamStart;
            matched = 0;
            streamStart = false;
          }
          continue;
        }
        output.push(...bom.slice(0, matched));
        matched = 0;
      }
      streamStart = false;
      output.push(byte);
      lineStart = byte === 0x0a || byte === 0x0d;
    }
    return Uint8Array.from(output);
  };
}
