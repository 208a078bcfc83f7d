#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runConformance } from '../conformance/run-conformance.js';

const HELP = `Usage: sapa-conformance <apiUrl> --site-key <key> [options]

Checks the visitor side of the Sapa Chat Protocol of a backend over HTTP and prints one line per check
(✓ passed, ✗ failed: breaks a client, ⚠ warning: operations such as rate limits), then the three counts.
Exit code 0 when no check failed (warnings allowed), 1 when one failed, 2 for a usage error.

  --site-key <key>         a site that allows anonymous visitors (required)
  --timeout <ms>           longest wait for one answer or stream event (default 10000)
  --heartbeat-wait <ms>    longest wait for a stream comment line (default 16000)
  --stale-cursor <cursor>  a cursor the backend no longer keeps (default: one past its newest cursor)
  --origin <origin>        origin of the CORS checks; the site must allow it (default http://localhost:8080)
  --burst <n>              most requests of the rate-limit burst (default 2000)
  --skip-rate-limit        leave out the 429 check (limits enforced by a gateway in front of the backend)
  --help                   this text`;

function whole(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`${flag} must be a whole number, not "${value}".\n\n${HELP}`);
    process.exit(2);
  }
  return Number(value);
}

let parsed: ReturnType<
  typeof parseArgs<{ allowPositionals: true; options: Record<string, { type: 'string' | 'boolean' }> }>
>;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      'site-key': { type: 'string' },
      timeout: { type: 'string' },
      'heartbeat-wait': { type: 'string' },
      'stale-cursor': { type: 'string' },
      origin: { type: 'string' },
      burst: { type: 'string' },
      'skip-rate-limit': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n\n${HELP}`);
  process.exit(2);
}
const values = parsed.values as Record<string, string | boolean | undefined>;
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const [apiUrl] = parsed.positionals;
const siteKey = values['site-key'];
if (!apiUrl || typeof siteKey !== 'string') {
  console.error(`Give the backend's URL and --site-key.\n\n${HELP}`);
  process.exit(2);
}
const timeoutMs = whole(values.timeout as string | undefined, '--timeout');
const heartbeatWaitMs = whole(values['heartbeat-wait'] as string | undefined, '--heartbeat-wait');
const burst = whole(values.burst as string | undefined, '--burst');
const report = await runConformance({
  apiUrl,
  siteKey,
  ...(timeoutMs === undefined ? {} : { timeoutMs }),
  ...(heartbeatWaitMs === undefined ? {} : { heartbeatWaitMs }),
  ...(burst === undefined ? {} : { burst }),
  ...(typeof values['stale-cursor'] === 'string' ? { staleCursor: values['stale-cursor'] } : {}),
  ...(typeof values.origin === 'string' ? { origin: values.origin } : {}),
  skipRateLimit: values['skip-rate-limit'] === true,
  log: (line) => console.log(line),
});
// Warnings (failed `should` checks) do not fail the run: only what breaks a client does.
process.exitCode = report.failed > 0 ? 1 : 0;
