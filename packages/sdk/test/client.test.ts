import 'fake-indexeddb/auto';
import type { RunningServer } from '@sapa/server';
import { afterEach, beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { createClient, HttpError, isSapaError, MemoryStorage, type SapaClient } from '../src/index.js';
import { PERSIST_THROTTLE_MS } from '../src/persistence.js';
import { FaultProxy } from './fault-proxy.js';
import { agentSend, backendMessages, startTestServer, waitUntil } from './helpers.js';

let server: RunningServer;
let proxy: FaultProxy;
const clients: SapaClient[] = [];

/** A client on storage the test can read, with a conversation started and its stream open. */
async function conversationOnMemoryStorage() {
  const storage = new MemoryStorage();
  const sapa = createClient({ apiUrl: proxy.url, siteKey: 'demo', storage });
  clients.push(sapa);
  await sapa.connect();
  const conversation = await sapa.startConversation();
  await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open stream');
  return { storage, sapa, conversation };
}

function client(storage: 'memory' | 'indexeddb' = 'memory'): SapaClient {
  const created = createClient({ apiUrl: proxy.url, siteKey: 'demo', storage, locale: 'id' });
  clients.push(created);
  return created;
}

function texts(sapa: SapaClient, conversationId: string): string[] {
  return (sapa.getSnapshot().messages[conversationId] ?? []).map((message) => message.text ?? '');
}

beforeEach(async () => {
  server = await startTestServer();
  proxy = await new FaultProxy(server.url).start();
});

afterEach(async () => {
  for (const created of clients.splice(0)) created.disconnect();
  await proxy.close();
  await server.close();
});

describe('against the reference server through a fault proxy', () => {
  test('send and receive: the own message once and acknowledged, the agent reply live', async () => {
    const sapa = client();
    const received: string[] = [];
    sapa.on('message', (message) => received.push(message.text ?? ''));
    await sapa.connect();
    const sent = await sapa.sendText('Halo, pesanan saya belum sampai.');
    const conversationId = sent.conversationId;
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open stream');
    await agentSend(server, conversationId, 'Baik Kak, kami cek dulu ya.');
    await waitUntil(() => received.includes('Baik Kak, kami cek dulu ya.'), 5_000, 'agent reply');
    const own = sapa
      .getSnapshot()
      .messages[conversationId]?.filter((message) => message.author.role === 'visitor');
    expect(own).toHaveLength(1);
    expect(own?.[0]).toMatchObject({ id: sent.id, delivery: 'sent', seq: sent.seq });
    const seqs = sapa.getSnapshot().messages[conversationId]?.map((message) => message.seq) ?? [];
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(sapa.getSnapshot().unreadCount).toBeGreaterThan(0);
    await sapa.markRead();
    expect(sapa.getSnapshot().unreadCount).toBe(0);
  });

  test('the first subscriber starts the client and the last one leaving stops it; connect() keeps it running', async () => {
    const sapa = client();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(proxy.requests).toEqual([]);
    const first = sapa.subscribe(() => {});
    const second = sapa.subscribe(() => {});
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open stream');
    expect(proxy.count('POST /v1/session')).toBe(1);
    first();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sapa.getSnapshot().connection).toBe('open');
    second();
    await waitUntil(() => sapa.getSnapshot().connection === 'idle', 2_000, 'stopped');
    // A caller of connect() owns the connection: subscribers coming and going do not stop it.
    await sapa.connect();
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open again');
    sapa.subscribe(() => {})();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(sapa.getSnapshot().connection).toBe('open');
  });

  test('identify rotates the token: a stream refused with the old token waits for the new one, same visitor', async () => {
    const sapa = client();
    await sapa.connect();
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open stream');
    const visitorId = sapa.getSnapshot().visitor?.id;
    const sessionsBefore = proxy.count('POST /v1/sessions');
    // The backend has rotated the token, but its answer is still on the way when the stream drops.
    proxy.fault = (request) =>
      request.url?.startsWith('/v1/identify') ? { kind: 'delay-answer', ms: 1_500 } : undefined;
    const identified = sapa.identify({ userId: 'pelanggan-42', name: 'Sari' });
    await waitUntil(() => proxy.count('POST /v1/identify') === 1, 2_000, 'identify sent');
    await new Promise((resolve) => setTimeout(resolve, 100));
    proxy.cutStreams();
    const visitor = await identified;
    proxy.fault = () => undefined;
    expect(visitor).toMatchObject({ id: visitorId, name: 'Sari' });
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'stream open again');
    expect(sapa.getSnapshot().visitor?.id).toBe(visitorId);
    expect(proxy.count('POST /v1/sessions')).toBe(sessionsBefore);
    const sent = await sapa.sendText('Halo, saya Sari.');
    await agentSend(server, sent.conversationId, 'Halo Kak Sari!');
    await waitUntil(() => texts(sapa, sent.conversationId).includes('Halo Kak Sari!'), 5_000, 'agent reply');
  });

  test('the cursor is stored after an event is applied and sent as ?after= when the stream reconnects', async () => {
    const { storage, sapa, conversation } = await conversationOnMemoryStorage();
    await agentSend(server, conversation.id, 'Ada yang bisa kami bantu?');
    await waitUntil(() => texts(sapa, conversation.id).includes('Ada yang bisa kami bantu?'), 5_000, 'reply');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const cursor = await storage.get<string>('demo:cursor');
    expect(cursor).toBeTruthy();
    proxy.cutStreams();
    await waitUntil(
      () => proxy.urls.filter((url) => url.startsWith('/v1/stream')).length >= 2,
      5_000,
      'reconnect',
    );
    expect(proxy.urls.filter((url) => url.startsWith('/v1/stream')).at(-1)).toBe(
      `/v1/stream?after=${encodeURIComponent(cursor ?? '')}`,
    );
  });

  test('hiding the page writes the history at once instead of after the save delay', async () => {
    // Node has no document: a stand-in with the one event the client listens to.
    const page = Object.assign(new EventTarget(), { visibilityState: 'visible' });
    vi.stubGlobal('document', page);
    onTestFinished(() => {
      vi.unstubAllGlobals();
    });
    const { storage, sapa, conversation } = await conversationOnMemoryStorage();
    await new Promise((resolve) => setTimeout(resolve, PERSIST_THROTTLE_MS * 2));
    const reply = 'Terima kasih sudah berbelanja!';
    const stored = async () => JSON.stringify(await storage.get('demo:state'));
    // The page is hidden in the same tick the reply lands in the snapshot, when its save is only scheduled.
    const hidden = new Promise<string>((resolve) => {
      const stop = sapa.subscribe(() => {
        if (!texts(sapa, conversation.id).includes(reply)) return;
        stop();
        page.visibilityState = 'hidden';
        page.dispatchEvent(new Event('visibilitychange'));
        resolve(reply);
      });
    });
    await agentSend(server, conversation.id, reply);
    await hidden;
    // Well before the save delay would have written it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stored()).toContain(reply);
  });

  test('a response dropped after the backend committed: the retry returns the same message, stored once', async () => {
    const sapa = client();
    await sapa.connect();
    const conversation = await sapa.startConversation();
    let dropped = 0;
    proxy.fault = (request) => {
      if (request.method === 'PUT' && dropped === 0) {
        dropped++;
        return { kind: 'drop-after-commit' };
      }
      return undefined;
    };
    const message = await sapa.sendText('Apakah bisa COD?');
    expect(proxy.count('PUT')).toBe(2);
    const stored = (await backendMessages(server, conversation.id)).filter(
      (item) => item.author.role === 'visitor',
    );
    expect(stored.map((item) => item.id)).toEqual([message.id]);
    expect(
      sapa.getSnapshot().messages[conversation.id]?.filter((item) => item.author.role === 'visitor'),
    ).toHaveLength(1);
  });

  test('streams cut mid-event, duplicated and reordered events: every message once, in order', async () => {
    const sapa = client();
    await sapa.connect();
    const conversation = await sapa.startConversation();
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open stream');
    let seed = 7;
    proxy.stream = {
      cut: 0.15,
      duplicate: 0.3,
      reorder: 0.3,
      random: () => {
        seed = (seed * 16807) % 2147483647;
        return seed / 2147483647;
      },
    };
    proxy.cutStreams();
    const expected: string[] = [];
    for (let index = 0; index < 40; index++) {
      expected.push(`pesan ${index}`);
      await agentSend(server, conversation.id, `pesan ${index}`);
    }
    await waitUntil(
      () => texts(sapa, conversation.id).filter((text) => text.startsWith('pesan ')).length >= 40,
      20_000,
      'all agent messages',
    );
    const shown = texts(sapa, conversation.id).filter((text) => text.startsWith('pesan '));
    expect(shown).toEqual(expected);
    const seqs = sapa.getSnapshot().messages[conversation.id]?.map((message) => message.seq) ?? [];
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(proxy.count('GET /v1/stream')).toBeGreaterThan(1);
  }, 40_000);

  test('429 with Retry-After is obeyed before the retry', async () => {
    const sapa = client();
    await sapa.connect();
    await sapa.startConversation();
    const times: number[] = [];
    proxy.fault = (request) => {
      if (request.method !== 'PUT') return undefined;
      times.push(Date.now());
      return times.length === 1
        ? {
            kind: 'respond',
            status: 429,
            headers: { 'Retry-After': '1' },
            body: '{"code":"rate_limited","status":429,"title":"Slow down","type":"x"}',
          }
        : undefined;
    };
    await sapa.sendText('Halo');
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(950);
  });

  test('a 5xx outage of the stream is retried at a bounded rate, then recovers', async () => {
    const sapa = client();
    await sapa.connect();
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open stream');
    let outage = true;
    proxy.fault = (request) =>
      outage && request.url?.startsWith('/v1/stream') ? { kind: 'respond', status: 503 } : undefined;
    const before = proxy.count('GET /v1/stream');
    proxy.cutStreams();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const attempts = proxy.count('GET /v1/stream') - before;
    // Full-jitter waits under ceilings of 1, 2, 4, 8, 16 s: a few attempts in 4 s, never a tight loop (a 7th
    // attempt would need six random waits to sum under 4 s, about 1 in 10,000).
    expect(attempts).toBeGreaterThanOrEqual(1);
    expect(attempts).toBeLessThanOrEqual(6);
    expect(['reconnecting', 'connecting']).toContain(sapa.getSnapshot().connection);
    outage = false;
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 20_000, 'recovery');
  }, 40_000);

  test('401 re-creates the session once (same visitor) and retries once', async () => {
    const sapa = client();
    await sapa.connect();
    const visitorId = sapa.getSnapshot().visitor?.id;
    await sapa.startConversation();
    let unauthorized = 0;
    proxy.fault = (request) => {
      if (request.method === 'PUT' && unauthorized === 0) {
        unauthorized++;
        return {
          kind: 'respond',
          status: 401,
          body: '{"code":"unauthorized","status":401,"title":"Token expired","type":"x"}',
        };
      }
      return undefined;
    };
    const sessionsBefore = proxy.count('POST /v1/sessions');
    await sapa.sendText('Halo lagi');
    expect(proxy.count('POST /v1/sessions') - sessionsBefore).toBe(1);
    expect(sapa.getSnapshot().visitor?.id).toBe(visitorId);
  });

  test('a permanent 401 surfaces as an HttpError after one renewal', async () => {
    const sapa = client();
    await sapa.connect();
    await sapa.startConversation();
    proxy.fault = (request) =>
      request.method === 'PUT'
        ? {
            kind: 'respond',
            status: 401,
            body: '{"code":"unauthorized","status":401,"title":"No","type":"x"}',
          }
        : undefined;
    const error = await sapa.sendText('Halo').catch((caught: unknown) => caught);
    expect(isSapaError(error)).toBe(true);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect(proxy.count('PUT')).toBe(2);
  });

  test('offline: the send waits in the outbox and is delivered exactly once when back', async () => {
    const sapa = client();
    await sapa.connect();
    const conversation = await sapa.startConversation();
    await waitUntil(() => sapa.getSnapshot().connection === 'open', 5_000, 'open stream');
    proxy.fault = () => ({ kind: 'refuse' });
    proxy.cutStreams();
    const failure = await sapa.sendText('Tolong dibantu').catch((error: unknown) => error);
    expect(isSapaError(failure)).toBe(true);
    const pending = sapa
      .getSnapshot()
      .messages[conversation.id]?.find((message) => message.text === 'Tolong dibantu');
    expect(pending?.delivery).toBe('failed');
    proxy.fault = () => undefined;
    await waitUntil(
      () =>
        sapa.getSnapshot().messages[conversation.id]?.find((message) => message.text === 'Tolong dibantu')
          ?.delivery === 'sent',
      40_000,
      'delivery after the outage',
    );
    const stored = (await backendMessages(server, conversation.id)).filter(
      (item) => item.text === 'Tolong dibantu',
    );
    expect(stored).toHaveLength(1);
    expect(
      sapa.getSnapshot().messages[conversation.id]?.filter((message) => message.text === 'Tolong dibantu'),
    ).toHaveLength(1);
  }, 60_000);

  test('a first start without network tries again by itself and connects once the network is back', async () => {
    proxy.fault = () => ({ kind: 'refuse' });
    const sapa = client();
    const failure = await sapa.connect().catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: 'network_error' });
    expect(sapa.getSnapshot().config).toBeUndefined();
    proxy.fault = () => undefined;
    // Nobody calls connect() again: the client does, after its backoff.
    await waitUntil(
      () => sapa.getSnapshot().config !== undefined && sapa.getSnapshot().connection === 'open',
      40_000,
      'a start of its own',
    );
    const sent = await sapa.sendText('Halo, tadi sinyal saya hilang.');
    const stored = await backendMessages(server, sent.conversationId);
    expect(stored.filter((message) => message.text === 'Halo, tadi sinyal saya hilang.')).toHaveLength(1);
  }, 60_000);

  test('a reload on the same IndexedDB: history from storage first, then synced', async () => {
    const first = client('indexeddb');
    await first.connect();
    expect(first.getSnapshot().storage).toBe('indexeddb');
    const sent = await first.sendText('Pesanan #123 belum sampai');
    await agentSend(server, sent.conversationId, 'Kami cek sekarang.');
    await waitUntil(() => texts(first, sent.conversationId).includes('Kami cek sekarang.'), 5_000, 'reply');
    first.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await agentSend(server, sent.conversationId, 'Sudah dikirim hari ini.');

    // The network is down while the page reloads: storage alone fills the snapshot.
    proxy.fault = () => ({ kind: 'refuse' });
    const second = client('indexeddb');
    const offlineStart = second.connect().catch((error: unknown) => error);
    await waitUntil(
      () => texts(second, sent.conversationId).includes('Kami cek sekarang.'),
      5_000,
      'stored history',
    );
    expect(second.getSnapshot().visitor?.id).toBe(first.getSnapshot().visitor?.id);
    proxy.fault = () => undefined;
    await offlineStart;
    second.disconnect();
    const third = client('indexeddb');
    await third.connect();
    await waitUntil(
      () => texts(third, sent.conversationId).includes('Sudah dikirim hari ini.'),
      5_000,
      'sync',
    );
    expect(third.getSnapshot().visitor?.id).toBe(first.getSnapshot().visitor?.id);
    expect(
      texts(third, sent.conversationId).filter((text) => text === 'Pesanan #123 belum sampai'),
    ).toHaveLength(1);
  }, 60_000);

  test('sendFile checks the limits first, uploads with progress, and sends the file message', async () => {
    const sapa = client();
    await sapa.connect();
    const tooBig = await sapa
      .sendFile({ name: 'besar.pdf', type: 'application/pdf', data: new Uint8Array(11 * 1024 * 1024) })
      .catch((error: unknown) => error);
    expect(tooBig).toMatchObject({ code: 'payload_too_large', limit: 10 * 1024 * 1024 });
    expect(proxy.count('POST /v1/uploads')).toBe(0);
    const wrongType = await sapa
      .sendFile({ name: 'x.exe', type: 'application/x-msdownload', data: new Uint8Array(10) })
      .catch((error: unknown) => error);
    expect(wrongType).toMatchObject({ code: 'unsupported_media_type' });
    const progress: number[] = [];
    const message = await sapa.sendFile(
      { name: 'struk pembayaran.txt', type: 'text/plain', data: new TextEncoder().encode('Lunas') },
      { text: 'Ini buktinya', onProgress: (fraction) => progress.push(fraction) },
    );
    expect(message.type).toBe('file');
    expect(message.attachments?.[0]?.name).toBe('struk pembayaran.txt');
    expect(progress.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    const cancelled = await sapa
      .sendFile({ name: 'a.txt', type: 'text/plain', data: new Uint8Array(3) }, { signal: controller.signal })
      .catch((error: unknown) => error);
    expect(cancelled).toMatchObject({ code: 'aborted' });
    expect(Object.keys(sapa.getSnapshot().uploads)).toEqual([]);
  });

  test('cancelUpload stops a file upload in flight: its pending message goes and nothing reaches the conversation', async () => {
    const sapa = client();
    await sapa.connect();
    const conversation = await sapa.startConversation();
    // The backend's answer to the upload is held back, so the upload is still in flight when the visitor cancels.
    proxy.fault = (request) =>
      request.url?.startsWith('/v1/uploads') ? { kind: 'delay-answer', ms: 3_000 } : undefined;
    const sending = sapa
      .sendFile({ name: 'foto ktp.txt', type: 'text/plain', data: new TextEncoder().encode('rahasia') })
      .catch((error: unknown) => error);
    await waitUntil(() => proxy.count('POST /v1/uploads') === 1, 5_000, 'upload sent');
    const [clientMessageId = ''] = Object.keys(sapa.getSnapshot().uploads);
    const own = () =>
      (sapa.getSnapshot().messages[conversation.id] ?? []).filter(
        (message) => message.clientMessageId === clientMessageId,
      );
    expect(own()).toMatchObject([{ type: 'file', delivery: 'sending' }]);

    expect(sapa.cancelUpload(clientMessageId)).toBe(true);
    expect(await sending).toMatchObject({ code: 'aborted' });
    expect(own()).toEqual([]);
    expect(sapa.getSnapshot().uploads).toEqual({});
    expect(sapa.getSnapshot().lastError).toBeUndefined();
    expect(sapa.cancelUpload(clientMessageId)).toBe(false);
    expect(proxy.count('PUT')).toBe(0);
    expect(
      (await backendMessages(server, conversation.id)).filter((message) => message.type === 'file'),
    ).toEqual([]);
  });

  test('reset forgets the visitor and everything stored', async () => {
    const sapa = client('indexeddb');
    await sapa.connect();
    const visitorId = sapa.getSnapshot().visitor?.id;
    await sapa.sendText('Halo');
    await sapa.reset();
    expect(sapa.getSnapshot().conversations).toEqual([]);
    const again = client('indexeddb');
    await again.connect();
    expect(again.getSnapshot().visitor?.id).not.toBe(visitorId);
    expect(again.getSnapshot().conversations).toEqual([]);
  });
});
