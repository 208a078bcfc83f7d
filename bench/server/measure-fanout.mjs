// Measure 2: the highest rate of agent replies the server fans out to visitors' streams with p99 ≤ 100 ms.
// Replies (`POST /agent/v1/conversations/{id}/messages`) go round-robin over the conversations of visitors
// whose streams are open; latency is from sending the POST to the `message.created` frame arriving on the
// visitor's stream. Open loop: each step offers a fixed rate on a schedule, whatever the server answers, so a
// slow server cannot slow the load down; steps go up until one misses on a try other work did not disturb.
import { describeCpu, disturbed, startCpuWindow, waitForQuiet } from './cpu-window.mjs';
import { keepAliveAgent, request } from './http-client.mjs';
import { sleep } from './pool.mjs';
import {
  closeStreams,
  createVisitors,
  messageText,
  openAgentStreams,
  openVisitorStreams,
} from './population.mjs';
import { round, summarize } from './statistics.mjs';

export const FANOUT_P99_LIMIT_MS = 100;
const STREAM_COUNTS = [100, 2000];
export const FANOUT_RATES = [200, 400, 800, 1200, 1600, 2000, 2400, 3200];
/** A short step before the measured ones, so the first counts neither compiling the reply path nor set-up's WAL. */
const WARM_UP_RATE = 100;
const MARKER = 'fanout-';
/** How long after a step's last POST its events may still arrive before they count as lost. */
const DRAIN_MS = 3000;
/** Agent consoles (connections) the replies are sent over. */
const AGENT_CONNECTIONS = 100;

/** Runs one step: `rate` replies/s for `seconds`, and waits for their events. */
async function runStep(target, visitors, pending, received, rate, seconds) {
  const agent = keepAliveAgent(AGENT_CONNECTIONS);
  const headers = { Authorization: `Bearer ${target.agentToken}` };
  const total = Math.round(rate * seconds);
  const firstSeq = pending.nextSeq;
  pending.nextSeq += total;
  received.length = 0;
  let sent = 0;
  let answered = 0;
  let errors = 0;
  let maxLagMs = 0;
  const finishCpu = startCpuWindow(target.processes);
  const start = performance.now();
  let lastSentAt = start;

  const sendOne = (index) => {
    const seq = firstSeq + index;
    const visitor = visitors[seq % visitors.length];
    const sentAt = performance.now();
    pending.times.set(seq, sentAt);
    request(
      agent,
      target.agentServer,
      'POST',
      `/agent/v1/conversations/${visitor.conversationId}/messages`,
      headers,
      {
        type: 'text',
        text: messageText(`${MARKER}${seq}`),
      },
    ).then(
      ({ status }) => {
        answered++;
        if (status !== 201) errors++;
      },
      () => {
        answered++;
        errors++;
      },
    );
  };
  await new Promise((resolve) => {
    const tick = setInterval(() => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - start) / 1000) * rate) + 1);
      if (due > sent) maxLagMs = Math.max(maxLagMs, now - (start + (sent / rate) * 1000));
      while (sent < due) sendOne(sent++);
      lastSentAt = now;
      if (sent >= total) {
        clearInterval(tick);
        resolve();
      }
    }, 1);
  });
  const sendingSeconds = (lastSentAt - start) / 1000;
  const drainUntil = performance.now() + DRAIN_MS;
  while (performance.now() < drainUntil && (answered < total || pending.countFrom(firstSeq, total) > 0)) {
    await sleep(20);
  }
  const missing = pending.countFrom(firstSeq, total);
  pending.forget(firstSeq, total);
  const cpu = finishCpu();
  agent.destroy();
  const latencyMs = summarize(received, missing);
  const achievedRate = round(total / Math.max(seconds, sendingSeconds), 0);
  // The load generator shares the machine: if it could not offer the rate, the step proves nothing.
  const generatorKeptUp = achievedRate >= rate * 0.95;
  return {
    rate,
    seconds,
    sent: total,
    achievedRate,
    maxScheduleLagMs: round(maxLagMs, 1),
    received: received.length,
    missing,
    errors,
    latencyMs,
    ...cpu,
    met: generatorKeptUp && missing === 0 && errors === 0 && latencyMs.p99 <= FANOUT_P99_LIMIT_MS,
    ...(generatorKeptUp ? {} : { note: 'the load generator fell behind the schedule' }),
  };
}

/** Reply times by sequence number; what is left after a step's drain was lost. */
function pendingReplies() {
  const times = new Map();
  return {
    times,
    nextSeq: 0,
    countFrom(first, count) {
      let left = 0;
      for (let seq = first; seq < first + count; seq++) if (times.has(seq)) left++;
      return left;
    },
    forget(first, count) {
      for (let seq = first; seq < first + count; seq++) times.delete(seq);
    },
  };
}

async function measureTarget(target, streamCount, { quick, log }) {
  const seconds = quick ? 1 : 5;
  const visitors = await createVisitors(target, streamCount);
  const agentStreams = await openAgentStreams(target);
  const pending = pendingReplies();
  const received = [];
  const onFrame = (_index, frame) => {
    const at = frame.indexOf(MARKER);
    if (at === -1 || !frame.includes('event: message.created')) return;
    const seq = Number.parseInt(frame.slice(at + MARKER.length, at + MARKER.length + 12), 10);
    const sentAt = pending.times.get(seq);
    if (sentAt === undefined) return;
    pending.times.delete(seq);
    received.push(performance.now() - sentAt);
  };
  const { streams } = await openVisitorStreams(target, visitors, { onFrame });
  const warmUp = await runStep(target, visitors, pending, received, WARM_UP_RATE, seconds);
  await sleep(1000);
  const steps = [];
  for (const rate of FANOUT_RATES) {
    // A step that misses while other work took the machine's CPU is tried again (up to three tries): that work
    // only ever adds latency. A miss on an undisturbed try is the server's.
    let met = false;
    for (let attempt = 1; attempt <= (quick ? 2 : 3); attempt++) {
      const quiet = await waitForQuiet(target.processes, quick ? 5000 : 15_000);
      const step = {
        attempt,
        ...(await runStep(target, visitors, pending, received, rate, seconds)),
        ...quiet,
      };
      steps.push(step);
      met = step.met;
      log(
        `  ${target.label}, ${streamCount} streams, ${rate} msg/s${attempt > 1 ? ` (try ${attempt})` : ''}: p50 ` +
          `${step.latencyMs.p50} ms, p99 ${step.latencyMs.p99} ms, missing ${step.missing}, errors ` +
          `${step.errors}, offered ${step.achievedRate}/s (${describeCpu(step)}) ` +
          `${step.met ? 'met' : `NOT met${step.note ? `: ${step.note}` : ''}`}`,
      );
      if (met || !disturbed(step)) break;
    }
    if (!met) break;
  }
  const passed = steps.filter((step) => step.met);
  const last = steps.at(-1);
  return {
    streams: streamCount,
    stepSeconds: seconds,
    highestRate: passed.length ? Math.max(...passed.map((step) => step.rate)) : 0,
    /** True when even the highest rate offered met the limit: the real limit is higher. */
    neverFailed: passed.some((step) => step.rate === FANOUT_RATES.at(-1)),
    /** True when the step that ended the series missed only on tries other work disturbed. */
    disturbed: Boolean(last && !last.met && disturbed(last)),
    warmUp,
    steps,
    droppedStreams: closeStreams([...streams, ...agentStreams]),
  };
}

export const fanout = {
  name: 'fanout',
  title: `highest fan-out rate with p99 ≤ ${FANOUT_P99_LIMIT_MS} ms`,
  async run({ withTarget, ...context }) {
    const result = { baseline: {}, sapa: {} };
    for (const streamCount of STREAM_COUNTS) {
      for (const name of ['baseline', 'sapa']) {
        result[name][streamCount] = await withTarget(name, (target) =>
          measureTarget(target, streamCount, context),
        );
      }
    }
    return result;
  },
};
