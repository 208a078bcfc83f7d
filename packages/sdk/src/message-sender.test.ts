import type { Message } from '@sapa/protocol';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createHttpTransport } from './http-transport.js';
import { MemoryStorage } from './memory-storage.js';
import { createMessageSender } from './message-sender.js';
import { createOutbox } from './outbox.js';
import { initialState } from './reducer.js';
import { createStore } from './store.js';

const CONVERSATION_ID = 'c_1';
const BASE_URL = 'https://chat.example.test/v1';

/** One request the sender made, as the network saw it. */
interface Seen {
  method: string;
  path: string;
}

type Answer = (seen: Seen, init: RequestInit) => Promise<Response>;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** What the backend answers to a PUT: the message, acknowledged with a seq. */
const acknowledge: Answer = async ({ path }, init) => {
  const clientMessageId = decodeURIComponent(path.split('/').at(-1) ?? '');
  const body = JSON.parse(String(init.body)) as { text?: string };
  const acknowledged: Message = {
    id: `m_${clientMessageId}`,
    conversationId: CONVERSATION_ID,
    seq: 1,
    clientMessageId,
    author: { role: 'visitor', id: 'v_1' },
    type: 'text',
    text: body.text,
    createdAt: '2026-11-25T10:00:00.000Z',
  };
  return json(201, acknowledged);
};

/** A dead network: the request never gets an answer. */
const offline: Answer = async () => {
  throw new TypeError('fetch failed');
};

/**
 * The sender over the real HTTP transport, a real store and a real outbox in memory; the network is a hand-written
 * fetch whose answer each test chooses, and the other parts are small fakes.
 */
function sender(answer: { current: Answer }) {
  const store = createStore(initialState());
  store.dispatch({ type: 'set', fields: { activeConversationId: CONVERSATION_ID } });
  const outbox = createOutbox(new MemoryStorage(), 'demo');
  const seen: Seen[] = [];
  const fetch: typeof globalThis.fetch = async (input, init = {}) => {
    const url = new URL(String(input));
    const request = { method: init.method ?? 'GET', path: url.pathname.replace('/v1', '') };
    seen.push(request);
    return answer.current(request, init);
  };
  const request = createHttpTransport({
    baseUrl: BASE_URL,
    fetch,
    getToken: () => 'st_token',
    renewSession: async () => {},
  });
  const reported: unknown[] = [];
  const messageSender = createMessageSender({
    store,
    request,
    report: (error) => reported.push(error),
    storage: { outbox },
    sync: {
      receive: (conversationId, messages) => store.dispatch({ type: 'messages', conversationId, messages }),
    },
    conversations: {
      startConversation: () => Promise.reject(new Error('This test has a conversation already.')),
    },
    sessions: {
      current: () => ({ visitorId: 'v_1', token: 'st_token', expiresAt: '', cursor: '', obtainedAt: 0 }),
    },
    tabs: { isFollower: () => false },
    lifecycle: { ready: async () => {} },
  });
  const shown = () => store.getState().messages[CONVERSATION_ID] ?? [];
  const puts = () => seen.filter((request) => request.method === 'PUT').map((request) => request.path);
  return { messageSender, store, outbox, seen, puts, shown, reported };
}

/** Resolves once `check` holds; the sender's steps are promises, not timers. */
async function settled(check: () => boolean): Promise<void> {
  for (let tries = 0; !check(); tries++) {
    if (tries > 200) throw new Error('The expected state never came.');
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

beforeEach(() => {
  // Full-jitter backoff waits random() × ceiling: no wait, so the retries run at once.
  vi.spyOn(Math, 'random').mockReturnValue(0);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('message sender', () => {
  test('a send is in the outbox and shown as sending before the first try, and leaves the outbox only once acknowledged', async () => {
    let acknowledgeNow: () => void = () => {};
    const answer = {
      current: ((seen, init) =>
        new Promise<void>((resolve) => {
          acknowledgeNow = resolve;
        }).then(() => acknowledge(seen, init))) as Answer,
    };
    const { messageSender, outbox, shown, puts } = sender(answer);
    const sending = messageSender.sendText('Halo, pesanan saya belum sampai.');
    await settled(() => puts().length === 1);
    const [waiting] = await outbox.list();
    expect(waiting?.body).toEqual({ type: 'text', text: 'Halo, pesanan saya belum sampai.' });
    expect(puts()).toEqual([`/conversations/${CONVERSATION_ID}/messages/${waiting?.clientMessageId}`]);
    expect(shown()).toMatchObject([
      { seq: 0, delivery: 'sending', clientMessageId: waiting?.clientMessageId },
    ]);
    acknowledgeNow();
    const sent = await sending;
    expect(sent.clientMessageId).toBe(waiting?.clientMessageId);
    expect(shown()).toMatchObject([{ seq: 1, delivery: 'sent', clientMessageId: waiting?.clientMessageId }]);
    expect(await outbox.list()).toEqual([]);
  });

  test('a network failure is tried four times with the same clientMessageId, then shown failed and kept for the next flush', async () => {
    const answer = { current: offline };
    const { messageSender, outbox, shown, puts } = sender(answer);
    const failure = await messageSender.sendText('Tolong dibantu').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'network_error' });
    const [waiting] = await outbox.list();
    const path = `/conversations/${CONVERSATION_ID}/messages/${waiting?.clientMessageId}`;
    expect(puts()).toEqual([path, path, path, path]);
    expect(shown()).toMatchObject([{ delivery: 'failed', error: { code: 'network_error' } }]);

    answer.current = acknowledge;
    messageSender.flush();
    await settled(() => shown()[0]?.delivery === 'sent');
    expect(puts()).toEqual([path, path, path, path, path]);
    expect(shown()).toHaveLength(1);
    expect(await outbox.list()).toEqual([]);
  });

  test('an answer the protocol never retries fails at once and leaves the outbox', async () => {
    const answer = {
      current: (async () =>
        json(422, { type: 'x', title: 'Mismatch', status: 422, code: 'idempotency_mismatch' })) as Answer,
    };
    const { messageSender, outbox, shown, puts } = sender(answer);
    const failure = await messageSender.sendText('Halo').catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'idempotency_mismatch', status: 422 });
    expect(puts()).toHaveLength(1);
    expect(shown()).toMatchObject([{ delivery: 'failed' }]);
    expect(await outbox.list()).toEqual([]);
  });

  test('retry sends a failed message again under its clientMessageId', async () => {
    const answer = { current: offline };
    const { messageSender, shown, puts } = sender(answer);
    await messageSender.sendText('Apakah bisa COD?').catch(() => {});
    const clientMessageId = shown()[0]?.clientMessageId ?? '';
    answer.current = acknowledge;
    const sent = await messageSender.retry(clientMessageId);
    expect(sent.clientMessageId).toBe(clientMessageId);
    expect(new Set(puts())).toEqual(
      new Set([`/conversations/${CONVERSATION_ID}/messages/${clientMessageId}`]),
    );
    expect(shown()).toMatchObject([{ delivery: 'sent', text: 'Apakah bisa COD?' }]);
  });

  test('cancelUpload stops the upload in flight: the pending message and its progress go, nothing is sent', async () => {
    // The upload hangs until it is aborted, as a slow network would.
    const answer = {
      current: ((_, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        })) as Answer,
    };
    const { messageSender, store, outbox, shown, seen } = sender(answer);
    const sending = messageSender
      .sendFile({ name: 'bukti transfer.pdf', type: 'application/pdf', data: new Uint8Array(64) })
      .catch((error: unknown) => error);
    await settled(() => Object.keys(store.getState().uploads).length === 1);
    const [clientMessageId = ''] = Object.keys(store.getState().uploads);
    expect(shown()).toMatchObject([{ clientMessageId, type: 'file', delivery: 'sending' }]);

    expect(messageSender.cancelUpload(clientMessageId)).toBe(true);
    expect(await sending).toMatchObject({ code: 'aborted' });
    expect(shown()).toEqual([]);
    expect(store.getState().uploads).toEqual({});
    expect(await outbox.list()).toEqual([]);
    expect(seen.map((request) => request.method)).toEqual(['POST']);
    expect(messageSender.cancelUpload(clientMessageId)).toBe(false);
  });

  test('cancelUpload is false when no upload of that message is in flight', async () => {
    const answer = {
      current: (async (seen, init) =>
        seen.path === '/uploads'
          ? json(201, { id: 'att_1', name: 'struk.txt', size: 5, mime: 'text/plain', url: '/files/att_1' })
          : acknowledge(seen, init)) as Answer,
    };
    const { messageSender, shown } = sender(answer);
    expect(messageSender.cancelUpload('no-such-message')).toBe(false);
    await messageSender.sendFile({
      name: 'struk.txt',
      type: 'text/plain',
      data: new TextEncoder().encode('Lunas'),
    });
    const clientMessageId = shown()[0]?.clientMessageId ?? '';
    expect(shown()).toMatchObject([{ delivery: 'sent' }]);
    expect(messageSender.cancelUpload(clientMessageId)).toBe(false);
  });
});
