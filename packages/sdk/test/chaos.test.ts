import { expect, test } from 'vitest';
import { createClient } from '../src/index.js';
import { FaultProxy } from './fault-proxy.js';
import { agentSend, backendMessages, startTestServer, waitUntil } from './helpers.js';

const VISITOR_MESSAGES = 1_000;
const AGENT_MESSAGES = 1_000;

test('chaos: 2,000 messages through cut streams, 5 % dropped responses and duplicated events: none lost, none twice', async () => {
  const server = await startTestServer();
  const proxy = await new FaultProxy(server.url).start();
  // An agent online keeps the rule bot quiet, so every message in the conversation is one of ours.
  const agentOnline = new AbortController();
  const agentStream = await fetch(`${server.url}/agent/v1/stream`, {
    headers: { Authorization: `Bearer ${server.agentToken}` },
    signal: agentOnline.signal,
  });
  const client = createClient({ apiUrl: proxy.url, siteKey: 'demo', storage: 'memory' });
  try {
    await client.connect();
    const conversation = await client.startConversation();
    await waitUntil(() => client.getSnapshot().connection === 'open', 5_000, 'open stream');

    let seed = 42;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    let dropped = 0;
    proxy.fault = (request) => {
      if (request.method === 'PUT' && random() < 0.05) {
        dropped++;
        return { kind: 'drop-after-commit' };
      }
      return undefined;
    };
    proxy.stream = { cut: 0.01, duplicate: 0.1, random };

    const visitorTexts = Array.from({ length: VISITOR_MESSAGES }, (_, index) => `visitor ${index}`);
    const agentTexts = Array.from({ length: AGENT_MESSAGES }, (_, index) => `agent ${index}`);
    // A pool of concurrent senders: one send waiting out a retry never stalls the others.
    const pool = async (items: string[], send: (text: string) => Promise<unknown>, width: number) => {
      let next = 0;
      const worker = async () => {
        while (next < items.length) {
          const text = items[next++] as string;
          await send(text);
        }
      };
      await Promise.all(Array.from({ length: width }, worker));
    };
    const sendVisitor = () =>
      pool(visitorTexts, (text) => client.sendText(text, { conversationId: conversation.id }), 20);
    const sendAgent = () => pool(agentTexts, (text) => agentSend(server, conversation.id, text), 10);
    const started = Date.now();
    await Promise.all([sendVisitor(), sendAgent()]);
    const total = VISITOR_MESSAGES + AGENT_MESSAGES;
    const lastSeq = (await backendMessages(server, conversation.id)).at(-1)?.seq ?? 0;
    const maxSeqShown = (list: { seq: number }[] | undefined) =>
      Math.max(0, ...(list ?? []).map((m) => m.seq));
    await waitUntil(
      () => maxSeqShown(client.getSnapshot().messages[conversation.id]) >= lastSeq,
      30_000,
      'every message in the snapshot',
    );

    const backend = await backendMessages(server, conversation.id);
    const shown = client.getSnapshot().messages[conversation.id] ?? [];
    // Only our messages: the backend adds system lines (assignment) of its own.
    const ours = new Set([...visitorTexts, ...agentTexts]);
    const shownTexts = shown.map((message) => message.text ?? '').filter((text) => ours.has(text));
    const lost = [...visitorTexts, ...agentTexts].filter((text) => !shownTexts.includes(text)).length;
    const duplicated = shownTexts.length - new Set(shownTexts).size;
    const storedTexts = backend.map((message) => message.text ?? '').filter((text) => ours.has(text));
    const storedTwice = storedTexts.length - new Set(storedTexts).size;
    console.info(
      `chaos: ${total} messages, ${dropped} responses dropped after commit, ${proxy.count('GET /v1/stream')} stream connections, ${Date.now() - started} ms, lost ${lost}, duplicated ${duplicated}, stored twice ${storedTwice}`,
    );
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(storedTwice).toBe(0);
    expect(storedTexts).toHaveLength(total);
    expect(shown.map((message) => message.seq)).toEqual(backend.map((message) => message.seq));
    expect(shown.every((message) => message.delivery === undefined || message.delivery === 'sent')).toBe(
      true,
    );
    expect(dropped).toBeGreaterThan(0);
    expect(proxy.count('GET /v1/stream')).toBeGreaterThan(2);
  } finally {
    client.disconnect();
    agentOnline.abort();
    await agentStream.body?.cancel().catch(() => {});
    await proxy.close();
    await server.close();
  }
}, 120_000);
