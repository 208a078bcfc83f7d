import { parseMessage, parseStreamEvent } from '../../guards.js';
import type { SseFrame } from '../../sse-parser.js';
import type { CheckContext, CheckDefinition } from '../conformance-types.js';
import { expect, expectProblem, expectStatus, need } from '../expectations.js';
import { readJson } from '../recording-client.js';

const isMessageCreated = (messageId: string) => (frame: SseFrame) =>
  frame.kind === 'event' && frame.event === 'message.created' && frame.data.includes(messageId);

/** A cursor after every cursor made from `cursor`: its first raisable character raised by one. */
export function raisedCursor(cursor: string): string {
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

/** Opens the stream resuming after the first message's cursor; the next message must be replayed first. */
async function expectReplayAfterFirst(
  { client, settings, state }: CheckContext,
  how: 'after' | 'Last-Event-ID',
): Promise<void> {
  const first = need(state.firstMessage, 'a message');
  const cursor = need(state.firstMessageCursor, 'the cursor of the first message');
  const token = need(state.token, 'a token');
  const opened =
    how === 'after'
      ? await client.openStream(token, cursor)
      : await client.openStream(token, undefined, cursor);
  const resumedWith = how === 'after' ? `?after=${cursor}` : `Last-Event-ID ${cursor}`;
  expect(opened.reader, `GET /v1/stream with ${resumedWith} answered ${opened.answer.status}`);
  const where = how === 'after' ? 'the cursor' : 'Last-Event-ID';
  const frame = await client.waitForFrame(
    opened.reader,
    (candidate) =>
      candidate.kind === 'event' &&
      candidate.event === 'message.created' &&
      candidate.data.includes(first.conversationId),
    settings.timeoutMs,
    `message.created after the ${how === 'after' ? 'cursor' : 'Last-Event-ID'}`,
  );
  const message = parseStreamEvent('message.created', frame.kind === 'event' ? frame.data : '');
  expect(message?.type === 'message.created', 'not message.created');
  expect(
    message.data.message.seq === first.seq + 1,
    `the first message replayed after ${where} of seq ${first.seq} has seq ${message.data.message.seq}`,
  );
  await opened.reader.close();
}

/** The event stream: headers, replay, live delivery, echo, heartbeat, resuming, stale cursors, data. */
export const streamChecks: CheckDefinition[] = [
  {
    check: 'streamOpen',
    level: 'must',
    async run({ client, state }) {
      const opened = await client.openStream(
        need(state.token, 'a token'),
        need(state.rotated, 'a session').cursor,
      );
      expectStatus({ status: opened.answer.status, text: '' }, 200, 'GET /v1/stream');
      const headers = opened.answer.headers;
      const type = headers.get('content-type') ?? '(none)';
      expect(type.startsWith('text/event-stream'), `Content-Type is ${type}`);
      const cache = headers.get('cache-control') ?? '(none)';
      for (const directive of ['no-cache', 'no-transform']) {
        expect(cache.includes(directive), `Cache-Control is ${cache}, without ${directive}`);
      }
      // Proxies such as nginx would otherwise hold events back until a buffer fills.
      const buffering = headers.get('x-accel-buffering') ?? '(none)';
      expect(buffering === 'no', `X-Accel-Buffering is ${buffering}, not no`);
      state.live = opened.reader;
    },
  },
  {
    check: 'streamReplay',
    level: 'must',
    async run({ client, settings, state }) {
      const reader = need(state.live, 'an open stream');
      const first = need(state.firstMessage, 'a message');
      const frame = await client.waitForFrame(
        reader,
        isMessageCreated(first.id),
        settings.timeoutMs,
        'replayed message.created',
      );
      const durable = client.events.filter(
        (event) => event.event !== 'typing' && event.event !== 'stream.reset',
      );
      expect(
        durable.every((event) => event.id),
        `${durable.find((event) => !event.id)?.event} was sent without an id`,
      );
      state.firstMessageCursor = frame.kind === 'event' ? frame.id : undefined;
    },
  },
  {
    check: 'streamLive',
    level: 'must',
    async run({ client, settings, state }) {
      const reader = need(state.live, 'an open stream');
      const id = need(state.conversation, 'a conversation').id;
      const answer = await client.sendText(
        need(state.token, 'a token'),
        id,
        state.liveClientMessageId,
        'Apakah masih ada stok?',
      );
      expectStatus(answer, 201, 'PUT while the stream is open');
      const message = parseMessage(answer.json);
      const echo = await client.waitForFrame(
        reader,
        isMessageCreated(message.id),
        settings.timeoutMs,
        'live message.created',
      );
      state.echo = echo;
      if (echo.kind === 'event') state.newestCursor = echo.id ?? state.newestCursor;
    },
  },
  {
    check: 'streamEcho',
    level: 'must',
    async run({ state }) {
      const frame = need(state.echo, 'the live event');
      expect(frame.kind === 'event', 'not an event');
      const event = parseStreamEvent(frame.event, frame.data, frame.id);
      expect(event?.type === 'message.created', 'not message.created');
      expect(
        event.data.message.clientMessageId === state.liveClientMessageId,
        `the echo carries clientMessageId ${event.data.message.clientMessageId} instead of ${state.liveClientMessageId}`,
      );
    },
  },
  {
    check: 'streamHeartbeat',
    level: 'must',
    async run({ client, settings, state }) {
      const reader = need(state.live, 'an open stream');
      const started = Date.now();
      await client.waitForFrame(
        reader,
        (frame) => frame.kind === 'comment',
        settings.heartbeatWaitMs,
        'comment line',
      );
      return `after ${Date.now() - started} ms`;
    },
  },
  { check: 'streamCursor', level: 'must', run: (context) => expectReplayAfterFirst(context, 'after') },
  {
    check: 'streamLastEventId',
    level: 'must',
    run: (context) => expectReplayAfterFirst(context, 'Last-Event-ID'),
  },
  {
    check: 'streamStale',
    level: 'must',
    async run({ client, settings, state }) {
      const cursor =
        settings.staleCursor ?? raisedCursor(need(state.newestCursor ?? state.rotated?.cursor, 'a cursor'));
      const opened = await client.openStream(need(state.token, 'a token'), cursor);
      if (!opened.reader) {
        const last = client.answers.at(-1) as (typeof client.answers)[number];
        expectProblem({ ...last, json: readJson(last.text) }, 'gone', `GET /v1/stream?after=${cursor}`);
        return `410 for ${cursor}`;
      }
      const frame = await client.waitForFrame(
        opened.reader,
        (candidate) => candidate.kind === 'event',
        settings.timeoutMs,
        'event',
      );
      expect(
        frame.kind === 'event' && frame.event === 'stream.reset',
        `GET /v1/stream?after=${cursor} answered 200 and began with ${frame.kind === 'event' ? frame.event : ''} instead of stream.reset`,
      );
      parseStreamEvent('stream.reset', frame.data);
      await opened.reader.close();
      return `stream.reset for ${cursor}`;
    },
  },
  {
    check: 'streamData',
    level: 'must',
    async run({ client, state }) {
      try {
        expect(client.events.length > 0, 'no events were read');
        for (const event of client.events) parseStreamEvent(event.event, event.data, event.id);
        return `${client.events.length} events`;
      } finally {
        // The last check of the stream: the live stream has served its purpose.
        await state.live?.close();
      }
    },
  },
];
