// Measure 4: opening streams per second. Sessions are created beforehand; then every visitor opens
// `GET /v1/stream` as fast as possible, 50 at a time (request → response head). Three rounds: after a round the
// streams are closed and the same visitors reconnect, as every client does after a server restart.
import { sleep } from './pool.mjs';
import { closeStreams, createVisitors, openAgentStreams, openVisitorStreams } from './population.mjs';
import { round, summarize } from './statistics.mjs';
import { baselineThenSapa } from './targets.mjs';

const STREAMS = 2000;
const CONCURRENCY = 50;

async function measureTarget(target, { quick, log }) {
  const rounds = quick ? 1 : 3;
  const visitors = await createVisitors(target, STREAMS, { conversations: false });
  const agentStreams = await openAgentStreams(target);
  const results = [];
  for (let index = 0; index < rounds; index++) {
    await sleep(1000);
    const started = performance.now();
    const { streams, openMs } = await openVisitorStreams(target, visitors, { concurrency: CONCURRENCY });
    const seconds = (performance.now() - started) / 1000;
    results.push({ perSecondRate: round(STREAMS / seconds, 0), latencyMs: summarize(openMs) });
    const dropped = closeStreams(streams);
    if (dropped > 0) results[index].droppedStreams = dropped;
  }
  closeStreams(agentStreams);
  const rates = results.map((entry) => entry.perSecondRate).sort((left, right) => left - right);
  const result = {
    streams: STREAMS,
    concurrency: CONCURRENCY,
    medianRate: rates[Math.floor(rates.length / 2)],
    lowestRate: rates[0],
    highestRate: rates[rates.length - 1],
    rounds: results,
  };
  log(`  ${target.label}: ${rates.join(', ')} streams/s (p99 open ${results.at(-1)?.latencyMs.p99} ms)`);
  return result;
}

export const open = {
  name: 'open',
  title: 'opening streams per second',
  run: baselineThenSapa(measureTarget),
};
