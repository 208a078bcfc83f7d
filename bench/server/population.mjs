// Visitors as a real page makes them: a session, an open conversation, an open stream; and agents online
// (an agent stream on every node), so replies are the agent's and the bot stays quiet.
import { randomUUID } from 'node:crypto';
import { keepAliveAgent, requestJson } from './http-client.mjs';
import { runPool } from './pool.mjs';
import { openEventStream } from './sse-client.mjs';

const SETUP_CONCURRENCY = 20;
const setupAgent = keepAliveAgent(SETUP_CONCURRENCY);

/** Text of a visitor's or agent's message, about the length of a real one (60 characters). */
export const messageText = (marker) =>
  `${marker} halo, apakah sepatu ini masih ada ukuran 42?`.padEnd(60, '.');

/** `count` visitors with a session each and, unless `conversations` is false, one open conversation. */
export function createVisitors(target, count, { conversations = true } = {}) {
  const server = target.visitorServer;
  return runPool(new Array(count).fill(0), SETUP_CONCURRENCY, async () => {
    const session = await requestJson(setupAgent, server, 'POST', '/v1/sessions', {}, { siteKey: 'demo' });
    const headers = { Authorization: `Bearer ${session.token}` };
    const visitor = { token: session.token, cursor: session.cursor, headers, conversationId: undefined };
    if (conversations) {
      const conversation = await requestJson(setupAgent, server, 'POST', '/v1/conversations', headers, {
        clientConversationId: randomUUID(),
      });
      visitor.conversationId = conversation.id;
    }
    return visitor;
  });
}

/** The path a visitor's client opens its stream at: after the cursor its session gave. */
export const streamPath = (visitor) => `/v1/stream?after=${encodeURIComponent(visitor.cursor)}`;

/**
 * Opens every visitor's stream, `concurrency` at a time; `onFrame(visitorIndex, frame)` parses frames when
 * given. Resolves with the streams and each open's time (request → response head) in ms.
 */
export async function openVisitorStreams(target, visitors, { concurrency = 50, onFrame } = {}) {
  const openMs = new Array(visitors.length);
  const streams = await runPool(visitors, concurrency, async (visitor, index) => {
    const started = performance.now();
    const stream = await openEventStream(
      target.visitorServer,
      streamPath(visitor),
      visitor.headers,
      onFrame ? (frame) => onFrame(index, frame) : undefined,
    );
    openMs[index] = performance.now() - started;
    return stream;
  });
  return { streams, openMs };
}

/** One agent stream per node, drained; agents count as online while they are open. */
export function openAgentStreams(target) {
  return Promise.all(
    target.allServers.map((server) =>
      openEventStream(server, '/agent/v1/stream', { Authorization: `Bearer ${target.agentToken}` }),
    ),
  );
}

/** Closes streams and checks none of them had closed by itself (a server dropping streams skews a measure). */
export function closeStreams(streams) {
  const dropped = streams.filter((stream) => stream.closed).length;
  for (const stream of streams) stream.close();
  return dropped;
}
