// Every open stream is a file descriptor in the harness (and in the server, which inherits the harness's
// limit). `ulimit -n` is per process and can only be raised for new ones, so when the soft limit is too low the
// harness runs itself again under a shell that raises it first.
import { execFileSync, spawnSync } from 'node:child_process';

const RAISED = 'SAPA_BENCH_LIMIT_RAISED';

const shellLimit = (flag) => execFileSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();

/**
 * Returns when this process may open `needed` files; otherwise re-runs it with the soft limit raised (and exits
 * with its code), or throws when even the hard limit is lower.
 */
export function ensureOpenFileLimit(needed) {
  const soft = shellLimit('-n');
  if (soft === 'unlimited' || Number(soft) >= needed) return;
  const hard = shellLimit('-Hn');
  if (hard !== 'unlimited' && Number(hard) < needed) {
    throw new Error(
      `The open-file limit is ${soft} (hard ${hard}); the harness needs ${needed}: raise it (ulimit -n).`,
    );
  }
  if (process.env[RAISED]) throw new Error(`Raising the open-file limit to ${needed} did not take effect.`);
  const result = spawnSync(
    'sh',
    [
      '-c',
      `ulimit -n ${needed} && exec "$@"`,
      'sh',
      process.execPath,
      ...process.execArgv,
      ...process.argv.slice(1),
    ],
    { stdio: 'inherit', env: { ...process.env, [RAISED]: '1' } },
  );
  process.exit(result.status ?? 1);
}
