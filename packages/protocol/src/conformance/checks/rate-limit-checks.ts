import { parseRetryAfter } from '../../backoff.js';
import { parseSession } from '../../guards.js';
import type { CheckDefinition } from '../conformance-types.js';
import { ConformanceFailure, expect, expectProblem, expectStatus } from '../expectations.js';
import { readJson } from '../recording-client.js';

/** How many burst requests are in flight at once. */
const BURST_BATCH = 50;

/**
 * Rate limits. A `should`: limits are operations, not the contract — a backend may have none, or keep them in a
 * gateway (`skipRateLimit`); a client only needs the 429 to be well-formed when one comes. Last of the checks that
 * make requests, with a visitor of its own, because it spends that visitor's budget.
 */
export const rateLimitChecks: CheckDefinition[] = [
  {
    check: 'rateLimit',
    level: 'should',
    skip: (settings) => settings.skipRateLimit,
    async run({ client, settings }) {
      const created = await client.newSession();
      expectStatus(created, 201, 'POST /v1/sessions for the burst');
      const burstToken = parseSession(created.json).token;
      let sent = 0;
      while (sent < settings.burst) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(BURST_BATCH, settings.burst - sent) }, () =>
            settings
              .fetch(`${settings.apiUrl}/v1/config`, {
                headers: { Authorization: `Bearer ${burstToken}` },
                signal: AbortSignal.timeout(settings.timeoutMs),
              })
              .then(async (response) => ({ response, text: await response.text() })),
          ),
        );
        sent += batch.length;
        const limited = batch.find(({ response }) => response.status === 429);
        if (limited) {
          const { headers } = limited.response;
          client.record({ label: 'GET /v1/config (burst)', status: 429, headers, text: limited.text });
          expectProblem(
            { status: 429, headers, text: limited.text, json: readJson(limited.text) },
            'rate_limited',
            'the burst',
          );
          const retryAfter = headers.get('retry-after') ?? '';
          expect(
            parseRetryAfter(retryAfter) !== undefined,
            `Retry-After is "${retryAfter || '(none)'}", neither seconds nor an HTTP date`,
          );
          return `after ${sent} requests`;
        }
        const other = batch.find(({ response }) => response.status !== 200);
        expect(!other, `a burst request answered ${other?.response.status}`);
      }
      throw new ConformanceFailure(`no 429 after ${sent} requests`);
    },
  },
];
