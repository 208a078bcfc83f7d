#!/usr/bin/env node
/**
 * `sapa-server`: runs the reference backend until SIGINT or SIGTERM.
 *
 *   sapa-server [--port 8787] [--host 127.0.0.1] [--db ./.sapa/sapa.db] [--sites sites.json]
 *               [--heartbeat-ms 15000] [--trust-proxy 0] [--max-connections 10000] [--demo]
 *   sapa-server agents add <name> | list | remove <name> [--db ./.sapa/sapa.db]
 *
 * Environment: SAPA_PORT, SAPA_DB, SAPA_AGENT_TOKEN (random and printed when unset),
 * SAPA_IDENTITY_SECRET, SAPA_ALLOWED_ORIGINS (comma-separated), SAPA_PUBLIC_URL (base of attachment URLs),
 * SAPA_TRUST_PROXY.
 */
import { runCli, UsageError } from '../cli.js';

try {
  const server = await runCli(process.argv.slice(2), process.env, (line) => console.log(line));
  if (server) {
    let stopping = false;
    const stop = (signal: string) => {
      // A second signal while closing means "now".
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
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE')
    console.error('The port is already in use; pick another with --port or SAPA_PORT.');
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
