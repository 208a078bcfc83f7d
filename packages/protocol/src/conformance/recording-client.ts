import type { SseFrame } from '../sse-parser.js';
import { ConformanceFailure } from './expectations.js';
import { SseReader } from './sse-reader.js';

/** An answer, its body read as text and (when it parses) as JSON. */
export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** An answer as the checks over every answer see it, with what it answered (`PUT /v1/…`). */
export interface RecordedAnswer {
  label: string;
  status: number;
  headers: Headers;
  text: string;
}

export interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Raw bytes or text sent as they are, with `headers` giving their type. */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

/** An opened stream: the answer, and a reader when it was a 200 with a body. */
export interface OpenedStream {
  answer: Response;
  reader?: SseReader;
}

export type EventFrame = Extract<SseFrame, { kind: 'event' }>;

/** The kit's HTTP client: every answer and every stream event it sees is kept for the checks over all of them. */
export interface RecordingClient {
  /** Every answer seen. */
  readonly answers: RecordedAnswer[];
  /** Every event frame read from any stream. */
  readonly events: EventFrame[];
  call(method: string, path: string, request?: RequestOptions): Promise<Answer>;
  /** Keeps an answer made outside {@link call} (the rate-limit burst) for the checks over every answer. */
  record(answer: RecordedAnswer): void;
  /** `POST /v1/sessions` for the kit's site, resuming `token` when given. */
  newSession(token?: string): Promise<Answer>;
  sendText(token: string, conversationId: string, clientMessageId: string, text: string): Promise<Answer>;
  /** `GET /v1/stream` with `?after=cursor` and/or `Last-Event-ID`. */
  openStream(token: string, cursor?: string, lastEventId?: string): Promise<OpenedStream>;
  /** Reads frames until one matches; fails the check when none did within `waitMs`. */
  waitForFrame(
    reader: SseReader,
    matches: (frame: SseFrame) => boolean,
    waitMs: number,
    what: string,
  ): Promise<SseFrame>;
  /** Closes every stream still open. */
  close(): Promise<void>;
}

/** Parses a body as JSON, or undefined. */
export function readJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

export function createRecordingClient(settings: {
  apiUrl: string;
  siteKey: string;
  fetch: typeof fetch;
  timeoutMs: number;
}): RecordingClient {
  const { apiUrl, timeoutMs } = settings;
  const answers: RecordedAnswer[] = [];
  const events: EventFrame[] = [];
  const streams: SseReader[] = [];

  const client: RecordingClient = {
    answers,
    events,
    record: (answer) => answers.push(answer),

    async call(method, path, request = {}) {
      const headers: Record<string, string> = { ...request.headers };
      if (request.token !== undefined) headers.Authorization = `Bearer ${request.token}`;
      let body: BodyInit | undefined = request.raw;
      if (request.body !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(request.body);
      }
      const url = path.startsWith('http') ? path : `${apiUrl}${path}`;
      const response = await settings.fetch(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const text = await response.text();
      answers.push({
        label: `${method} ${path.split('?')[0]}`,
        status: response.status,
        headers: response.headers,
        text,
      });
      return { status: response.status, headers: response.headers, text, json: readJson(text) };
    },

    newSession: (token) =>
      client.call('POST', '/v1/sessions', {
        body: { siteKey: settings.siteKey, ...(token ? { token } : {}), locale: 'id' },
      }),

    sendText: (token, conversationId, clientMessageId, text) =>
      client.call('PUT', `/v1/conversations/${conversationId}/messages/${clientMessageId}`, {
        token,
        body: { type: 'text', text },
      }),

    async openStream(token, cursor, lastEventId) {
      const url = `${apiUrl}/v1/stream${cursor === undefined ? '' : `?after=${encodeURIComponent(cursor)}`}`;
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const answer = await settings
        .fetch(url, {
          headers: {
            Authorization: `Bearer ${token}`,
            Accept: 'text/event-stream',
            ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }),
          },
          signal: controller.signal,
        })
        .finally(() => clearTimeout(timer));
      const label = 'GET /v1/stream';
      if (answer.status !== 200 || !answer.body) {
        answers.push({ label, status: answer.status, headers: answer.headers, text: await answer.text() });
        return { answer };
      }
      answers.push({ label, status: answer.status, headers: answer.headers, text: '' });
      const reader = new SseReader(answer.body);
      streams.push(reader);
      return { answer, reader };
    },

    async waitForFrame(reader, matches, waitMs, what) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const frame = await reader.next(deadline);
        if (!frame) throw new ConformanceFailure(`no ${what} within ${waitMs} ms`);
        if (frame.kind === 'event') events.push(frame);
        if (matches(frame)) return frame;
      }
    },

    async close() {
      await Promise.all(streams.map((reader) => reader.close()));
    },
  };
  return client;
}
