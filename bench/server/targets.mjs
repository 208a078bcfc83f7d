// The servers a measure runs against: the plain-Node baseline, or sapa-server on SQLite (one node) or on
// PostgreSQL (N nodes on one database, visitors' streams on the first node, agent replies on the last).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgresCluster } from '../../scripts/postgres-cluster.mjs';
import { endpoint } from './http-client.mjs';
import { startServerProcess } from './server-process.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

/** A user-facing name of a sapa-server configuration, e.g. "sapa-server (SQLite, 1 node)". */
export function configurationLabel({ store, nodes }) {
  return `sapa-server (${store === 'postgres' ? 'PostgreSQL' : 'SQLite'}, ${nodes} node${nodes === 1 ? '' : 's'})`;
}

/** The key of a configuration in server-results.json and its heading in BENCHMARKS.md, e.g. `sqlite-1`. */
export const configurationKey = ({ store, nodes }) => `${store}-${nodes}`;

function fileSize(path) {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/** Size of an SQLite database after a TRUNCATE checkpoint from a second connection (the WAL is then empty). */
function sqliteBytes(path) {
  const Database = createRequire(join(root, 'packages/server/package.json'))('better-sqlite3');
  const connection = new Database(path);
  try {
    connection.pragma('busy_timeout = 5000');
    connection.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    connection.close();
  }
  return { databaseBytes: fileSize(path), walBytes: fileSize(`${path}-wal`) };
}

function describe(name, label, processes, extra) {
  const visitorNode = processes[0];
  const agentNode = processes[processes.length - 1];
  return {
    name,
    label,
    processes,
    agentToken: visitorNode.agentToken,
    /** Where visitors' sessions, sends and streams go. */
    visitorServer: endpoint(visitorNode.url),
    /** Where agent replies go (another node when there are several). */
    agentServer: endpoint(agentNode.url),
    /** Every node, for agent streams: one agent online on each. */
    allServers: processes.map((node) => endpoint(node.url)),
    /** The node whose process holds the visitors' streams (measured for memory). */
    visitorNode,
    ...extra,
  };
}

/** Starts the plain `node:http` baseline as a child process. */
export async function startBaseline() {
  const node = await startServerProcess(join(here, 'baseline-server.mjs'), {
    SAPA_AGENT_TOKEN: randomBytes(24).toString('base64url'),
  });
  return describe('baseline', 'plain node:http', [node], {
    databaseBytes: undefined,
    close: () => node.stop(),
  });
}

/**
 * Starts sapa-server from `packages/server/dist`: on SQLite a fresh file in a temporary folder and one node; on
 * PostgreSQL a throwaway cluster and `nodes` processes with `SAPA_DATABASE_URL`. Fails with a clear message when
 * a node does not say it runs on the store asked for.
 */
export async function startSapa({ store, nodes }) {
  const folder = mkdtempSync(join(tmpdir(), 'sapa-bench-server-'));
  const databasePath = join(folder, 'sapa.db');
  const cluster = store === 'postgres' ? await startPostgresCluster({ database: 'sapa' }) : undefined;
  const processes = [];
  const cleanUp = async () => {
    await Promise.all(processes.map((node) => node.stop()));
    cluster?.stop();
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    const env = {
      SAPA_AGENT_TOKEN: randomBytes(24).toString('base64url'),
      // A server build that ignores SAPA_DATABASE_URL would otherwise write ./.sapa/sapa.db in the repository.
      SAPA_BENCH_DB: databasePath,
      ...(cluster ? { SAPA_DATABASE_URL: cluster.url } : {}),
    };
    for (let index = 0; index < nodes; index++) {
      const node = await startServerProcess(join(here, 'sapa-server-child.mjs'), env);
      processes.push(node);
      if (store === 'postgres' && node.store !== 'postgres') {
        throw new Error(
          node.store === undefined
            ? 'This server build has no PostgreSQL store: it does not say which store it runs on ' +
                "(expected server.stats().store === 'postgres' with SAPA_DATABASE_URL set)."
            : `The server ignored SAPA_DATABASE_URL: it runs on ${node.store}, not PostgreSQL.`,
        );
      }
    }
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return describe('sapa', configurationLabel({ store, nodes }), processes, {
    /** Bytes the database takes now: SQLite file + WAL after a checkpoint, or PostgreSQL's database size. */
    databaseBytes: () => {
      if (!cluster) return sqliteBytes(databasePath);
      const size = Number(cluster.query('CHECKPOINT; SELECT pg_database_size(current_database())'));
      return { databaseBytes: size, walBytes: 0 };
    },
    close: cleanUp,
  });
}

/** Starts the baseline or the configured sapa-server. */
export const startTarget = (name, configuration) =>
  name === 'baseline' ? startBaseline() : startSapa(configuration);

/**
 * A measure's `run` that measures a fresh baseline, then a fresh sapa-server, with `measureTarget(target,
 * context)`: `{ baseline, sapa }`.
 */
export const baselineThenSapa =
  (measureTarget) =>
  async ({ withTarget, ...context }) => ({
    baseline: await withTarget('baseline', (target) => measureTarget(target, context)),
    sapa: await withTarget('sapa', (target) => measureTarget(target, context)),
  });
