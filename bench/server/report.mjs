// Turns a run's results into the side-by-side table, the budget verdicts of DESIGN.md, the console output,
// bench/server-results.json and the "Reference server" section of bench/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FANOUT_P99_LIMIT_MS, FANOUT_RATES } from './measure-fanout.mjs';

const number = (value) =>
  value === undefined ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: 0 });
const kilobytes = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ratio = (value) => (Number.isFinite(value) ? value.toFixed(2) : '—');
const joined = (values) => values.join(' / ');
/** A figure other work on the machine disturbed on every try is marked; the table's footnote says so. */
const mark = (result) => (result.disturbed ? '*' : '');
export const FOOTNOTE =
  '\\* Disturbed: other work on the machine took more than 30 % of a core (or held up the load generator) on every try; rerun when it is quiet.';

/** The highest rate a fan-out met: "≥" when even the last step was met, "<" when not even the first. */
function fanoutRate(result) {
  if (result.disturbed) return `${fanoutRate({ ...result, disturbed: false })}${mark(result)}`;
  if (result.neverFailed) return `≥ ${number(result.highestRate)}`;
  return result.highestRate === 0 ? `< ${number(FANOUT_RATES[0])}` : number(result.highestRate);
}

/** Rows of the table: figure, sapa-server, baseline, ratio (sapa ÷ baseline), as text. */
export function tableRows(measures) {
  const rows = [];
  const { sends, fanout, memory, open, dbsize } = measures;
  if (sends) {
    const levels = (name) => sends[name].levels;
    const concurrencies = levels('sapa').map((level) => level.concurrency);
    rows.push([
      `visitor sends/s, concurrency ${joined(concurrencies)}`,
      joined(levels('sapa').map((level) => `${number(level.perSecondRate)}${mark(level)}`)),
      joined(levels('baseline').map((level) => `${number(level.perSecondRate)}${mark(level)}`)),
      joined(
        levels('sapa').map((level, index) =>
          ratio(level.perSecondRate / levels('baseline')[index].perSecondRate),
        ),
      ),
    ]);
    for (const key of ['p50', 'p99']) {
      const latency = (name) => joined(levels(name).map((level) => level.latencyMs[key].toFixed(1)));
      rows.push([
        `visitor send ${key} latency (ms), same concurrencies`,
        latency('sapa'),
        latency('baseline'),
        '',
      ]);
    }
  }
  if (fanout) {
    const counts = Object.keys(fanout.sapa).map(Number);
    rows.push([
      `highest fan-out with p99 ≤ ${FANOUT_P99_LIMIT_MS} ms (msg/s), ${joined(counts.map(number))} streams`,
      joined(counts.map((count) => fanoutRate(fanout.sapa[count]))),
      joined(counts.map((count) => fanoutRate(fanout.baseline[count]))),
      joined(
        counts.map((count) => {
          const [sapa, baseline] = [fanout.sapa[count], fanout.baseline[count]];
          const value = ratio(sapa.highestRate / baseline.highestRate);
          // Against a baseline that never missed, the true ratio is at most this; for a sapa-server that
          // never missed either, nothing can be said.
          if (sapa.neverFailed && baseline.neverFailed) return '—';
          if (sapa.highestRate === 0) return `< ${ratio(FANOUT_RATES[0] / baseline.highestRate)}`;
          return baseline.neverFailed ? `≤ ${value}` : value;
        }),
      ),
    ]);
  }
  if (memory) {
    rows.push([
      'memory per open stream (2,000 → 4,000 streams), RSS / heap',
      joined([kilobytes(memory.sapa.rssBytesPerStream), kilobytes(memory.sapa.heapBytesPerStream)]),
      joined([kilobytes(memory.baseline.rssBytesPerStream), kilobytes(memory.baseline.heapBytesPerStream)]),
      joined([
        ratio(memory.sapa.rssBytesPerStream / memory.baseline.rssBytesPerStream),
        ratio(memory.sapa.heapBytesPerStream / memory.baseline.heapBytesPerStream),
      ]),
    ]);
  }
  if (open) {
    const range = (result) =>
      result.lowestRate === result.highestRate
        ? number(result.medianRate)
        : `${number(result.medianRate)} (${number(result.lowestRate)}–${number(result.highestRate)})`;
    rows.push([
      'opening streams/s, concurrency 50 (median of rounds)',
      range(open.sapa),
      range(open.baseline),
      ratio(open.sapa.medianRate / open.baseline.medianRate),
    ]);
  }
  if (dbsize) {
    rows.push([
      `database per text message (${dbsize.sapa.textCharacters} characters)`,
      `${number(dbsize.sapa.bytesPerMessage)} B`,
      '— (memory)',
      '',
    ]);
  }
  return rows;
}

/** The budgets of DESIGN.md that this run measured, each met or not. */
export function budgetVerdicts(measures) {
  const verdicts = [];
  const { sends, fanout, memory, dbsize } = measures;
  const at50 = (name) => sends?.[name].levels.find((level) => level.concurrency === 50);
  if (sends && at50('sapa') && at50('baseline')) {
    const value = at50('sapa').perSecondRate / at50('baseline').perSecondRate;
    verdicts.push({
      budget: 'visitor sends/s at concurrency 50 ≥ 0.4× baseline',
      figure: `${ratio(value)}×`,
      met: value >= 0.4,
    });
  }
  if (fanout?.sapa[2000]) {
    const result = fanout.sapa[2000];
    verdicts.push({
      budget: `fan-out at 2,000 streams ≥ 2,000 msg/s with p99 ≤ ${FANOUT_P99_LIMIT_MS} ms`,
      figure: `${fanoutRate(result)} msg/s`,
      met: result.highestRate >= 2000,
    });
  }
  if (memory) {
    const value = memory.sapa.rssBytesPerStream / memory.baseline.rssBytesPerStream;
    verdicts.push({
      budget: 'memory (RSS) per open stream ≤ 1.5× baseline',
      figure: `${ratio(value)}×`,
      met: value <= 1.5,
    });
  }
  if (dbsize) {
    const value = dbsize.sapa.bytesPerMessage;
    verdicts.push({
      budget: 'database per text message ≤ 0.6 KB (600 B)',
      figure: `${number(value)} B`,
      met: value <= 600,
    });
  }
  return verdicts;
}

function markdownTable(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A plain-text table for the console, columns padded. */
export function consoleTable(header, rows) {
  const widths = header.map((_cell, column) =>
    Math.max(...[header, ...rows].map((row) => String(row[column]).length)),
  );
  return [header, ...rows]
    .map((row) => row.map((cell, column) => String(cell).padEnd(widths[column])).join('  '))
    .join('\n');
}

export const TABLE_HEADER = ['figure', 'sapa-server', 'plain node:http', 'ratio'];
export const BUDGET_HEADER = ['budget (DESIGN.md)', 'figure', 'verdict'];
export const verdictRows = (verdicts) =>
  verdicts.map((entry) => [entry.budget, entry.figure, entry.met ? 'met' : 'NOT met']);

const SECTION_INTRODUCTION = `## Reference server

\`npm run bench:server\` (after \`npm run build\`) measures sapa-server from \`packages/server/dist\` as a black box
over HTTP on loopback, next to a plain \`node:http\` server written for the purpose (\`bench/server/baseline-server.mjs\`),
in one run, and writes \`bench/server-results.json\` (every step and per-second sample) and this section. A run
measures three configurations one after the other, each next to a baseline measured with it: SQLite (one node),
PostgreSQL with one node, and PostgreSQL with two nodes on one throwaway cluster, clients spread across them
(visitors' sessions, sends and streams on the first node, agent replies on the second, an agent stream on each;
every event crosses the nodes through \`LISTEN/NOTIFY\`). PostgreSQL runs on the same two cores, so its CPU
counts under "others". \`node bench/server/run.mjs sends fanout memory open dbsize\` runs some measures,
\`--quick\` runs short steps, \`--check\` exits 1 when a budget is not met, \`--store sqlite\` or
\`--store postgres --nodes N\` runs one configuration.

- **Servers**: each is a child process; sapa-server is started in it from the built package
  (\`bench/server/sapa-server-child.mjs\`) on a free port, rate limit off, a fresh SQLite file in a temporary
  folder, the demo site without business hours, and an agent stream open on every node (agents online, the bot
  quiet). The baseline holds the same SSE streams and does the least a chat server must: parse the JSON body,
  append to an in-memory list, write one SSE frame to the visitor's streams, answer 201 with JSON. Each measure
  starts fresh servers.
- **Load generator**: the harness process (\`bench/server/run.mjs\`), raw \`http.request\` on keep-alive agents,
  SSE split into frames only where a measure reads them. It shares the two cores with the server: the CPU used
  by the server, the load generator and everything else on the machine is recorded for every level and step in
  the JSON, and a fan-out step it could not offer on time does not count. Before each level and step the harness
  waits (up to 15 s) until other work on the machine takes at most 20 % of a core.
- **Sends**: 100 visitors, each with an open conversation and stream; closed loop at concurrency 10 / 50 / 100,
  \`PUT /v1/conversations/{id}/messages/{new UUID}\` round-robin over them; 2 s warm-up, then 8 s measured.
  Both servers run side by side and take turns at each concurrency, two rounds or more (up to three) until each
  had a round that other work on the machine did not disturb (it took ≤ 30 % of a core); the best undisturbed
  round of each counts (other work only ever slows a server down).
- **Fan-out**: 100 or 2,000 visitors with open streams; agent replies round-robin over their conversations,
  open loop (a schedule, whatever the server answers) at ${FANOUT_RATES.map(number).join(', ')} msg/s,
  5 s each after an uncounted 5 s at 100 msg/s, until a step misses on a try that other work on the machine did
  not disturb (other work under 30 % of a core, the load generator never more than 50 ms behind its schedule) (a disturbed miss is tried again, up to three tries); latency is from the POST to the
  \`message.created\` frame on the visitor's stream; an event not there 3 s after its step counts as slower than
  any; a step is met with p99 ≤ ${FANOUT_P99_LIMIT_MS} ms, nothing lost and no error.
- **Memory**: RSS (\`/proc/<pid>/status\`) and V8 heap of the server process (reported by the process after a
  full collection; the server runs without \`--expose-gc\`), read (median of three) every 500 streams opened, up
  to 4,000; the figure is the slope from 2,000 to 4,000 open streams: the cost of one more stream once both
  processes have settled. The first 2,000 are a warm-up because the work before them decides what they cost:
  the heap sapa-server freed after making 4,000 sessions (~30 MB) takes its first streams without any growth of
  RSS, so measured from 0 it looks cheaper per stream than it is (\`firstStreams\` in the JSON). KB = 1,024 B.
- **Opening streams**: 2,000 sessions made beforehand, and an agent stream; \`GET /v1/stream\` at concurrency 50
  until all are open (request → response head); three rounds, the same visitors reconnecting.
- **Database**: 10,000 visitor text messages of 60 characters over 100 conversations; SQLite file + WAL after a
  \`wal_checkpoint(TRUNCATE)\` before and after, growth ÷ 10,000.

Ratios are sapa-server ÷ baseline of the same run: the machine is shared and its speed moves between runs.`;

/**
 * Other work on the machine during the CPU-bound steps (sends and fan-out), in % of one core: median and
 * highest over the steps. Undefined when neither ran.
 */
export function otherWork(measures) {
  const values = [
    ...(measures.sends
      ? Object.values(measures.sends).flatMap((side) => side.levels.flatMap((level) => level.rounds))
      : []),
    ...(measures.fanout
      ? Object.values(measures.fanout).flatMap((side) =>
          Object.values(side).flatMap((series) => series.steps),
        )
      : []),
  ].map((step) => step.otherCpuPercent);
  if (values.length === 0) return undefined;
  values.sort((left, right) => left - right);
  return { median: values[Math.floor(values.length / 2)], max: values.at(-1) };
}

/** A sentence on how busy the machine was with other work; a warning when it took a good part of a core. */
export function describeNoise(other) {
  if (!other) return '';
  const sentence = `Other work on the machine during sends and fan-out: median ${other.median} %, highest ${other.max} % of a core`;
  return other.median > 25
    ? `${sentence} — **a busy machine: the figures are low; rerun when it is quiet**.`
    : `${sentence}.`;
}

function configurationSection(entry) {
  const { machine } = entry;
  const lines = [
    `### ${entry.label}`,
    '',
    `Measured ${entry.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${machine.cpuModel}, ${machine.cores} cores, ` +
      `${machine.memoryGiB} GiB, ${machine.platform}, Node ${machine.nodeVersion}; load average at the start ` +
      `${machine.loadAverageAtStart.join(', ')}. The run took ${Math.round(entry.durationSeconds)} s` +
      `${entry.quick ? ' (--quick: rough figures)' : ''}. ${describeNoise(entry.otherCpuPercent)}`,
    '',
    markdownTable(TABLE_HEADER, tableRows(entry.measures)),
    '',
    ...(tableRows(entry.measures).some((row) => row.join('').includes('*')) ? [FOOTNOTE, ''] : []),
    markdownTable(BUDGET_HEADER, verdictRows(budgetVerdicts(entry.measures))),
  ];
  return lines.join('\n');
}

/**
 * Merges this run into bench/server-results.json (one entry per configuration, e.g. `sqlite-1`) and rewrites the
 * "Reference server" section of BENCHMARKS.md from every configuration there; the rest of the file is kept.
 */
export function writeReports(benchFolder, key, entry) {
  const jsonPath = join(benchFolder, 'server-results.json');
  const stored = existsSync(jsonPath) ? JSON.parse(readFileSync(jsonPath, 'utf8')) : { configurations: {} };
  stored.configurations[key] = entry;
  writeFileSync(jsonPath, `${JSON.stringify(stored, null, 2)}\n`);
  // The repository's formatter has the last word on layout, so `biome check` stays clean after a run.
  const biome = join(benchFolder, '..', 'node_modules', '.bin', 'biome');
  if (existsSync(biome)) spawnSync(biome, ['format', '--write', jsonPath], { stdio: 'ignore' });

  const markdownPath = join(benchFolder, 'BENCHMARKS.md');
  const markdown = readFileSync(markdownPath, 'utf8');
  const section = [
    SECTION_INTRODUCTION,
    ...Object.values(stored.configurations).map((configuration) => configurationSection(configuration)),
  ].join('\n\n');
  const start = markdown.search(/^## Reference server$/m);
  let updated;
  if (start === -1) {
    updated = `${markdown.trimEnd()}\n\n${section}\n`;
  } else {
    const rest = markdown.slice(start + 1).search(/^## /m);
    const end = rest === -1 ? markdown.length : start + 1 + rest;
    updated = `${markdown.slice(0, start)}${section}\n${rest === -1 ? '' : `\n${markdown.slice(end)}`}`;
  }
  writeFileSync(markdownPath, updated);
}
