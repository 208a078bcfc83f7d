// One sapa-server node for the harness, started from the built package (`packages/server/dist`) in this
// process, so the process the harness measures is the server: loopback, a free port, rate limit off, the demo
// site without business hours (agents online while an agent stream is open, so the bot stays quiet).
//
// Environment: SAPA_BENCH_DB (SQLite file), SAPA_AGENT_TOKEN (shared by every node), SAPA_DATABASE_URL
// (PostgreSQL; passed on as `databaseUrl` too, for a server build whose option is named so).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { answerHarness } from './child-ipc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { startServer, DEMO_SITE } = await import(
  pathToFileURL(join(root, 'packages/server/dist/index.js')).href
);
const databaseUrl = process.env.SAPA_DATABASE_URL;
const server = await startServer({
  port: 0,
  dbPath: process.env.SAPA_BENCH_DB,
  agentToken: process.env.SAPA_AGENT_TOKEN,
  quiet: true,
  rateLimit: false,
  sites: [{ ...DEMO_SITE, businessHours: undefined }],
  ...(databaseUrl ? { databaseUrl } : {}),
});

/** The store the server says it runs on (`server.stats().store` or `server.store`); undefined if it does not say. */
function reportedStore() {
  const fromStats = server.stats()?.store;
  if (typeof fromStats === 'string') return fromStats;
  return typeof server.store === 'string' ? server.store : undefined;
}

answerHarness({
  url: server.url,
  agentToken: server.agentToken,
  store: reportedStore(),
  stats: () => server.stats(),
  close: () => server.close(),
});
