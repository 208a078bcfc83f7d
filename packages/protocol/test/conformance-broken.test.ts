import { CHECKS, type ConformanceReport, runConformance } from '@sapa/protocol/conformance';
import { type RunningServer, startServer } from '@sapa/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Breakage, rewriteJson, startBreakingProxy } from './support/breaking-proxy.js';

let server: RunningServer;

beforeAll(async () => {
  // A lower limit keeps the one burst short; the other runs leave the rate-limit check out.
  server = await startServer({
    port: 0,
    dbPath: ':memory:',
    quiet: true,
    heartbeatMs: 200,
    rateLimit: { perMinute: 150 },
  });
});
afterAll(async () => {
  await server.close();
});

async function runThrough(breakage: Breakage, skipRateLimit = true): Promise<ConformanceReport> {
  const proxy = await startBreakingProxy(server.url, breakage);
  try {
    return await runConformance({
      apiUrl: proxy.url,
      siteKey: 'demo',
      heartbeatWaitMs: 3000,
      timeoutMs: 5000,
      skipRateLimit,
    });
  } finally {
    await proxy.close();
  }
}

function resultOf(report: ConformanceReport, name: string) {
  const result = report.results.find((candidate) => candidate.name === name);
  if (!result) throw new Error(`The check "${name}" did not run.`);
  return result;
}

/** Bearer tokens replaced by a resume, mapped to the token that replaced them. */
function ignoreTokenRotation(): Breakage {
  const newer = new Map<string, string>();
  return {
    request(request) {
      let token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!token || !newer.has(token)) return;
      while (token && newer.has(token)) token = newer.get(token);
      request.headers.authorization = `Bearer ${token}`;
    },
    answer(request, answer) {
      if (request.path !== '/v1/sessions' || answer.status !== 201) return;
      const old = (JSON.parse(request.body.toString('utf8')) as { token?: string }).token;
      const next = (JSON.parse(answer.body.toString('utf8')) as { token: string }).token;
      if (old) newer.set(old, next);
    },
  };
}

describe('the conformance kit through a transparent proxy', () => {
  it('passes every check, so a failure below comes from the breakage alone', async () => {
    const report = await runThrough({});
    expect(report.results.filter((result) => !result.ok)).toEqual([]);
    expect(report.passed).toBe(Object.keys(CHECKS).length - 1);
  }, 30_000);
});

describe('the conformance kit against a backend broken on purpose', () => {
  it.each<[string, string, Breakage, RegExp]>([
    [
      'drops the Sapa-Protocol header from GET /v1/config',
      CHECKS.protocolHeader,
      {
        answer: (request, answer) => request.path === '/v1/config' && delete answer.headers['sapa-protocol'],
      },
      /lack it, e\.g\. GET \/v1\/config \(200\)/,
    ],
    [
      'answers 200 instead of 422 for a changed body',
      CHECKS.messageMismatch,
      {
        answer(_request, answer) {
          if (answer.status === 422) answer.status = 200;
        },
      },
      /answered 200 instead of 422/,
    ],
    [
      'skips a seq',
      CHECKS.messageSeq,
      {
        answer(request, answer) {
          if (!/\/messages\?/.test(request.path) || answer.status !== 200) return;
          rewriteJson(answer, (json) => {
            for (const message of json.messages as { seq: number }[]) if (message.seq >= 3) message.seq += 1;
          });
        },
      },
      /seq runs 1, 2, 4, 5, 6/,
    ],
    [
      'ignores the token rotation',
      CHECKS.sessionOldToken,
      ignoreTokenRotation(),
      /the old token answered 200 instead of 401/,
    ],
    [
      'sends plain JSON errors instead of problem+json',
      CHECKS.problems,
      {
        answer(_request, answer) {
          if (answer.headers['content-type']?.startsWith('application/problem+json'))
            answer.headers['content-type'] = 'application/json';
        },
      },
      /Content-Type application\/json/,
    ],
    [
      'ignores Last-Event-ID',
      CHECKS.streamLastEventId,
      {
        request(request) {
          delete request.headers['last-event-id'];
        },
      },
      /Last-Event-ID/,
    ],
    [
      'lets proxies buffer the stream',
      CHECKS.streamOpen,
      {
        streamHeaders(headers) {
          delete headers['x-accel-buffering'];
        },
      },
      /X-Accel-Buffering is \(none\), not no/,
    ],
    [
      'never pings',
      CHECKS.streamHeartbeat,
      { streamLine: (line) => (line.startsWith(':') ? null : line) },
      /no comment line within 3000 ms/,
    ],
    [
      'serves an SVG inline',
      CHECKS.uploadSvg,
      {
        answer(request, answer) {
          const disposition = answer.headers['content-disposition'];
          if (request.path.startsWith('/v1/uploads/') && disposition?.includes('.svg'))
            answer.headers['content-disposition'] = disposition.replace('attachment', 'inline');
        },
      },
      /the SVG is served with Content-Disposition inline/,
    ],
    [
      'serves files without nosniff',
      CHECKS.uploadServed,
      {
        answer: (request, answer) =>
          request.path.startsWith('/v1/uploads/') && delete answer.headers['x-content-type-options'],
      },
      /X-Content-Type-Options is \(none\)/,
    ],
    [
      'omits the CORS exposed headers',
      CHECKS.corsExpose,
      { answer: (_request, answer) => delete answer.headers['access-control-expose-headers'] },
      /Access-Control-Expose-Headers "" lacks sapa-protocol/,
    ],
    [
      'drops Last-Event-ID headers from the preflight allow list',
      CHECKS.corsPreflight,
      {
        answer(request, answer) {
          if (request.method === 'OPTIONS')
            answer.headers['access-control-allow-headers'] = 'Authorization, Content-Type, X-Sapa-Filename';
        },
      },
      /lacks last-event-id/,
    ],
    [
      'treats a cursor it never made as the start of the stream',
      CHECKS.streamStale,
      {
        // A backend that treats a cursor it never made as "from the start" replays silently instead of resetting.
        request(request) {
          if (request.path.startsWith('/v1/stream?after=1')) request.path = '/v1/stream';
        },
      },
      /answered 200 and began with .* instead of stream\.reset|no event within/,
    ],
  ])(
    '%s: the matching check fails',
    async (_name, check, breakage, why) => {
      const report = await runThrough(breakage);
      const result = resultOf(report, check);
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(why);
    },
    30_000,
  );

  it('answers 429 without Retry-After: the rate-limit check fails', async () => {
    const report = await runThrough(
      { answer: (_request, answer) => answer.status === 429 && delete answer.headers['retry-after'] },
      false,
    );
    const result = resultOf(report, CHECKS.rateLimit);
    expect(result).toMatchObject({
      ok: false,
      detail: 'Retry-After is "(none)", neither seconds nor an HTTP date',
    });
  }, 30_000);
});
