// Who used the CPU during a step: the server, the load generator (this process), and everything else on the
// machine. The machine is shared; a step during which other work took a core says so in the results.
import { readFileSync } from 'node:fs';
import { round } from './statistics.mjs';

/** Clock ticks per second of /proc/stat (USER_HZ; 100 on every Linux build Node runs on). */
const TICKS_PER_SECOND = 100;

/** CPU seconds all cores have spent busy (anything but idle and iowait) since boot. */
function machineBusySeconds() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
  return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
}

/**
 * Starts measuring; `finish()` returns the CPU used since, in percent of one core, by the server processes
 * `nodes`, the load generator and the rest of the machine.
 */
export function startCpuWindow(nodes) {
  const started = performance.now();
  const serverBefore = nodes.reduce((sum, node) => sum + node.cpuSeconds(), 0);
  const generatorBefore = process.cpuUsage();
  const machineBefore = machineBusySeconds();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    const server = nodes.reduce((sum, node) => sum + node.cpuSeconds(), 0) - serverBefore;
    const generatorUsage = process.cpuUsage(generatorBefore);
    const generator = (generatorUsage.user + generatorUsage.system) / 1e6;
    const others = Math.max(0, machineBusySeconds() - machineBefore - server - generator);
    const percent = (value) => round((value / seconds) * 100, 0);
    return {
      serverCpuPercent: percent(server),
      loadGeneratorCpuPercent: percent(generator),
      otherCpuPercent: percent(others),
    };
  };
}

/** "server CPU 80 %, load generator 20 %, others 5 %" for a log line, and any wait for a quiet machine. */
export const describeCpu = (cpu) =>
  `server CPU ${cpu.serverCpuPercent} %, load generator ${cpu.loadGeneratorCpuPercent} %, others ` +
  `${cpu.otherCpuPercent} %${cpu.waitedSeconds > 1 ? `; waited ${cpu.waitedSeconds} s for a quiet machine` : ''}`;

/** Other work below this (% of one core) counts as a quiet machine. */
const QUIET_PERCENT = 20;

/**
 * A step during which other work took more than 30 % of a core was disturbed: its figures say more about the
 * machine than about the server, so measures try it again (a few times at most). So was an open-loop step whose
 * load generator fell more than 50 ms behind its schedule (it was held up, then sent a burst), which happens
 * when other work comes in bursts shorter than the step.
 */
export const disturbed = (step) => step.otherCpuPercent > 30 || (step.maxScheduleLagMs ?? 0) > 50;

/**
 * Waits until the rest of the machine has used at most 20 % of a core over a second (the server and the load
 * generator are idle between steps), or `maxWaitMs` passed; returns how long it waited and how busy the
 * machine was at the end. On a quiet machine that is one second.
 */
export async function waitForQuiet(nodes, maxWaitMs) {
  const started = performance.now();
  for (;;) {
    const finish = startCpuWindow(nodes);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { otherCpuPercent } = finish();
    const waitedMs = performance.now() - started;
    if (otherCpuPercent <= QUIET_PERCENT || waitedMs >= maxWaitMs) {
      return { waitedSeconds: round(waitedMs / 1000, 0), otherCpuPercentBefore: otherCpuPercent };
    }
  }
}
