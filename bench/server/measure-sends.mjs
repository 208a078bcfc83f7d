// Measure 1: visitor text sends per second (`PUT …/messages/{clientMessageId}`, a new UUID each) at several
// concurrencies, closed loop on keep-alive connections, spread over 100 visitors who each have an open
// conversation and an open stream (so every send is also written to the sender's stream).
import { randomUUID } from 'node:crypto';
import { describeCpu, disturbed, startCpuWindow, waitForQuiet } from './cpu-window.mjs';
import { keepAliveAgent, request } from './http-client.mjs';
import {
  closeStreams,
  createVisitors,
  messageText,
  openAgentStreams,
  openVisitorStreams,
} from './population.mjs';
import { round, summarize } from './statistics.mjs';

const VISITORS = 100;
const CONCURRENCIES = [10, 50, 100];

async function runLevel(target, visitors, concurrency, { warmUpMs, measureMs }) {
  const agent = keepAliveAgent(concurrency);
  const server = target.visitorServer;
  const startedAt = performance.now();
  const measureFrom = startedAt + warmUpMs;
  const endAt = measureFrom + measureMs;
  const latencies = [];
  const perSecond = new Array(Math.ceil(measureMs / 1000)).fill(0);
  let errors = 0;
  let next = 0;
  let finishCpu;
  const cpuMark = setTimeout(() => {
    finishCpu = startCpuWindow(target.processes);
  }, warmUpMs);

  const worker = async () => {
    while (performance.now() < endAt) {
      const visitor = visitors[next++ % visitors.length];
      const path = `/v1/conversations/${visitor.conversationId}/messages/${randomUUID()}`;
      const started = performance.now();
      let status = 0;
      try {
        ({ status } = await request(agent, server, 'PUT', path, visitor.headers, {
          type: 'text',
          text: messageText(`send-${next}`),
        }));
      } catch {
        // Counted below as an error, like a non-2xx answer.
      }
      const finished = performance.now();
      if (started < measureFrom || finished > endAt) continue;
      if (status !== 201) {
        errors++;
        continue;
      }
      latencies.push(finished - started);
      perSecond[Math.min(perSecond.length - 1, Math.floor((finished - measureFrom) / 1000))]++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  clearTimeout(cpuMark);
  const seconds = measureMs / 1000;
  const cpu = finishCpu();
  agent.destroy();
  return {
    concurrency,
    perSecondRate: round(latencies.length / seconds, 0),
    perSecond,
    errors,
    latencyMs: summarize(latencies),
    ...cpu,
  };
}

/** 100 visitors with a conversation and an open stream each, and an agent online. */
async function populate(target) {
  const visitors = await createVisitors(target, VISITORS);
  const agentStreams = await openAgentStreams(target);
  const { streams } = await openVisitorStreams(target, visitors);
  return { target, visitors, streams: [...streams, ...agentStreams] };
}

/**
 * Both servers run side by side (the idle one only holds its streams) and take turns at each concurrency: the
 * machine is shared, and whatever else runs on it then slows both alike. At least two rounds, more (up to three)
 * until each server had one round the rest of the machine did not disturb; each level reports its best
 * undisturbed round (other work only ever slows a server down), or its best round flagged \`disturbed\`. Every
 * round is kept.
 */
async function measureBoth(baseline, sapa, { quick, log }) {
  const timing = quick ? { warmUpMs: 500, measureMs: 2000 } : { warmUpMs: 2000, measureMs: 8000 };
  const [minimumRounds, maximumRounds] = quick ? [1, 1] : [2, 3];
  const populations = [await populate(baseline), await populate(sapa)];
  const result = { baseline: { levels: [] }, sapa: { levels: [] } };
  const fastest = (levels) =>
    levels.reduce((left, right) => (right.perSecondRate > left.perSecondRate ? right : left));
  for (const concurrency of CONCURRENCIES) {
    const tries = { baseline: [], sapa: [] };
    const undisturbed = (name) => tries[name].filter((level) => !disturbed(level));
    for (let round = 0; round < maximumRounds; round++) {
      for (const { target, visitors } of populations) {
        const quiet = await waitForQuiet(target.processes, quick ? 5000 : 15_000);
        const level = { ...(await runLevel(target, visitors, concurrency, timing)), ...quiet };
        log(
          `  ${target.label}, concurrency ${concurrency}: ${level.perSecondRate}/s, p50 ${level.latencyMs.p50} ms, ` +
            `p99 ${level.latencyMs.p99} ms, errors ${level.errors} (${describeCpu(level)})`,
        );
        tries[target.name].push(level);
      }
      if (round + 1 >= minimumRounds && undisturbed('baseline').length && undisturbed('sapa').length) break;
    }
    for (const name of ['baseline', 'sapa']) {
      const quietRounds = undisturbed(name);
      const best = quietRounds.length ? fastest(quietRounds) : { ...fastest(tries[name]), disturbed: true };
      result[name].levels.push({ ...best, rounds: tries[name] });
    }
  }
  for (const [index, name] of ['baseline', 'sapa'].entries()) {
    Object.assign(result[name], {
      visitors: VISITORS,
      ...timing,
      droppedStreams: closeStreams(populations[index].streams),
    });
  }
  return result;
}

export const sends = {
  name: 'sends',
  title: 'visitor sends per second',
  run: ({ withTarget, ...context }) =>
    withTarget('baseline', (baseline) => withTarget('sapa', (sapa) => measureBoth(baseline, sapa, context))),
};
