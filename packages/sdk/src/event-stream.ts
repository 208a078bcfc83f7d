import { fetchEventSource } from '@microsoft/fetch-event-source';
import { SILENCE_TIMEOUT_MS } from '@sapa/protocol';
import { parseRetryAfter } from './backoff.js';
import { HttpError, NetworkError, type SapaError } from './errors.js';
import { httpErrorFrom } from './http-transport.js';

/** How one stream connection ended. */
export type StreamEnd =
  /** The backend ended the stream or the connection was cut after it opened. */
  | { kind: 'closed'; opened: boolean; error?: SapaError }
  /** Opening failed in a way the protocol retries (network, 408, 409, 429, 5xx, wrong content type). */
  | { kind: 'retry'; opened: boolean; error: SapaError; retryAfterMs?: number }
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
export function openEventStream(options: EventStreamOptions): EventStreamHandle {
  const controller = new AbortController();
  let settled = false;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let resolveDone: (end: StreamEnd) => void = () => {};
  const done = new Promise<StreamEnd>((resolve) => {
    resolveDone = resolve;
  });
  let opened = false;
  let realResponse: Response | undefined;
  const silence = options.silenceTimeoutMs ?? SILENCE_TIMEOUT_MS;

  const finish = (end: StreamEnd) => {
    if (settled) return;
    settled = true;
    clearTimeout(watchdog);
    controller.abort();
    resolveDone(end);
  };
  const armWatchdog = () => {
    clearTimeout(watchdog);
    watchdog = setTimeout(
      () =>
        finish({
          kind: 'retry',
          opened,
          error: new NetworkError(`The chat stream was silent for ${silence / 1000} s, so it is reopened.`),
        }),
      silence,
    );
  };

  const feedingFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    armWatchdog();
    let response: Response;
    try {
      response = await options.fetch(input, { ...init, signal: controller.signal });
    } catch (error) {
      finish(
        settled
          ? { kind: 'aborted' }
          : {
              kind: 'retry',
              opened: false,
              error: new NetworkError('The chat stream could not connect to the chat server.', {
                cause: error,
              }),
            },
      );
      return NEVER;
    }
    realResponse = response;
    const reader = response.body?.getReader();
    const filterBom = createBomFilter();
    const body = new ReadableStream<Uint8Array>(
      {
        pull: async (target) => {
          // Loops until it has bytes to hand over: a pull that enqueues nothing is not called again.
          for (;;) {
            if (settled || !reader) return NEVER;
            let result: ReadableStreamReadResult<Uint8Array>;
            try {
              result = await reader.read();
            } catch (error) {
              finish({
                kind: 'closed',
                opened,
                error: new NetworkError('The chat stream was cut off.', { cause: error }),
              });
              return NEVER;
            }
            if (settled) return NEVER;
            if (result.done) {
              finish({ kind: 'closed', opened });
              return NEVER;
            }
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
    return {
      ok: response.ok,
      status: response.status,
      headers: response.headers,
      body,
    } as Response;
  };

  void fetchEventSource(options.url, {
    fetch: feedingFetch,
    openWhenHidden: true,
    headers: { Authorization: `Bearer ${options.token}`, Accept: 'text/event-stream' },
    onopen: async (response) => {
      const end = await classifyOpen(response, realResponse);
      if (end) {
        finish(end);
        return NEVER;
      }
      opened = true;
      options.onOpen();
    },
    onmessage: (message) => {
      if (settled) return;
      // An event with no data is not dispatched (HTML §9.2.6); an id containing NUL is ignored.
      if (message.data === '' && message.event === '') return;
      const id = message.id && !message.id.includes('\0') ? message.id : undefined;
      options.onEvent({ type: message.event || 'message', data: message.data, id });
    },
    // Never reached: the body fed to the library never ends or fails. Throwing keeps its retry loop out regardless.
    onerror: (error) => {
      throw error;
    },
  }).catch(() => {});

  return {
    done,
    close: () => finish({ kind: 'aborted' }),
  };
}

async function classifyOpen(response: Response, real: Response | undefined): Promise<StreamEnd | undefined> {
  const status = response.status;
  const contentType = response.headers.get('content-type') ?? '';
  if (status === 200 && contentType.toLowerCase().startsWith('text/event-stream')) return undefined;
  if (status === 200 || (status >= 200 && status < 300)) {
    // A 2xx that is not an event stream (a captive portal, a proxy's page) is an outage, not a stream.
    await real?.body?.cancel().catch(() => {});
    return {
      kind: 'retry',
      opened: false,
      error: new NetworkError(`The chat stream answered ${status} with ${contentType || 'no content type'}.`),
    };
  }
  const error = real ? await httpErrorFrom(real, 'GET /stream') : undefined;
  if (status === 401) return { kind: 'unauthorized' };
  if (status === 410) return { kind: 'gone' };
  if (error?.retryable || status === 408 || status === 429 || status >= 500) {
    return {
      kind: 'retry',
      opened: false,
      error: error ?? new NetworkError(`The chat stream answered ${status}.`),
      retryAfterMs: error?.retryAfterMs ?? parseRetryAfter(response.headers.get('Retry-After')),
    };
  }
  return {
    kind: 'fatal',
    error: error ?? new HttpError(status, `The chat stream answered ${status}.`, { retryable: false }),
  };
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
          matched++;
          if (matched === 3) {
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
