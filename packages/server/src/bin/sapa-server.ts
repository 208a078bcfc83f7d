#!/usr/bin/env node
/**
 * `sapa-server`: runs the reference backend.
 *
 *   sapa-server [--port 8787] [--host 127.0.0.1] [--db ./.sapa/sapa.db] [--sites sites.json]
 *               [--heartbeat-ms 15000] [--demo]
 *
 * Environment: SAPA_PORT, SAPA_DB, SAPA_AGENT_TOKEN (random and printed when unset),
 * SAPA_IDENTITY_SECRET, SAPA_ALLOWED_ORIGINS (comma-separated).
 */
import { parseArgs } from 'node:util';
import { loadSites } from '../load-sites.js';
import { startServer } from '../start-server.js';

const HELP = `Usage: sapa-server [options]

  --port <n>           port to listen on (env SAPA_PORT; default 8787; 0 = any free port)
  --host <address>     address to listen on (default 127.0.0.1)
  --db <path>          SQLite database file (env SAPA_DB; default ./.sapa/sapa.db; :memory: allowed)
  --sites <file>       JSON list of site configurations (see docs/server.md)
  --heartbeat-ms <n>   interval of stream pings (default 15000)
  --demo               also serve the demo site "Toko Sapa" (siteKey demo)
  --help               this text

Environment: SAPA_AGENT_TOKEN, SAPA_IDENTITY_SECRET, SAPA_ALLOWED_ORIGINS.`;

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) {
    console.error(`${name} must be a whole number, not "${value}".`);
    process.exit(2);
  }
  return Number(value);
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = integer(values.port ?? process.env.SAPA_PORT, '--port') ?? 8787;
  const host = values.host ?? '127.0.0.1';
  const heartbeatMs = integer(values['heartbeat-ms'], '--heartbeat-ms');
  const sites = loadSites({
    ...(values.sites ? { sitesFile: values.sites } : {}),
    demo: values.demo ?? false,
    ...(process.env.SAPA_IDENTITY_SECRET ? { identitySecret: process.env.SAPA_IDENTITY_SECRET } : {}),
    ...(process.env.SAPA_ALLOWED_ORIGINS ? { allowedOrigins: process.env.SAPA_ALLOWED_ORIGINS } : {}),
  });
  const server = await startServer({
    port,
    host,
    dbPath: values.db ?? process.env.SAPA_DB ?? './.sapa/sapa.db',
    sites,
    ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
  });
  const startupMs = Math.round(performance.now());
  // People open these in a browser: localhost reads better than the loopback address and means the same here.
  const shown = new URL(server.url);
  if (shown.hostname === '127.0.0.1' || shown.hostname === '0.0.0.0') shown.hostname = 'localhost';
  const base = shown.origin;
  console.log(`Sapa demo: ${base}/`);
  console.log(`Agent console: ${base}/console/#token=${server.agentToken}`);
  console.log(
    `Started in ${startupMs} ms (${server.url}, sites: ${sites.map((site) => site.siteKey).join(', ')})`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: closing streams and the database…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

function parseOptions() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      sites: { type: 'string' },
      'heartbeat-ms': { type: 'string' },
      demo: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE')
    console.error('The port is already in use; pick another with --port or SAPA_PORT.');
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
