// Measure 5: database bytes per text message. The store's size (SQLite file + WAL after a checkpoint, or the
// PostgreSQL database) before and after 10,000 visitor text messages over 100 conversations, divided by the
// count. Only sapa-server has a database; the baseline keeps messages in memory.
import { randomUUID } from 'node:crypto';
import { keepAliveAgent, request } from './http-client.mjs';
import { runPool } from './pool.mjs';
import {
  closeStreams,
  createVisitors,
  messageText,
  openAgentStreams,
  openVisitorStreams,
} from './population.mjs';
import { round } from './statistics.mjs';

const VISITORS = 100;
const CONCURRENCY = 50;

async function measureTarget(target, { quick, log }) {
  const messages = quick ? 2000 : 10_000;
  const visitors = await createVisitors(target, VISITORS);
  const agentStreams = await openAgentStreams(target);
  const { streams } = await openVisitorStreams(target, visitors);
  const before = target.databaseBytes();
  const agent = keepAliveAgent(CONCURRENCY);
  let errors = 0;
  await runPool(new Array(messages).fill(0), CONCURRENCY, async (_item, index) => {
    const visitor = visitors[index % visitors.length];
    const path = `/v1/conversations/${visitor.conversationId}/messages/${randomUUID()}`;
    const text = messageText(`size-${index}`);
    const { status } = await request(agent, target.visitorServer, 'PUT', path, visitor.headers, {
      type: 'text',
      text,
    });
    if (status !== 201) errors++;
  });
  agent.destroy();
  const after = target.databaseBytes();
  const grown = after.databaseBytes + after.walBytes - (before.databaseBytes + before.walBytes);
  const result = {
    messages,
    textCharacters: messageText('size-0').length,
    errors,
    before,
    after,
    bytesPerMessage: round(grown / (messages - errors), 0),
    droppedStreams: closeStreams([...streams, ...agentStreams]),
  };
  log(`  ${target.label}: ${result.bytesPerMessage} B per message (${messages} messages, ${errors} errors)`);
  return result;
}

export const databaseSize = {
  name: 'dbsize',
  title: 'database bytes per text message',
  async run({ withTarget, ...context }) {
    return { sapa: await withTarget('sapa', (target) => measureTarget(target, context)) };
  },
};
