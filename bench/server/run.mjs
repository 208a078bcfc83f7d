#!/usr/bin/env node
// `npm run bench:server`: measures sapa-server (packages/server/dist) next to a plain node:http baseline in one
// run, over HTTP on loopback, and reports each figure with its ratio to the baseline and the budgets of
// DESIGN.md. See bench/BENCHMARKS.md, "Reference server".
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './machine.mjs';
import { databaseSize } from './measure-database-size.mjs';
import { fanout } from './measure-fanout.mjs';
import { memory } from './measure-memory.mjs';
import { open } from './measure-open.mjs';
import { sends } from './measure-sends.mjs';
import { ensureOpenFileLimit } from './open-file-limit.mjs';
import { HELP, OptionsError, parseOptions } from './options.mjs';
import {
  BUDGET_HEADER,
  budgetVerdicts,
  consoleTable,
  describeNoise,
  FOOTNOTE,
  otherWork,
  TABLE_HEADER,
  tableRows,
  verdictRows,
  writeReports,
} from './report.mjs';
import { configurationKey, configurationLabel, startTarget } from './targets.mjs';

const benchFolder = join(dirname(fileURLToPath(import.meta.url)), '..');
const MEASURES = [sends, fanout, memory, open, databaseSize];
/** 2,000 streams plus connections and the servers' own files, with room to spare. */
const OPEN_FILES_NEEDED = 8192;

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof OptionsError)) throw error;
  console.error(`${error.message}\n\n${HELP}`);
  process.exit(2);
}
if (options.help) {
  console.log(HELP);
  process.exit(0);
}
if (!existsSync(join(benchFolder, '..', 'packages/server/dist/index.js'))) {
  console.error('packages/server/dist is missing: run `npm run build` first.');
  process.exit(1);
}
try {
  ensureOpenFileLimit(OPEN_FILES_NEEDED);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

const log = (line) => console.log(line);
let failed = false;
for (const configuration of options.configurations) {
  if (!(await runConfiguration(configuration))) failed = true;
}
// Agents and streams are closed; exiting explicitly keeps a stray timer in a dependency from holding the run.
process.exit(options.check && failed ? 1 : 0);

/** Measures one configuration next to a fresh baseline; answers whether every budget was met. */
async function runConfiguration(configuration) {
  const label = configurationLabel(configuration);
  /** Starts a fresh target, runs `task` on it and always stops it (and its database) afterwards. */
  const withTarget = async (name, task) => {
    const target = await startTarget(name, configuration);
    try {
      return await task(target);
    } finally {
      await target.close();
    }
  };

  const startedAt = new Date();
  const machine = describeMachine();
  log(
    `${label} vs plain node:http on ${machine.cpuModel} (${machine.cores} cores), Node ${machine.nodeVersion}`,
  );
  log(
    `load average ${machine.loadAverageAtStart.join(', ')}${options.quick ? '; --quick: rough figures' : ''}\n`,
  );
  const measures = {};
  try {
    // A server that cannot start (not built, or not on the store asked for) fails here, before minutes of baseline.
    await withTarget('sapa', async () => {});
    for (const measure of MEASURES.filter((candidate) => options.measures.includes(candidate.name))) {
      log(`${measure.title}…`);
      const started = performance.now();
      measures[measure.name] = await measure.run({ withTarget, quick: options.quick, log });
      log(`  (${Math.round((performance.now() - started) / 1000)} s)\n`);
    }
  } catch (error) {
    console.error(`\nThe benchmark could not run: ${error instanceof Error ? error.message : error}`);
    if (process.env.SAPA_BENCH_DEBUG) console.error(error);
    process.exit(1);
  }
  const durationSeconds = (Date.now() - startedAt.getTime()) / 1000;

  const rows = tableRows(measures);
  log(consoleTable(TABLE_HEADER, rows));
  if (rows.some((row) => row.join('').includes('*'))) log(FOOTNOTE.replace('\\', ''));
  log('');
  const verdicts = budgetVerdicts(measures);
  log(consoleTable(BUDGET_HEADER, verdictRows(verdicts)));
  const other = otherWork(measures);
  log(`\nThe run took ${Math.round(durationSeconds)} s. ${describeNoise(other).replaceAll('**', '')}`);

  if (options.write) {
    writeReports(benchFolder, configurationKey(configuration), {
      label,
      configuration,
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round(durationSeconds),
      quick: options.quick,
      machine,
      measures,
      budgets: verdicts,
      otherCpuPercent: other,
    });
    log('Written: bench/server-results.json, bench/BENCHMARKS.md ("Reference server").\n');
  }
  return verdicts.every((verdict) => verdict.met);
}
