import { isDeepStrictEqual } from 'node:util';
import { type Message, parseMessage, parseStreamEvent, type StreamEvent } from '@sapa/protocol';
import type { ClientParts } from '../../src/client-parts.js';
import { createConversationSync } from '../../src/conversation-sync.js';
import { toErrorInfo } from '../../src/errors.js';
import { openEventStream, type RawStreamEvent, type StreamEnd } from '../../src/event-stream.js';
import { initialState } from '../../src/reducer.js';
import { createStore, type Store } from '../../src/store.js';
import { createStreamEvents, type StreamEvents } from '../../src/stream-events.js';
import type { ClientMessage, ClientState } from '../../src/types.js';
import type { ExpectedState } from './expected-state.js';

/** The SDK's own stream handling as the client wires it, with a backend that answers REST with nothing new. */
export interface StreamClient {
  store: Store;
  events: StreamEvents;
  /** Errors the client reported (into `lastError`). */
  reported: unknown[];
  /** Broken promises, found while the stream ran: each one a sentence. */
  violations: string[];
  /** Cursors written to storage, in order. */
  storedCursors: string[];
  /** Reads one stream, its body delivered as `chunks`; resolves with how it ended, or `hung`. */
  read(
    chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
    options?: ReadOptions,
  ): Promise<StreamEnd | 'hung'>;
}

export interface ReadOptions {
  /** A stream not over by then has hung. */
  timeoutMs?: number;
  /** Counts the body's bytes the SDK pulled. */
  onPull?: (bytes: number) => void;
  /** What the standard reader read from the same bytes: each handled event is compared with its own. */
  expected?: Pick<ExpectedState, 'events' | 'nul'>;
}

const STREAM_URL = 'http://127.0.0.1:1/v1/stream';

/**
 * Builds the client's stream handling from its real parts: `openEventStream` (fetch-event-source) for the bytes,
 * `createStreamEvents` applying events, `createConversationSync` taking messages into the real store and reducer.
 * The fakes sit at the edges only: storage records the cursor, the other tabs are absent (this tab leads), REST
 * answers with empty pages. Every handled event is checked as it is applied (see {@link StreamClient.violations}).
 */
export function createStreamClient(): StreamClient {
  const store = createStore(initialState());
  const reported: unknown[] = [];
  const violations: string[] = [];
  const storedCursors: string[] = [];
  const set = (fields: Parameters<ClientParts['set']>[0]) => store.dispatch({ type: 'set', fields });
  const parts = {
    store,
    set,
    report(error: unknown) {
      reported.push(error);
      set({ lastError: toErrorInfo(error) });
    },
    emit() {},
    showCampaign: (campaign: NonNullable<ReturnType<Store['getState']>['campaign']>) => set({ campaign }),
    request: async ({ path }: { path: string }) =>
      path === '/conversations' ? { conversations: [] } : { messages: [], hasMore: false },
    storage: {
      persistence: {
        async save(name: string, value: unknown) {
          if (name === 'cursor') storedCursors.push(value as string);
        },
        load: async () => undefined,
      },
    },
    tabs: { share: store.dispatch, broadcast() {} },
    sessions: { recreate: async () => ({ cursor: '0000000000000000' }) },
  } as unknown as ClientParts;
  parts.sync = createConversationSync(parts);
  parts.events = createStreamEvents(parts);
  const { events } = parts;

  const checked = new WeakSet<object>();
  store.subscribe((state, _previous, action) => {
    if (action.type !== 'messages') return;
    const list = messagesOf(state, action.conversationId);
    list.forEach((message, index) => {
      const before = list[index - 1];
      if (before && before.seq >= message.seq)
        violations.push(
          `messages of ${action.conversationId} out of order: seq ${before.seq} before ${message.seq}`,
        );
      if (message.conversationId !== action.conversationId)
        violations.push(
          `message ${message.id} of ${message.conversationId} listed under ${action.conversationId}`,
        );
      if (checked.has(message)) return;
      checked.add(message);
      try {
        parseMessage(message);
      } catch (error) {
        violations.push(`a message in the state fails its guard: ${(error as Error).message}`);
      }
    });
  });

  /** What the standard reader read from the bytes of the stream being read, when known. */
  let standard: ReadOptions['expected'];
  let handled = 0;

  /**
   * Handles one event as the stream manager does, then checks it: it is the event the standard reader read at
   * this point of the stream, and the state and the cursor moved as its guard says they must.
   */
  const handle = (raw: RawStreamEvent) => {
    const what = `${raw.type} ${raw.id ?? '(no id)'}`;
    let expected: StreamEvent | null | undefined;
    if (standard) {
      const read = standard.events[handled];
      // The one difference ExpectedState['nul'] tells of: an id the standard took that the SDK dropped.
      const sameId = read?.id === raw.id || (standard.nul && raw.id === undefined);
      if (!read || read.type !== raw.type || read.data !== raw.data || !sameId)
        violations.push(
          `event ${handled} is ${what} (${raw.data.length} B), the standard reader read ${
            read ? `${read.type} ${read.id ?? '(no id)'} (${read.data.length} B)` : 'no more events'
          }`,
        );
      expected = read?.event;
    } else
      try {
        expected = parseStreamEvent(raw.type, raw.data, raw.id);
      } catch {
        expected = undefined;
      }
    handled++;
    const before = store.getState();
    const cursorBefore = events.cursor();
    const storedBefore = storedCursors.length;
    events.handle(raw);
    const after = store.getState();
    const cursor = events.cursor();
    if (expected === undefined) {
      if (cursor !== cursorBefore) violations.push(`the cursor moved past ${what}, whose data is invalid`);
      if (after.messages !== before.messages || after.conversations !== before.conversations)
        violations.push(`the invalid ${what} changed the state`);
      return;
    }
    if (expected?.type === 'stream.reset') {
      if (![cursorBefore, expected.data.cursor, raw.id].includes(cursor))
        violations.push(`stream.reset left the cursor at ${cursor}`);
      return;
    }
    if (cursor !== (raw.id ?? cursorBefore))
      violations.push(`after ${what} the cursor is ${cursor}, not ${raw.id ?? cursorBefore}`);
    if (raw.id && storedCursors.length !== storedBefore + 1)
      violations.push(`the cursor of ${what} was not stored once`);
    if (expected === null && after.messages !== before.messages)
      violations.push(`the unknown event ${what} changed the messages`);
    if (expected?.type === 'message.created' || expected?.type === 'message.updated') {
      const { message } = expected.data;
      const shown = messagesOf(after, message.conversationId).find(
        (candidate) => candidate.seq === message.seq,
      );
      if (!isDeepStrictEqual(shown, asShown(message)))
        violations.push(
          `${what} moved the cursor but the state does not hold its message (seq ${message.seq})`,
        );
    }
  };

  return {
    store,
    events,
    reported,
    violations,
    storedCursors,
    async read(chunks, { timeoutMs = 5_000, onPull, expected } = {}) {
      standard = expected;
      handled = 0;
      const body = bodyOf(chunks, onPull);
      const stream = openEventStream({
        url: STREAM_URL,
        token: 'st_fuzz',
        fetch: async () =>
          new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } }),
        onOpen() {},
        onEvent: handle,
        silenceTimeoutMs: 60_000,
      });
      let timer: ReturnType<typeof setTimeout> | undefined;
      const hung = new Promise<'hung'>((resolve) => {
        timer = setTimeout(resolve, timeoutMs, 'hung');
      });
      const end = await Promise.race([stream.done, hung]);
      clearTimeout(timer);
      if (end === 'hung') stream.close();
      if (standard && handled < standard.events.length)
        violations.push(
          `the SDK handed on ${handled} events, the standard reader read ${standard.events.length}`,
        );
      return end;
    },
  };
}

/** A conversation's messages; a conversation id such as `constructor` names no list. */
function messagesOf(state: ClientState, conversationId: string): ClientMessage[] {
  return Object.hasOwn(state.messages, conversationId)
    ? (state.messages[conversationId] as ClientMessage[])
    : [];
}

/** A message as the state shows it: the visitor's own are marked sent. */
export function asShown(message: Message): ClientMessage {
  return message.author.role === 'visitor' ? { ...message, delivery: 'sent' } : message;
}

/**
 * A response body handing over one chunk per read, as a network does. An array is queued at once (a fast network,
 * and a cheaper stream for the fuzzing's 100,000); an iterable is made as it is read, `onPull` counting the bytes.
 */
export function bodyOf(
  chunks: readonly Uint8Array[] | Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  onPull?: (bytes: number) => void,
): ReadableStream<Uint8Array> {
  if (Array.isArray(chunks) && !onPull)
    return new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(chunk);
        controller.close();
      },
    });
  const iterator =
    Symbol.asyncIterator in chunks
      ? chunks[Symbol.asyncIterator]()
      : (chunks as Iterable<Uint8Array>)[Symbol.iterator]();
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) return controller.close();
        onPull?.(next.value.length);
        controller.enqueue(next.value);
      },
    },
    { highWaterMark: 0 },
  );
}
