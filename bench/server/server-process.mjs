// The harness's side of a server child process: starts it with an IPC channel, waits for its address, and
// reads its memory (RSS from /proc, heap over IPC) and CPU time.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ; 100 on every Linux build Node runs on). */
const TICKS_PER_SECOND = 100;
const START_TIMEOUT_MS = 30_000;

/** VmRSS of a process in bytes, read from /proc/<pid>/status. */
export function residentBytes(pid) {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`No VmRSS for process ${pid}.`);
  return Number(match[1]) * 1024;
}

/** User + system CPU seconds a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may contain spaces) start at state (field 3); utime is 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * Forks `script` (a child that calls `answerHarness`) with `env` added to the harness's environment and
 * resolves once it reported `{ url, agentToken, store }`. Its stderr is passed through; no Node flags.
 */
export function startServerProcess(script, env) {
  const child = fork(script, [], {
    env: { ...process.env, ...env },
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const waiting = new Map();
  child.on('message', (message) => {
    if (message?.type !== 'memory') return;
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not report its address within ${START_TIMEOUT_MS / 1000} s.`));
    }, START_TIMEOUT_MS);
    exited.then(({ code, signal }) => {
      clearTimeout(timeout);
      reject(new Error(`${script} exited before it was ready (code ${code}, signal ${signal}).`));
    });
    child.once('message', (ready) => {
      clearTimeout(timeout);
      resolve({
        pid: child.pid,
        url: ready.url,
        agentToken: ready.agentToken,
        store: ready.store,
        cpuSeconds: () => cpuSeconds(child.pid),
        isRunning: () => child.exitCode === null && child.signalCode === null,
        /** RSS, and heap after a full collection in the child, with its open-stream counts. */
        memory() {
          const id = nextId++;
          return new Promise((answered) => {
            waiting.set(id, ({ usage, stats }) =>
              answered({
                rssBytes: residentBytes(child.pid),
                heapUsedBytes: usage.heapUsed,
                heapTotalBytes: usage.heapTotal,
                externalBytes: usage.external,
                arrayBuffersBytes: usage.arrayBuffers,
                streams: stats,
              }),
            );
            child.send({ type: 'memory', id });
          });
        },
        /** Asks the child to close (streams, server, database), killing it after 5 s. */
        async stop() {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
          child.send({ type: 'stop' });
          await exited;
          clearTimeout(killer);
        },
      });
    });
  });
}
