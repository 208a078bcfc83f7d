import {
  InvalidDataError,
  parseAttachment,
  parseConversation,
  parseConversationList,
  parseMessage,
  parseMessagePage,
  parseProblem,
  parseSession,
  parseStreamEvent,
  parseWidgetConfig,
} from '../guards.js';
import {
  type Attachment,
  type Conversation,
  FILENAME_HEADER,
  MAX_TEXT_LENGTH,
  type Message,
  PROBLEM_STATUS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type ProblemCode,
  type Session,
  type WidgetConfig,
} from '../types.js';
import { type SseFrame, SseReader } from './sse-reader.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** The backend's base URL; the protocol lives under `${apiUrl}/v1`. */
  apiUrl: string;
  /** A site of that backend whose config allows anonymous visitors. */
  siteKey: string;
  /** Used for every request (default: the global fetch). */
  fetch?: typeof fetch;
  /** Longest wait for one answer or one expected stream event, in ms (default 10,000). */
  timeoutMs?: number;
  /** Longest wait for a stream comment line, in ms (default 16,000: the protocol's 15 s plus slack). */
  heartbeatWaitMs?: number;
  /**
   * A cursor this backend no longer keeps, for the stale-cursor check. Without it the kit raises the first
   * character of the newest cursor it saw ('0' → '1', 'a' → 'b'): a position the backend never reached.
   */
  staleCursor?: string;
  /** Origin sent with the CORS checks; the site must allow it (default `http://localhost:8080`). */
  origin?: string;
  /** Most requests of the rate-limit burst (default 2,000). */
  burst?: number;
  /** Leaves out the rate-limit check, for backends that limit elsewhere (a gateway); it is then not counted. */
  skipRateLimit?: boolean;
  /** Receives one line per check and the summary line (default: nothing). */
  log?: (line: string) => void;
}

/** The outcome of one check; `detail` says why it failed (or what it saw). */
export interface ConformanceCheck {
  name: string;
  ok: boolean;
  detail?: string;
}

/** What {@link runConformance} found. */
export interface ConformanceReport {
  results: ConformanceCheck[];
  passed: number;
  failed: number;
}

/** A check's expectation was not met; the message says what was seen. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

/** The name of every check, in the order they run (tests and tools refer to them). */
export const CHECKS = {
  sessionCreate: 'session: create answers 201 with a Session',
  sessionResume: 'session: resume keeps the visitor and rotates the token',
  sessionOldToken: 'session: the replaced token is refused with 401 unauthorized',
  noToken: 'auth: a call without a token answers 401 unauthorized',
  config: 'config: GET /v1/config matches WidgetConfig',
  conversationCreate: 'conversations: create answers 201, a repeat 200 with the same conversation',
  conversationList: 'conversations: the list holds it',
  messageCreate: 'messages: PUT answers 201 with the message',
  messageRepeat: 'messages: a repeated PUT answers 200 with the same message',
  messageMismatch: 'messages: a different body for the same id answers 422 idempotency_mismatch',
  messageSeq: 'messages: seq is gapless from 1',
  messagePaging: 'messages: paging with after, before, limit and hasMore',
  streamOpen: 'stream: answers 200 text/event-stream, no-cache, no-transform, unbuffered',
  streamReplay: 'stream: replays durable events after a cursor, each with an id',
  streamLive: 'stream: delivers live events',
  streamEcho: 'stream: own sends come back with their clientMessageId',
  streamHeartbeat: 'stream: a comment line within 15 s',
  streamCursor: 'stream: replay starts right after the given cursor',
  streamLastEventId: 'stream: Last-Event-ID works like ?after=',
  streamStale: 'stream: a cursor the backend does not keep answers 410 gone or stream.reset',
  streamData: 'stream: every event matches the guards',
  badRequest: 'errors: 400 invalid_request for a malformed body',
  notFound: 'errors: 404 not_found for an unknown conversation',
  textTooLong: 'errors: 413 payload_too_large for text over 10,000 characters',
  uploadAccepted: 'uploads: an accepted file answers 201 Attachment',
  uploadTooLarge: 'uploads: 413 payload_too_large over upload.maxBytes',
  uploadType: 'uploads: 415 unsupported_media_type outside upload.accept',
  uploadServed: 'uploads: served files carry nosniff and a safe Content-Disposition',
  uploadSvg: 'uploads: SVG is never served inline',
  corsPreflight: 'cors: preflight allows the protocol headers',
  corsExpose: 'cors: answers expose Sapa-Protocol and Retry-After',
  rateLimit: 'errors: 429 rate_limited with Retry-After after a burst',
  protocolHeader: 'headers: Sapa-Protocol: 1 on every answer',
  problems: 'errors: every error answer is application/problem+json with its code',
} as const;

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

interface RequestOptions {
  token?: string | undefined;
  body?: unknown;
  /** Raw bytes or text sent as they are, with `headers` giving their type. */
  raw?: BodyInit;
  headers?: Record<string, string>;
}

const PNG_1X1 = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (character) => character.charCodeAt(0),
);
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';

/** Whether a MIME type is inside an `accept` list of types and `type/*` patterns. */
function accepts(accept: string[], mime: string): boolean {
  return accept.some(
    (pattern) =>
      pattern === '*/*' ||
      pattern === mime ||
      (pattern.endsWith('/*') && mime.startsWith(pattern.slice(0, -1))),
  );
}

/** A cursor after every cursor made from `cursor`: its first raisable character raised by one. */
function raisedCursor(cursor: string): string {
  for (let index = 0; index < cursor.length; index++) {
    const character = cursor[index] as string;
    if (/[0-8a-yA-Y]/.test(character)) {
      return (
        cursor.slice(0, index) + String.fromCharCode(character.charCodeAt(0) + 1) + cursor.slice(index + 1)
      );
    }
  }
  return `${cursor}1`;
}

function expect(condition: unknown, why: string): asserts condition {
  if (!condition) throw new ConformanceFailure(why);
}

/**
 * Checks the visitor side of the Sapa Chat Protocol of any backend over HTTP: sessions and token rotation,
 * config, idempotent conversations and messages, seq and paging, the stream (replay, live, echo, heartbeat,
 * stale cursors), problems, uploads, CORS and the `Sapa-Protocol` header. It makes its own anonymous visitors
 * and leaves their conversations behind. Checks that need an earlier result fail when that result is missing.
 *
 * @example
 * const report = await runConformance({ apiUrl: 'http://127.0.0.1:8787', siteKey: 'demo', log: console.log });
 * if (report.failed > 0) process.exitCode = 1;
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const apiUrl = options.apiUrl.replace(/\/+$/, '');
  const fetchFunction = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const heartbeatWaitMs = options.heartbeatWaitMs ?? 16_000;
  const origin = options.origin ?? 'http://localhost:8080';
  const log = options.log ?? (() => undefined);
  const results: ConformanceCheck[] = [];
  /** Every answer seen, for the checks that hold for all of them. */
  const answers: { label: string; status: number; headers: Headers; text: string }[] = [];
  const streams: SseReader[] = [];

  async function check(name: string, body: () => Promise<unknown>): Promise<void> {
    let result: ConformanceCheck;
    try {
      const detail = await body();
      result = typeof detail === 'string' ? { name, ok: true, detail } : { name, ok: true };
    } catch (error) {
      const why =
        error instanceof ConformanceFailure || error instanceof InvalidDataError
          ? error.message
          : `${(error as Error).name}: ${(error as Error).message}`;
      result = { name, ok: false, detail: why };
    }
    results.push(result);
    log(result.ok ? `✓ ${name}` : `✗ ${name} — ${result.detail}`);
  }

  async function call(method: string, path: string, request: RequestOptions = {}): Promise<Answer> {
    const headers: Record<string, string> = { ...request.headers };
    if (request.token !== undefined) headers.Authorization = `Bearer ${request.token}`;
    let body: BodyInit | undefined = request.raw;
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    const url = path.startsWith('http') ? path : `${apiUrl}${path}`;
    const response = await fetchFunction(url, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    answers.push({
      label: `${method} ${path.split('?')[0]}`,
      status: response.status,
      headers: response.headers,
      text,
    });
    return { status: response.status, headers: response.headers, text, json };
  }

  function expectStatus(answer: Answer, status: number, what: string): void {
    expect(
      answer.status === status,
      `${what} answered ${answer.status} instead of ${status}${answer.text ? `: ${answer.text.slice(0, 200)}` : ''}`,
    );
  }

  function expectProblem(answer: Answer, code: ProblemCode, what: string): void {
    expectStatus(answer, PROBLEM_STATUS[code], what);
    const type = answer.headers.get('content-type') ?? '(none)';
    expect(
      type.startsWith('application/problem+json'),
      `${what} answered Content-Type ${type} instead of application/problem+json`,
    );
    const problem = parseProblem(answer.json);
    expect(problem.code === code, `${what} answered code ${problem.code} instead of ${code}`);
    expect(
      problem.status === answer.status,
      `problem.status ${problem.status} differs from HTTP ${answer.status}`,
    );
  }

  const newSession = async (token?: string): Promise<Answer> =>
    call('POST', '/v1/sessions', {
      body: { siteKey: options.siteKey, ...(token ? { token } : {}), locale: 'id' },
    });

  async function openStream(
    token: string,
    cursor?: string,
    lastEventId?: string,
  ): Promise<{ answer: Response; reader?: SseReader }> {
    const url = `${apiUrl}/v1/stream${cursor === undefined ? '' : `?after=${encodeURIComponent(cursor)}`}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const answer = await fetchFunction(url, {
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'text/event-stream',
        ...(lastEventId === undefined ? {} : { 'Last-Event-ID': lastEventId }),
      },
      signal: controller.signal,
    }).finally(() => clearTimeout(timer));
    if (answer.status !== 200 || !answer.body) {
      const text = await answer.text();
      answers.push({ label: 'GET /v1/stream', status: answer.status, headers: answer.headers, text });
      return { answer };
    }
    answers.push({ label: 'GET /v1/stream', status: answer.status, headers: answer.headers, text: '' });
    const reader = new SseReader(answer.body);
    streams.push(reader);
    return { answer, reader };
  }

  /** Every event frame read from any stream, for the guard check. */
  const events: Extract<SseFrame, { kind: 'event' }>[] = [];
  async function waitForFrame(
    reader: SseReader,
    matches: (frame: SseFrame) => boolean,
    waitMs: number,
    what: string,
  ): Promise<SseFrame> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const frame = await reader.next(deadline);
      if (!frame) throw new ConformanceFailure(`no ${what} within ${waitMs} ms`);
      if (frame.kind === 'event') events.push(frame);
      if (matches(frame)) return frame;
    }
  }
  const isMessageCreated = (messageId: string) => (frame: SseFrame) =>
    frame.kind === 'event' && frame.event === 'message.created' && frame.data.includes(messageId);

  const sendText = (token: string, conversationId: string, clientMessageId: string, text: string) =>
    call('PUT', `/v1/conversations/${conversationId}/messages/${clientMessageId}`, {
      token,
      body: { type: 'text', text },
    });

  let session: Session | undefined;
  let token: string | undefined;
  let config: WidgetConfig | undefined;
  let conversation: Conversation | undefined;
  let firstMessage: Message | undefined;
  const firstClientMessageId = crypto.randomUUID();
  const firstText = 'Halo, saya mau tanya soal pesanan saya.';
  const need = <T>(value: T | undefined, what: string): T => {
    expect(value !== undefined, `needs ${what} from an earlier check`);
    return value;
  };

  try {
    // ── Session and auth ──────────────────────────────────────────────────────────────────────────
    await check(CHECKS.sessionCreate, async () => {
      const answer = await newSession();
      expectStatus(answer, 201, 'POST /v1/sessions');
      session = parseSession(answer.json);
    });
    let rotated: Session | undefined;
    await check(CHECKS.sessionResume, async () => {
      const first = need(session, 'a session');
      const answer = await newSession(first.token);
      expectStatus(answer, 201, 'POST /v1/sessions with a token');
      rotated = parseSession(answer.json);
      expect(
        rotated.visitorId === first.visitorId,
        `a new visitor ${rotated.visitorId} instead of ${first.visitorId}`,
      );
      expect(rotated.token !== first.token, 'the token was not rotated');
      token = rotated.token;
    });
    await check(CHECKS.sessionOldToken, async () => {
      const first = need(session, 'a session');
      need(rotated, 'a resumed session');
      expectProblem(
        await call('GET', '/v1/conversations', { token: first.token }),
        'unauthorized',
        'the old token',
      );
      expectStatus(await call('GET', '/v1/conversations', { token }), 200, 'the new token');
    });
    await check(CHECKS.noToken, async () => {
      expectProblem(
        await call('GET', '/v1/conversations'),
        'unauthorized',
        'GET /v1/conversations without a token',
      );
    });
    await check(CHECKS.config, async () => {
      const answer = await call('GET', '/v1/config', { token: need(token, 'a token') });
      expectStatus(answer, 200, 'GET /v1/config');
      config = parseWidgetConfig(answer.json);
      expect(
        config.siteKey === options.siteKey,
        `config.siteKey is ${config.siteKey}, not ${options.siteKey}`,
      );
    });

    // ── Conversations and messages ────────────────────────────────────────────────────────────────
    await check(CHECKS.conversationCreate, async () => {
      const body = { clientConversationId: crypto.randomUUID() };
      const first = await call('POST', '/v1/conversations', { token: need(token, 'a token'), body });
      expectStatus(first, 201, 'POST /v1/conversations');
      conversation = parseConversation(first.json);
      const repeat = await call('POST', '/v1/conversations', { token, body });
      expectStatus(repeat, 200, 'the repeated POST /v1/conversations');
      const again = parseConversation(repeat.json);
      expect(
        again.id === conversation.id,
        `the repeat made conversation ${again.id} besides ${conversation.id}`,
      );
    });
    await check(CHECKS.conversationList, async () => {
      const id = need(conversation, 'a conversation').id;
      const answer = await call('GET', '/v1/conversations', { token });
      expectStatus(answer, 200, 'GET /v1/conversations');
      const list = parseConversationList(answer.json);
      expect(
        list.conversations.some((item) => item.id === id),
        `conversation ${id} is missing from the list`,
      );
    });
    await check(CHECKS.messageCreate, async () => {
      const id = need(conversation, 'a conversation').id;
      const answer = await sendText(need(token, 'a token'), id, firstClientMessageId, firstText);
      expectStatus(answer, 201, 'PUT …/messages/{clientMessageId}');
      firstMessage = parseMessage(answer.json);
      expect(firstMessage.conversationId === id, `message.conversationId is ${firstMessage.conversationId}`);
      expect(
        firstMessage.clientMessageId === firstClientMessageId,
        'message.clientMessageId differs from the URL',
      );
      expect(firstMessage.author.role === 'visitor', `message.author.role is ${firstMessage.author.role}`);
      expect(firstMessage.type === 'text' && firstMessage.text === firstText, 'the message text differs');
    });
    await check(CHECKS.messageRepeat, async () => {
      const first = need(firstMessage, 'a message');
      const answer = await sendText(
        need(token, 'a token'),
        first.conversationId,
        firstClientMessageId,
        firstText,
      );
      expectStatus(answer, 200, 'the repeated PUT');
      const repeat = parseMessage(answer.json);
      expect(
        repeat.id === first.id && repeat.seq === first.seq,
        `the repeat answered message ${repeat.id} (seq ${repeat.seq}) instead of ${first.id} (seq ${first.seq})`,
      );
    });
    await check(CHECKS.messageMismatch, async () => {
      const first = need(firstMessage, 'a message');
      const answer = await sendText(
        need(token, 'a token'),
        first.conversationId,
        firstClientMessageId,
        'Lain',
      );
      expectProblem(answer, 'idempotency_mismatch', 'a PUT with the same id and another text');
    });
    let seqs: number[] = [];
    await check(CHECKS.messageSeq, async () => {
      const id = need(conversation, 'a conversation').id;
      for (let index = 1; index <= 4; index++) {
        const answer = await sendText(
          need(token, 'a token'),
          id,
          crypto.randomUUID(),
          `Pesan ke-${index + 1}`,
        );
        expectStatus(answer, 201, `PUT of message ${index + 1}`);
      }
      const answer = await call('GET', `/v1/conversations/${id}/messages?after=0&limit=200`, { token });
      expectStatus(answer, 200, 'GET …/messages?after=0');
      seqs = parseMessagePage(answer.json).messages.map((message) => message.seq);
      expect(seqs.length >= 5, `only ${seqs.length} messages after sending 5`);
      expect(
        seqs.every((seq, index) => seq === index + 1),
        `seq runs ${seqs.join(', ')} instead of 1 to ${seqs.length}`,
      );
    });
    await check(CHECKS.messagePaging, async () => {
      const id = need(conversation, 'a conversation').id;
      expect(seqs.length >= 5, 'needs five messages from the seq check');
      const page = async (query: string) => {
        const answer = await call('GET', `/v1/conversations/${id}/messages?${query}`, { token });
        expectStatus(answer, 200, `GET …/messages?${query}`);
        const result = parseMessagePage(answer.json);
        return { seqs: result.messages.map((message) => message.seq).join(','), hasMore: result.hasMore };
      };
      const expectPage = (
        query: string,
        got: { seqs: string; hasMore: boolean },
        seqList: string,
        hasMore: boolean,
      ) =>
        expect(
          got.seqs === seqList && got.hasMore === hasMore,
          `?${query} gave seq [${got.seqs}] hasMore ${got.hasMore} instead of [${seqList}] hasMore ${hasMore}`,
        );
      for (const [query, seqList, hasMore] of [
        ['after=0&limit=2', '1,2', true],
        ['after=2&limit=2', '3,4', true],
        ['before=5&limit=2', '3,4', true],
        ['before=3&limit=5', '1,2', false],
      ] as const) {
        expectPage(query, await page(query), seqList, hasMore);
      }
      const last = seqs.length;
      const lastPage = await page(`after=${last - 1}&limit=200`);
      // Another participant (a bot) may have answered meanwhile; what came after must still start at `last`.
      expect(
        lastPage.seqs.split(',')[0] === String(last),
        `?after=${last - 1} started at [${lastPage.seqs}]`,
      );
    });

    // ── Stream ────────────────────────────────────────────────────────────────────────────────────
    let live: SseReader | undefined;
    let firstMessageCursor: string | undefined;
    let newestCursor: string | undefined = rotated?.cursor;
    await check(CHECKS.streamOpen, async () => {
      const opened = await openStream(need(token, 'a token'), need(rotated, 'a session').cursor);
      expectStatus(
        { status: opened.answer.status, headers: opened.answer.headers, text: '', json: undefined },
        200,
        'GET /v1/stream',
      );
      const type = opened.answer.headers.get('content-type') ?? '(none)';
      expect(type.startsWith('text/event-stream'), `Content-Type is ${type}`);
      const cache = opened.answer.headers.get('cache-control') ?? '(none)';
      for (const directive of ['no-cache', 'no-transform']) {
        expect(cache.includes(directive), `Cache-Control is ${cache}, without ${directive}`);
      }
      // Proxies such as nginx would otherwise hold events back until a buffer fills.
      const buffering = opened.answer.headers.get('x-accel-buffering') ?? '(none)';
      expect(buffering === 'no', `X-Accel-Buffering is ${buffering}, not no`);
      live = opened.reader;
    });
    await check(CHECKS.streamReplay, async () => {
      const reader = need(live, 'an open stream');
      const first = need(firstMessage, 'a message');
      const frame = await waitForFrame(
        reader,
        isMessageCreated(first.id),
        timeoutMs,
        'replayed message.created',
      );
      const durable = events.filter((event) => event.event !== 'typing' && event.event !== 'stream.reset');
      expect(
        durable.every((event) => event.id),
        `${durable.find((event) => !event.id)?.event} was sent without an id`,
      );
      firstMessageCursor = frame.kind === 'event' ? frame.id : undefined;
    });
    let liveMessage: Message | undefined;
    const liveClientMessageId = crypto.randomUUID();
    let echo: SseFrame | undefined;
    await check(CHECKS.streamLive, async () => {
      const reader = need(live, 'an open stream');
      const id = need(conversation, 'a conversation').id;
      const answer = await sendText(
        need(token, 'a token'),
        id,
        liveClientMessageId,
        'Apakah masih ada stok?',
      );
      expectStatus(answer, 201, 'PUT while the stream is open');
      liveMessage = parseMessage(answer.json);
      echo = await waitForFrame(reader, isMessageCreated(liveMessage.id), timeoutMs, 'live message.created');
      if (echo.kind === 'event') newestCursor = echo.id ?? newestCursor;
    });
    await check(CHECKS.streamEcho, async () => {
      const frame = need(echo, 'the live event');
      expect(frame.kind === 'event', 'not an event');
      const event = parseStreamEvent(frame.event, frame.data, frame.id);
      expect(event?.type === 'message.created', 'not message.created');
      expect(
        event.data.message.clientMessageId === liveClientMessageId,
        `the echo carries clientMessageId ${event.data.message.clientMessageId} instead of ${liveClientMessageId}`,
      );
    });
    await check(CHECKS.streamHeartbeat, async () => {
      const reader = need(live, 'an open stream');
      const started = Date.now();
      await waitForFrame(reader, (frame) => frame.kind === 'comment', heartbeatWaitMs, 'comment line');
      return `after ${Date.now() - started} ms`;
    });
    /** Opens the stream resuming after the first message's cursor; the next message must be replayed first. */
    const expectReplayAfterFirst = async (how: 'after' | 'Last-Event-ID') => {
      const first = need(firstMessage, 'a message');
      const cursor = need(firstMessageCursor, 'the cursor of the first message');
      const opened =
        how === 'after'
          ? await openStream(need(token, 'a token'), cursor)
          : await openStream(need(token, 'a token'), undefined, cursor);
      const resumedWith = how === 'after' ? `?after=${cursor}` : `Last-Event-ID ${cursor}`;
      expect(opened.reader, `GET /v1/stream with ${resumedWith} answered ${opened.answer.status}`);
      const frame = await waitForFrame(
        opened.reader,
        (candidate) =>
          candidate.kind === 'event' &&
          candidate.event === 'message.created' &&
          candidate.data.includes(first.conversationId),
        timeoutMs,
        `message.created after the ${how === 'after' ? 'cursor' : 'Last-Event-ID'}`,
      );
      const message = parseStreamEvent('message.created', frame.kind === 'event' ? frame.data : '');
      expect(message?.type === 'message.created', 'not message.created');
      expect(
        message.data.message.seq === first.seq + 1,
        `the first message replayed after ${how === 'after' ? 'the cursor' : 'Last-Event-ID'} of seq ${first.seq} has seq ${message.data.message.seq}`,
      );
      await opened.reader.close();
    };
    await check(CHECKS.streamCursor, () => expectReplayAfterFirst('after'));
    await check(CHECKS.streamLastEventId, () => expectReplayAfterFirst('Last-Event-ID'));
    await check(CHECKS.streamStale, async () => {
      const cursor = options.staleCursor ?? raisedCursor(need(newestCursor, 'a cursor'));
      const opened = await openStream(need(token, 'a token'), cursor);
      if (!opened.reader) {
        const last = answers.at(-1) as (typeof answers)[number];
        let json: unknown;
        try {
          json = JSON.parse(last.text);
        } catch {
          json = undefined;
        }
        expectProblem({ ...last, json }, 'gone', `GET /v1/stream?after=${cursor}`);
        return `410 for ${cursor}`;
      }
      const frame = await waitForFrame(
        opened.reader,
        (candidate) => candidate.kind === 'event',
        timeoutMs,
        'event',
      );
      expect(
        frame.kind === 'event' && frame.event === 'stream.reset',
        `GET /v1/stream?after=${cursor} answered 200 and began with ${frame.kind === 'event' ? frame.event : ''} instead of stream.reset`,
      );
      parseStreamEvent('stream.reset', frame.data);
      await opened.reader.close();
      return `stream.reset for ${cursor}`;
    });
    await check(CHECKS.streamData, async () => {
      expect(events.length > 0, 'no events were read');
      for (const event of events) parseStreamEvent(event.event, event.data, event.id);
      return `${events.length} events`;
    });
    await live?.close();

    // ── Errors ────────────────────────────────────────────────────────────────────────────────────
    await check(CHECKS.badRequest, async () => {
      const answer = await call('POST', '/v1/conversations', {
        token: need(token, 'a token'),
        raw: '{"clientConversationId":',
        headers: { 'Content-Type': 'application/json' },
      });
      expectProblem(answer, 'invalid_request', 'POST /v1/conversations with broken JSON');
    });
    await check(CHECKS.notFound, async () => {
      const answer = await call('GET', '/v1/conversations/sapa-conformance-missing/messages', {
        token: need(token, 'a token'),
      });
      expectProblem(answer, 'not_found', 'GET …/messages of an unknown conversation');
    });
    await check(CHECKS.textTooLong, async () => {
      const id = need(conversation, 'a conversation').id;
      const answer = await sendText(
        need(token, 'a token'),
        id,
        crypto.randomUUID(),
        'a'.repeat(MAX_TEXT_LENGTH + 1),
      );
      expectProblem(answer, 'payload_too_large', `a text of ${MAX_TEXT_LENGTH + 1} characters`);
    });

    // ── Uploads ───────────────────────────────────────────────────────────────────────────────────
    const upload = (bytes: BodyInit, mime: string, name: string) =>
      call('POST', '/v1/uploads', {
        token: need(token, 'a token'),
        raw: bytes,
        headers: { 'Content-Type': mime, [FILENAME_HEADER]: encodeURIComponent(name) },
      });
    const fetchServed = async (attachment: Attachment): Promise<Answer> => {
      const url = new URL(attachment.url, `${apiUrl}/`).href;
      const anonymous = await call('GET', url);
      // A backend may keep files behind the visitor's token; that is allowed.
      return anonymous.status === 401 ? call('GET', url, { token }) : anonymous;
    };
    let uploaded: Attachment | undefined;
    await check(CHECKS.uploadAccepted, async () => {
      const accept = need(config, 'the config').upload.accept;
      const sample = (
        [
          ['text/plain', new TextEncoder().encode('Nomor pesanan: 12345\n'), 'catatan pesanan.txt'],
          ['image/png', PNG_1X1, 'foto struk.png'],
          ['application/pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), 'struk.pdf'],
        ] as const
      ).find(([mime]) => accepts(accept, mime));
      expect(
        sample,
        `none of text/plain, image/png, application/pdf is in upload.accept (${accept.join(', ')})`,
      );
      const answer = await upload(sample[1], sample[0], sample[2]);
      expectStatus(answer, 201, `POST /v1/uploads of ${sample[0]}`);
      uploaded = parseAttachment(answer.json);
      expect(
        uploaded.size === sample[1].byteLength,
        `attachment.size is ${uploaded.size}, not ${sample[1].byteLength}`,
      );
      expect(uploaded.mime === sample[0], `attachment.mime is ${uploaded.mime}, not ${sample[0]}`);
    });
    await check(CHECKS.uploadTooLarge, async () => {
      const limits = need(config, 'the config').upload;
      const mime = need(uploaded, 'an accepted upload').mime;
      const answer = await upload(new Uint8Array(limits.maxBytes + 1), mime, 'terlalu besar.bin');
      expectProblem(answer, 'payload_too_large', `an upload of ${limits.maxBytes + 1} bytes`);
    });
    await check(CHECKS.uploadType, async () => {
      const accept = need(config, 'the config').upload.accept;
      const mime = 'application/x-sapa-conformance';
      if (accepts(accept, mime)) return 'upload.accept allows every type';
      const answer = await upload(new TextEncoder().encode('?'), mime, 'aneh.bin');
      expectProblem(answer, 'unsupported_media_type', `an upload of ${mime}`);
    });
    await check(CHECKS.uploadServed, async () => {
      const attachment = need(uploaded, 'an accepted upload');
      const answer = await fetchServed(attachment);
      expectStatus(answer, 200, `GET ${attachment.url}`);
      const sniff = answer.headers.get('x-content-type-options');
      expect(sniff?.toLowerCase() === 'nosniff', `X-Content-Type-Options is ${sniff ?? '(none)'}`);
      const disposition = answer.headers.get('content-disposition') ?? '';
      const type = answer.headers.get('content-type') ?? '';
      expect(
        disposition.startsWith('attachment') ||
          (disposition.startsWith('inline') && type.startsWith('image/')),
        `Content-Disposition "${disposition}" for ${type}: only images may be inline`,
      );
    });
    await check(CHECKS.uploadSvg, async () => {
      const accept = need(config, 'the config').upload.accept;
      const answer = await upload(new TextEncoder().encode(SVG), 'image/svg+xml', 'logo.svg');
      if (!accepts(accept, 'image/svg+xml') || answer.status === 415) {
        expectProblem(answer, 'unsupported_media_type', 'an SVG upload outside upload.accept');
        return 'SVG refused at upload';
      }
      expectStatus(answer, 201, 'POST /v1/uploads of image/svg+xml');
      const served = await fetchServed(parseAttachment(answer.json));
      expectStatus(served, 200, 'GET of the SVG');
      const disposition = served.headers.get('content-disposition') ?? '(none)';
      expect(
        disposition.startsWith('attachment'),
        `the SVG is served with Content-Disposition ${disposition}`,
      );
      const sniff = served.headers.get('x-content-type-options');
      expect(
        sniff?.toLowerCase() === 'nosniff',
        `the SVG is served with X-Content-Type-Options ${sniff ?? '(none)'}`,
      );
    });

    // ── CORS ──────────────────────────────────────────────────────────────────────────────────────
    await check(CHECKS.corsPreflight, async () => {
      const id = need(conversation, 'a conversation').id;
      const answer = await call('OPTIONS', `/v1/conversations/${id}/messages/${crypto.randomUUID()}`, {
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization,content-type,last-event-id,x-sapa-filename',
        },
      });
      expect(answer.status >= 200 && answer.status < 300, `the preflight answered ${answer.status}`);
      const allowOrigin = answer.headers.get('access-control-allow-origin');
      expect(
        allowOrigin === origin || allowOrigin === '*',
        `Access-Control-Allow-Origin is ${allowOrigin ?? '(none)'}`,
      );
      const allowHeaders = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'content-type', 'last-event-id', 'x-sapa-filename']) {
        expect(
          allowHeaders.includes(header) || allowHeaders === '*',
          `Access-Control-Allow-Headers "${allowHeaders}" lacks ${header}`,
        );
      }
      const allowMethods = (answer.headers.get('access-control-allow-methods') ?? '').toUpperCase();
      expect(
        allowMethods.includes('PUT') || allowMethods === '*',
        `Access-Control-Allow-Methods "${allowMethods}" lacks PUT`,
      );
    });
    await check(CHECKS.corsExpose, async () => {
      const answer = await call('GET', '/v1/config', {
        token: need(token, 'a token'),
        headers: { Origin: origin },
      });
      expectStatus(answer, 200, 'GET /v1/config with an Origin');
      const allowOrigin = answer.headers.get('access-control-allow-origin');
      expect(
        allowOrigin === origin || allowOrigin === '*',
        `Access-Control-Allow-Origin is ${allowOrigin ?? '(none)'}`,
      );
      const exposed = (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      for (const header of ['sapa-protocol', 'retry-after']) {
        expect(exposed.includes(header), `Access-Control-Expose-Headers "${exposed}" lacks ${header}`);
      }
    });

    // ── Rate limit (last: it spends a fresh visitor's budget) ─────────────────────────────────────
    if (!options.skipRateLimit) {
      await check(CHECKS.rateLimit, async () => {
        const created = await newSession();
        expectStatus(created, 201, 'POST /v1/sessions for the burst');
        const burstToken = parseSession(created.json).token;
        const burst = options.burst ?? 2000;
        let sent = 0;
        while (sent < burst) {
          const batch = await Promise.all(
            Array.from({ length: Math.min(50, burst - sent) }, () =>
              fetchFunction(`${apiUrl}/v1/config`, {
                headers: { Authorization: `Bearer ${burstToken}` },
                signal: AbortSignal.timeout(timeoutMs),
              }).then(async (response) => ({ response, text: await response.text() })),
            ),
          );
          sent += batch.length;
          const limited = batch.find(({ response }) => response.status === 429);
          if (limited) {
            const answer = {
              status: 429,
              headers: limited.response.headers,
              text: limited.text,
              json: undefined,
            };
            answers.push({ label: 'GET /v1/config (burst)', ...answer });
            expectProblem({ ...answer, json: JSON.parse(limited.text) }, 'rate_limited', 'the burst');
            const retryAfter = limited.response.headers.get('retry-after') ?? '';
            expect(
              /^\d+$/.test(retryAfter) || !Number.isNaN(Date.parse(retryAfter)),
              `Retry-After is "${retryAfter || '(none)'}", neither seconds nor an HTTP date`,
            );
            return `after ${sent} requests`;
          }
          const other = batch.find(({ response }) => response.status !== 200);
          expect(!other, `a burst request answered ${other?.response.status}`);
        }
        throw new ConformanceFailure(`no 429 after ${sent} requests`);
      });
    }

    // ── What holds for every answer ───────────────────────────────────────────────────────────────
    await check(CHECKS.protocolHeader, async () => {
      const without = answers.filter((answer) => answer.headers.get(PROTOCOL_HEADER) !== PROTOCOL_VERSION);
      expect(
        without.length === 0,
        `${without.length} of ${answers.length} answers lack it, e.g. ${without[0]?.label} (${without[0]?.status})`,
      );
      return `${answers.length} answers`;
    });
    await check(CHECKS.problems, async () => {
      const errors = answers.filter((answer) => answer.status >= 400);
      expect(errors.length > 0, 'no error answers were seen');
      for (const answer of errors) {
        const type = answer.headers.get('content-type') ?? '(none)';
        expect(
          type.startsWith('application/problem+json'),
          `${answer.label} answered ${answer.status} with Content-Type ${type}`,
        );
        const problem = parseProblem(JSON.parse(answer.text));
        expect(
          PROBLEM_STATUS[problem.code] === answer.status ||
            (problem.code === 'server_error' && answer.status >= 500),
          `${answer.label} answered ${answer.status} with code ${problem.code}`,
        );
      }
      return `${errors.length} error answers`;
    });
  } finally {
    await Promise.all(streams.map((reader) => reader.close()));
  }

  const passed = results.filter((result) => result.ok).length;
  const failed = results.length - passed;
  log(`${passed} passed, ${failed} failed`);
  return { results, passed, failed };
}
