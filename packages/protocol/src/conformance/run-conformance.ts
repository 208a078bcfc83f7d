import { InvalidDataError } from '../guard-combinators.js';
import { answerChecks } from './checks/answer-checks.js';
import { configChecks } from './checks/config-checks.js';
import { conversationChecks } from './checks/conversation-checks.js';
import { corsChecks } from './checks/cors-checks.js';
import { errorChecks } from './checks/error-checks.js';
import { messageChecks } from './checks/message-checks.js';
import { rateLimitChecks } from './checks/rate-limit-checks.js';
import { sessionChecks } from './checks/session-checks.js';
import { streamChecks } from './checks/stream-checks.js';
import { uploadChecks } from './checks/upload-checks.js';
import { CHECKS } from './checks.js';
import type {
  CheckDefinition,
  CheckLevel,
  ConformanceCheck,
  ConformanceOptions,
  ConformanceReport,
  ConformanceSettings,
  ConformanceState,
} from './conformance-types.js';
import { ConformanceFailure } from './expectations.js';
import { createRecordingClient } from './recording-client.js';

/**
 * Every check, area by area, in the order they run (the order of {@link CHECKS}). Later areas build on what earlier
 * ones made (a session, a conversation, messages); the rate limit spends a visitor's budget, so it comes after every
 * other request; the checks over every answer come last.
 */
const AREAS: readonly CheckDefinition[][] = [
  sessionChecks,
  configChecks,
  conversationChecks,
  messageChecks,
  streamChecks,
  errorChecks,
  uploadChecks,
  corsChecks,
  rateLimitChecks,
  answerChecks,
];

/** The level of every check by its name: `must` breaks a client, `should` is operations (a warning). */
export const CHECK_LEVELS: Readonly<Record<string, CheckLevel>> = Object.fromEntries(
  AREAS.flat().map((definition) => [CHECKS[definition.check], definition.level]),
);

const SYMBOL: Record<CheckLevel, string> = { must: '✗', should: '⚠' };

/** The summary line: `33 passed, 0 failed, 1 warning`. */
export function summaryLine({ passed, failed, warnings }: Omit<ConformanceReport, 'results'>): string {
  return `${passed} passed, ${failed} failed, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}

/**
 * Checks the visitor side of the Sapa Chat Protocol of any backend over HTTP: sessions and token rotation,
 * config, idempotent conversations and messages, seq and paging, the stream (replay, live, echo, heartbeat,
 * stale cursors), problems, uploads, CORS, rate limits and the `Sapa-Protocol` header. It makes its own anonymous
 * visitors and leaves their conversations behind. Checks that need an earlier result fail when that result is
 * missing. A failed `must` check is a failure (it breaks a client); a failed `should` check is a warning.
 *
 * @example
 * const report = await runConformance({ apiUrl: 'http://127.0.0.1:8787', siteKey: 'demo', log: console.log });
 * if (report.failed > 0) process.exitCode = 1;
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const settings: ConformanceSettings = {
    apiUrl: options.apiUrl.replace(/\/+$/, ''),
    siteKey: options.siteKey,
    fetch: options.fetch ?? fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    heartbeatWaitMs: options.heartbeatWaitMs ?? 16_000,
    origin: options.origin ?? 'http://localhost:8080',
    burst: options.burst ?? 2000,
    skipRateLimit: options.skipRateLimit ?? false,
    ...(options.staleCursor === undefined ? {} : { staleCursor: options.staleCursor }),
  };
  const log = options.log ?? (() => undefined);
  const client = createRecordingClient(settings);
  const state: ConformanceState = {
    firstClientMessageId: crypto.randomUUID(),
    firstText: 'Halo, saya mau tanya soal pesanan saya.',
    liveClientMessageId: crypto.randomUUID(),
    seqs: [],
  };
  const results: ConformanceCheck[] = [];
  try {
    for (const definition of AREAS.flat()) {
      if (definition.skip?.(settings)) continue;
      const name = CHECKS[definition.check];
      const { level } = definition;
      let result: ConformanceCheck;
      try {
        const detail = await definition.run({ settings, client, state });
        result = typeof detail === 'string' ? { name, level, ok: true, detail } : { name, level, ok: true };
      } catch (error) {
        const why =
          error instanceof ConformanceFailure || error instanceof InvalidDataError
            ? error.message
            : `${(error as Error).name}: ${(error as Error).message}`;
        result = { name, level, ok: false, detail: why };
      }
      results.push(result);
      log(result.ok ? `✓ ${name}` : `${SYMBOL[level]} ${name} — ${result.detail}`);
    }
  } finally {
    await client.close();
  }
  const passed = results.filter((result) => result.ok).length;
  const warnings = results.filter((result) => !result.ok && result.level === 'should').length;
  const report = { results, passed, failed: results.length - passed - warnings, warnings };
  log(summaryLine(report));
  return report;
}
