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

/**
 * A promise that never settles, new each time: whatever waits on it is collected with it once the stream is
 * dropped. A single shared one would keep every waiter of every stream ever opened (12 kB each, more with a
 * pending line), since a promise holds on to its waiters.
 */
const never = () => new Promise<never>(() => {});
/**
 * The most a stream may send without ending an event. Events are a few kB: a message's text has at most 10,000
 * characters, 60 kB as JSON escapes at worst.
 */
export const MAX_EVENT_BYTES = 2 ** 20;

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
  /** Bytes read since the last blank line (the last event the library dispatched). */
  let pending = 0;
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
      return never();
    }
    const reader = realResponse.body?.getReader();
    const standardLines = createStandardLines();
    const body = new ReadableStream<Uint8Array>(
      {
        pull: async (target) => {
          let result: ReadableStreamReadResult<Uint8Array> | undefined;
          // The library keeps an event's bytes until its blank line: a stream that never ends one (a line of
          // 10 MB, data lines without end) is cut and opened again from the cursor instead of filling the memory.
          if (pending > MAX_EVENT_BYTES) fail('The chat stream sent an event over 1 MiB.');
          else
            try {
              result = await reader?.read();
            } catch (cause) {
              fail('The chat stream was cut off.', cause);
            }
          if (result?.done) finish({ kind: 'closed' });
          if (settled || !result || result.done) return never();
          armWatchdog();
          // Always a chunk, if an empty one: a pull that enqueues nothing is not called again.
          pending += result.value.length;
          target.enqueue(standardLines(result.value));
        },
      },
      // No read-ahead: the next chunk is read only once the parser asked for it, so an ending is reported only
      // after every complete event before it was dispatched.
      { highWaterMark: 0 },
    );
    // What the library reads of a response: its status and headers (in `onopen`), and the body.
    const { status, headers } = realResponse;
    return { status, headers, body } as Response;
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
      return never();
    },
    onmessage: ({ data, event, id }) => {
      pending = 0;
      // An event with no data is not dispatched (HTML §9.2.6; the library cannot tell an empty `data:` from none,
      // and no event of the protocol has empty data); an id containing NUL is ignored.
      if (settled || !data) return;
      try {
        onEvent({ type: event || 'message', data, id: id && !id.includes('\0') ? id : undefined });
      } catch {
        // `onEvent` must not throw. Should it, the event is skipped like one with bad data: an exception reaching
        // the library would end its reading without a word (and, in Node, reject a promise nobody handles).
      }
    },
    // Never reached: the body fed to the library never ends or fails. Throwing keeps its retry loop out regardless.
    onerror: (error) => {
      throw error;
    },
  }).catch(() => {});

  return { done, close: () => finish({ kind: 'aborted' }) };
}

/**
 * Puts right, before the library reads them, the bytes it would read otherwise than the HTML standard (§9.2.6):
 * - It decodes each field name and each value with a `TextDecoder`, which drops one leading BOM: a BOM starting a
 *   later line (part of the field name, which then names no field) or a value (part of the value) would vanish.
 *   A BOM is put before every later line and every value, and the decoder drops that one instead. The first line
 *   gets none, so that the decoder drops the stream's leading BOM, as the standard does. The one space after a
 *   colon, which the library removes only right after it, is removed here.
 * - It ignores a line without a colon, which the standard reads as a field with an empty value (a lone `event`
 *   resets the type, a lone `id` the id): such a line gets its colon.
 */
export function createStandardLines(): (chunk: Uint8Array) => Uint8Array {
  /**
   * Where the last byte left the line: 0 in the field name, 1 at a line's start, 2 at the first line's start,
   * 3 right after the field name's colon, 4 in the value.
   */
  let at = 2;
  return (chunk) => {
    // An array, not a sized buffer: smaller code, at about 30 ns a byte (events are a few kB).
    const output: number[] = [];
    for (const byte of chunk) {
      if (byte === 10 || byte === 13) {
        // The LF of a CR LF finds the line already ended.
        if (!at) output.push(58);
        at = 1;
      } else if (at === 3) {
        at = 4;
        if (byte === 32) continue;
      } else if (at < 3) {
        if (at === 1) output.push(0xef, 0xbb, 0xbf);
        at = 0;
      }
      output.push(byte);
      if (byte === 58 && !at) {
        output.push(0xef, 0xbb, 0xbf);
        at = 3;
      }
    }
    return new Uint8Array(output);
  };
}
