// Measure 3: memory per open stream: the server process's RSS (/proc/<pid>/status) and V8 heap (reported by
// the process after a full collection) as visitors' streams are opened, 500 at a time, up to 4,000.
//
// The figure is the growth per stream from 2,000 to 4,000 open streams: the least-squares slope through the
// five readings there (two readings alone move by ±20 %: RSS grows in whole pages and heap chunks). The first
// 2,000 streams are a warm-up, because what a process did before shapes what its first streams cost: making the
// sessions leaves sapa-server holding ~30 MB of heap it has freed, which its first ~2,000 streams fill without
// any growth of RSS, while the baseline grows its young generation under its first streams. Measured from 0 or
// 500 streams, the server that did more work before looks cheaper per stream (1.4× instead of ~1.9×); from
// 2,000 both have settled and the slope is the cost of one more stream. `firstStreams` in the JSON keeps the
// growth over the warm-up.
import { sleep } from './pool.mjs';
import { closeStreams, createVisitors, openAgentStreams, openVisitorStreams } from './population.mjs';
import { round } from './statistics.mjs';
import { baselineThenSapa } from './targets.mjs';

const WARM_UP_STREAMS = 2000;
const STREAMS = 2000;
const STEP = 500;
const READINGS = 3;

/** The median of a few readings, each after a full collection in the server process. */
async function settledMemory(node) {
  const readings = [];
  for (let index = 0; index < READINGS; index++) {
    await sleep(300);
    readings.push(await node.memory());
  }
  const median = (key) => readings.map((reading) => reading[key]).sort((left, right) => left - right)[1];
  return {
    rssBytes: median('rssBytes'),
    heapUsedBytes: median('heapUsedBytes'),
    heapTotalBytes: median('heapTotalBytes'),
    externalBytes: median('externalBytes'),
    reported: readings[readings.length - 1].streams,
  };
}

/** Least-squares slope of `[x, y]` points. */
function slope(points) {
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  const covariance = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const variance = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  return covariance / variance;
}

async function measureTarget(target, { log }) {
  const total = WARM_UP_STREAMS + STREAMS;
  const visitors = await createVisitors(target, total, { conversations: false });
  const agentStreams = await openAgentStreams(target);
  const readings = [{ streams: 0, ...(await settledMemory(target.visitorNode)) }];
  const streams = [];
  for (let opened = 0; opened < total; opened += STEP) {
    const step = await openVisitorStreams(target, visitors.slice(opened, opened + STEP));
    streams.push(...step.streams);
    readings.push({ streams: opened + STEP, ...(await settledMemory(target.visitorNode)) });
  }
  const measured = readings.filter((reading) => reading.streams >= WARM_UP_STREAMS);
  const perStream = (key) => round(slope(measured.map((reading) => [reading.streams, reading[key]])), 0);
  const warmUp = readings.filter((reading) => reading.streams <= WARM_UP_STREAMS);
  const warmUpPerStream = (key) => round(slope(warmUp.map((reading) => [reading.streams, reading[key]])), 0);
  const result = {
    streams: STREAMS,
    warmUpStreams: WARM_UP_STREAMS,
    rssBytesPerStream: perStream('rssBytes'),
    heapBytesPerStream: perStream('heapUsedBytes'),
    externalBytesPerStream: perStream('externalBytes'),
    firstStreams: {
      rssBytesPerStream: warmUpPerStream('rssBytes'),
      heapBytesPerStream: warmUpPerStream('heapUsedBytes'),
    },
    readings,
    droppedStreams: closeStreams([...streams, ...agentStreams]),
  };
  log(
    `  ${target.label}: ${(result.rssBytesPerStream / 1024).toFixed(1)} KB RSS, ` +
      `${(result.heapBytesPerStream / 1024).toFixed(1)} KB heap per stream; RSS by open streams: ` +
      readings
        .map((reading) => `${reading.streams}: ${(reading.rssBytes / 2 ** 20).toFixed(1)} MB`)
        .join(', '),
  );
  return result;
}

export const memory = {
  name: 'memory',
  title: 'memory per open stream',
  run: baselineThenSapa(measureTarget),
};
