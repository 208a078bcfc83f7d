import { type CaseResult, runFuzzCase } from './fuzz-case.js';
import { heapUsedAfterCollection, megabytes } from './heap.js';
import { caseSeed } from './seeded-random.js';

/** What a run of fuzz cases found, for the test to assert. */
export interface FuzzRun {
  /** Failed cases (at most 10: the run stops there), each described with its seed. */
  failures: string[];
  /** Exceptions and rejections that escaped, with the seed that was running. */
  escaped: string[];
  heapGrowth: number;
}

const hex = (seed: number) => `0x${seed.toString(16).padStart(8, '0')}`;

/**
 * Runs `cases` fuzz cases (or the one `SAPA_FUZZ_SEED` names), damaged or valid ones, and measures the heap from
 * before to after them (after 2,000 warm-up cases, so that compiled code and caches are there both times). Prints
 * the totals: streams, events, bytes, chunks, time, CPU and heap.
 */
export async function runFuzzCases(
  name: string,
  runSeed: number,
  cases: number,
  damaged: boolean,
): Promise<FuzzRun> {
  const only = process.env.SAPA_FUZZ_SEED;
  const count = Number(process.env.SAPA_FUZZ_CASES ?? cases);
  const seeds = only ? [Number(only)] : Array.from({ length: count }, (_, index) => caseSeed(runSeed, index));
  const escaped: string[] = [];
  let current = 0;
  const onEscape = (error: unknown) =>
    escaped.push(`seed ${hex(current)} (or the one before): ${(error as Error)?.stack ?? error}`);
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
  try {
    for (const seed of seeds.slice(0, 2_000)) await runFuzzCase(seed, damaged);
    const failures: CaseResult[] = [];
    const totals = { streams: 0, bytes: 0, chunks: 0, events: 0 };
    const heapBefore = heapUsedAfterCollection();
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    for (const seed of seeds) {
      current = seed;
      const result = await runFuzzCase(seed, damaged);
      totals.streams++;
      totals.bytes += result.bytes;
      totals.chunks += result.chunks;
      totals.events += result.events;
      if (result.problems.length > 0 && failures.push(result) >= 10) break;
    }
    const milliseconds = Math.round(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    // A rejection left behind surfaces on a later turn of the event loop.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const heapGrowth = heapUsedAfterCollection() - heapBefore;
    console.info(
      `${name}: ${totals.streams} streams, ${totals.events} events, ${megabytes(totals.bytes)} in ${totals.chunks} ` +
        `chunks, ${milliseconds} ms (${Math.round((cpu.user + cpu.system) / 1000)} ms of CPU); heap ` +
        `${megabytes(heapBefore)} before, ${heapGrowth >= 0 ? '+' : ''}${megabytes(heapGrowth)} after`,
    );
    return {
      failures: failures.map(
        (result) =>
          `seed ${hex(result.seed)} (${result.bytes} B in ${result.chunks} chunks, ${result.events} events, ` +
          `mutations: ${result.mutations.join(', ') || 'none'}):\n  ${result.problems.join('\n  ')}`,
      ),
      escaped,
      heapGrowth,
    };
  } finally {
    process.off('unhandledRejection', onEscape);
    process.off('uncaughtException', onEscape);
  }
}
