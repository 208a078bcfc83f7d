// A throwaway PostgreSQL cluster in a temporary folder (initdb + pg_ctl), for benchmarks and tests that need a
// real server and must not touch the machine's own. Self-contained on purpose (Node built-ins only, no project
// imports) so it can move to a shared place. As root, the server runs as the `postgres` user (PostgreSQL refuses
// to run as root), through `runuser -u postgres --`.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PostgreSQL's binaries: `SAPA_PG_BIN`, else the newest Debian /usr/lib/postgresql/<version>/bin, else PATH. */
export function findPostgresBin() {
  if (process.env.SAPA_PG_BIN) return process.env.SAPA_PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((name) => existsSync(join(debian, name, 'bin', 'initdb')))
      .sort((left, right) => Number(right) - Number(left));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  return '';
}

/** Whether PostgreSQL's `initdb` can be found: in {@link findPostgresBin}'s folder, or on PATH. */
export function hasPostgres() {
  const binDir = findPostgresBin();
  if (binDir) return existsSync(join(binDir, 'initdb'));
  return spawnSync('initdb', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** A free TCP port on loopback (closed again before it is returned). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function userIds(name) {
  const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/**
 * Starts a fresh cluster on a free loopback port with one database, trust authentication and the superuser
 * `postgres`. `settings` are extra `postgresql.conf` settings (e.g. `{ fsync: 'off' }` for tests; a benchmark
 * keeps the defaults). Stop it with `stop()`; it is also stopped if the process exits first.
 *
 * @example
 * const cluster = await startPostgresCluster({ database: 'sapa' });
 * process.env.SAPA_DATABASE_URL = cluster.url; // postgres://postgres@127.0.0.1:<port>/sapa
 * console.log(cluster.query('SELECT pg_database_size(current_database())'));
 * cluster.stop();
 */
export async function startPostgresCluster({
  database = 'sapa',
  settings = {},
  binDir = findPostgresBin(),
} = {}) {
  const binary = (name) => (binDir ? join(binDir, name) : name);
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds('postgres') : undefined;
  const folder = mkdtempSync(join(tmpdir(), 'sapa-pg-'));
  if (owner) chownSync(folder, owner.uid, owner.gid);
  const dataDir = join(folder, 'data');
  // As root, run PostgreSQL's programs as the postgres user; otherwise as ourselves.
  const run = (name, args) => {
    const [command, ...prefix] = asRoot ? ['runuser', '-u', 'postgres', '--', binary(name)] : [binary(name)];
    const result = spawnSync(command, [...prefix, ...args], { encoding: 'utf8' });
    if (result.error?.code === 'ENOENT') {
      throw new Error(`${name} was not found (${command}): install PostgreSQL or set SAPA_PG_BIN.`);
    }
    if (result.status !== 0) {
      throw new Error(
        `${name} ${args.join(' ')} failed (${result.status}):\n${result.stderr || result.stdout}`,
      );
    }
    return result.stdout;
  };

  const port = await freePort();
  let running = false;
  const stop = () => {
    process.off('exit', stop);
    if (running) {
      running = false;
      run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    run('initdb', [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    const options = [
      `-p ${port}`,
      "-c listen_addresses='127.0.0.1'",
      `-k ${folder}`,
      ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`),
    ].join(' ');
    run('pg_ctl', ['-D', dataDir, '-l', join(folder, 'server.log'), '-o', options, '-w', 'start']);
    running = true;
    process.on('exit', stop);
    const query = (sql, inDatabase = database) =>
      execFileSync(
        binary('psql'),
        [
          '-X',
          '-q',
          '-A',
          '-t',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          '-d',
          inDatabase,
          '-c',
          sql,
        ],
        { encoding: 'utf8' },
      ).trim();
    query(`CREATE DATABASE "${database}"`, 'postgres');
    return { url: `postgres://postgres@127.0.0.1:${port}/${database}`, port, dataDir, query, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
