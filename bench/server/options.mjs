// Command line of `npm run bench:server` / `node bench/server/run.mjs`.
import { parseArgs } from 'node:util';

export const MEASURE_NAMES = ['sends', 'fanout', 'memory', 'open', 'dbsize'];

export const HELP = `Usage: node bench/server/run.mjs [measure…] [options]

Measures sapa-server (packages/server/dist; run \`npm run build\` first) next to a plain node:http baseline,
over HTTP on loopback, and prints a table: by default on SQLite (1 node), then PostgreSQL with 1 node, then
PostgreSQL with 2 nodes (a throwaway cluster each), each next to a baseline measured in the same run.
Measures: ${MEASURE_NAMES.join(', ')} (default: all).

  --quick            short steps, for development (figures are rough)
  --check            exit 1 when a budget of DESIGN.md is not met
  --store <name>     only this store: sqlite or postgres (a throwaway cluster)
  --nodes <n>        with --store postgres: server processes on one database, visitors' streams on the first,
                     agent replies on the last, an agent stream on each (default 1)
  --write            write bench/server-results.json and BENCHMARKS.md even for --quick or some measures
                     (a full run of every measure writes them anyway)
  --help             this text`;

/** What a run measures without --store: the embedded store, then many nodes' store with one and two nodes. */
export const DEFAULT_CONFIGURATIONS = [
  { store: 'sqlite', nodes: 1 },
  { store: 'postgres', nodes: 1 },
  { store: 'postgres', nodes: 2 },
];

/** A command line that cannot run; the message says why. */
export class OptionsError extends Error {
  name = 'OptionsError';
}

/** Parses and checks the arguments (without the node and script paths). */
export function parseOptions(argv) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        quick: { type: 'boolean', default: false },
        check: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        store: { type: 'string' },
        nodes: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new OptionsError(error.message);
  }
  const { values, positionals } = parsed;
  const unknown = positionals.filter((name) => !MEASURE_NAMES.includes(name));
  if (unknown.length)
    throw new OptionsError(`Unknown measure ${unknown.join(', ')}; known: ${MEASURE_NAMES.join(', ')}.`);
  if (values.store !== undefined && !['sqlite', 'postgres'].includes(values.store)) {
    throw new OptionsError(`--store must be sqlite or postgres, not "${values.store}".`);
  }
  if (values.nodes !== undefined && !/^[1-9]\d*$/.test(values.nodes))
    throw new OptionsError(`--nodes must be a whole number ≥ 1, not "${values.nodes}".`);
  const nodes = Number(values.nodes ?? 1);
  if (values.store !== 'postgres' && nodes > 1) {
    throw new OptionsError('SQLite is one process’s embedded store: --nodes above 1 needs --store postgres.');
  }
  const configurations =
    values.store === undefined && values.nodes === undefined
      ? DEFAULT_CONFIGURATIONS
      : [{ store: values.store ?? 'sqlite', nodes }];
  const measures = positionals.length
    ? MEASURE_NAMES.filter((name) => positionals.includes(name))
    : MEASURE_NAMES;
  const complete = measures.length === MEASURE_NAMES.length && !values.quick;
  return {
    help: values.help,
    quick: values.quick,
    check: values.check,
    write: values.write || complete,
    configurations,
    measures,
  };
}
