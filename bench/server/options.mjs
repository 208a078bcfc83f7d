// Command line of `npm run bench:server` / `node bench/server/run.mjs`.
import { parseArgs } from 'node:util';

export const MEASURE_NAMES = ['sends', 'fanout', 'memory', 'open', 'dbsize'];

export const HELP = `Usage: node bench/server/run.mjs [measure…] [options]

Measures sapa-server (packages/server/dist; run \`npm run build\` first) next to a plain node:http baseline,
over HTTP on loopback, and prints a table. Measures: ${MEASURE_NAMES.join(', ')} (default: all).

  --quick            short steps, for development (figures are rough)
  --check            exit 1 when a budget of DESIGN.md is not met
  --store <name>     sqlite (default) or postgres (a throwaway cluster; the server needs SAPA_DATABASE_URL support)
  --nodes <n>        server processes on one database (postgres only): visitors' streams on the first,
                     agent replies on the last (default 1)
  --write            write bench/server-results.json and BENCHMARKS.md even for --quick or some measures
                     (a full run of every measure writes them anyway)
  --help             this text`;

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
        store: { type: 'string', default: 'sqlite' },
        nodes: { type: 'string', default: '1' },
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
  if (!['sqlite', 'postgres'].includes(values.store)) {
    throw new OptionsError(`--store must be sqlite or postgres, not "${values.store}".`);
  }
  if (!/^[1-9]\d*$/.test(values.nodes))
    throw new OptionsError(`--nodes must be a whole number ≥ 1, not "${values.nodes}".`);
  const nodes = Number(values.nodes);
  if (values.store === 'sqlite' && nodes > 1) {
    throw new OptionsError('SQLite is one process’s embedded store: --nodes above 1 needs --store postgres.');
  }
  const measures = positionals.length
    ? MEASURE_NAMES.filter((name) => positionals.includes(name))
    : MEASURE_NAMES;
  const complete = measures.length === MEASURE_NAMES.length && !values.quick;
  return {
    help: values.help,
    quick: values.quick,
    check: values.check,
    write: values.write || complete,
    configuration: { store: values.store, nodes },
    measures,
  };
}
