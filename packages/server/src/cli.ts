import { parseArgs } from 'node:util';
import { openDatabase } from './database.js';
import { newToken } from './ids.js';
import { loadSites } from './load-sites.js';
import { AgentAccounts } from './services/agent-accounts.js';
import { type RunningServer, startServer } from './start-server.js';
import { PostgresChatStore } from './store/postgres/postgres-chat-store.js';
import { SqliteChatStore } from './store/sqlite/sqlite-chat-store.js';

/** Text of `sapa-server --help`. */
export const CLI_HELP = `Usage: sapa-server [options]
       sapa-server agents add <name> | list | remove <name> [--db <path> | --database-url <url>]

  --port <n>              port to listen on (env SAPA_PORT; default 8787; 0 = any free port)
  --host <address>        address to listen on (default 127.0.0.1)
  --db <path>             SQLite database file (env SAPA_DB; default ./.sapa/sapa.db; :memory: allowed)
  --database-url <url>    PostgreSQL instead of SQLite, shared by any number of servers
                          (env SAPA_DATABASE_URL; postgres://user:password@host:5432/sapa)
  --sites <file>          JSON list of site configurations (see docs/server.md)
  --heartbeat-ms <n>      interval of stream pings (default 15000)
  --trust-proxy <hops>    proxies of yours in front of the server: read client addresses from
                          X-Forwarded-For (env SAPA_TRUST_PROXY; default 0: the socket's address)
  --max-connections <n>   open connections at most, streams included (default 10000)
  --smtp-url <url>        email agents' replies to visitors who are away (env SAPA_SMTP_URL;
                          smtp://user:pass@host:587 or smtps://user:pass@host:465)
  --mail-from <email>     address those emails come from (env SAPA_MAIL_FROM)
  --demo                  also serve the demo site "Toko Sapa" (siteKey demo)
  --help                  this text

Agents: "agents add <name>" prints a token for that agent once (only its hash is stored); "agents remove
<name>" revokes it; "agents list" names them. Run them against the server's database (--db or
--database-url).

Environment: SAPA_AGENT_TOKEN (operator token; random and printed when unset), SAPA_IDENTITY_SECRET,
SAPA_ALLOWED_ORIGINS, SAPA_PUBLIC_URL.`;

/** The command line could not be understood; `exitCode` 2 as usual for usage errors. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
  constructor(readonly reason: string) {
    super(`${reason}\n\n${CLI_HELP}`);
  }
}

/** Mail options from the flags or the environment; a URL that is not smtp:// or smtps:// is a usage error. */
function smtpOptions(
  smtpUrl: string | undefined,
  mailFrom: string | undefined,
): { smtpUrl?: string; mailFrom?: string } {
  if (!smtpUrl) return {};
  if (!/^smtps?:\/\/[^/]/.test(smtpUrl)) {
    // The URL holds a password: the message names the rule, not the value.
    throw new UsageError('--smtp-url (or SAPA_SMTP_URL) must start with smtp:// or smtps://.');
  }
  return mailFrom ? { smtpUrl, mailFrom } : { smtpUrl };
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, not "${value}".`);
  return Number(value);
}

/**
 * What `sapa-server` does before it waits for signals: reads flags and environment, starts the server and
 * prints the demo URL, the console URL (with the operator token only when it was generated: a token the operator
 * set is theirs to keep out of logs), and the start-up time. Returns undefined for `--help` and for the `agents`
 * commands, which work on the database and exit.
 *
 * @example
 * const server = await runCli(['--port', '0', '--db', ':memory:'], process.env, console.log);
 */
export async function runCli(
  argv: string[],
  environment: Record<string, string | undefined>,
  print: (line: string) => void,
  /** Milliseconds since the process started, for the start-up line. */
  uptimeMs: () => number = () => performance.now(),
): Promise<RunningServer | undefined> {
  let values: {
    port?: string;
    host?: string;
    db?: string;
    'database-url'?: string;
    sites?: string;
    'heartbeat-ms'?: string;
    'trust-proxy'?: string;
    'max-connections'?: string;
    'smtp-url'?: string;
    'mail-from'?: string;
    demo?: boolean;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'database-url': { type: 'string' },
        sites: { type: 'string' },
        'heartbeat-ms': { type: 'string' },
        'trust-proxy': { type: 'string' },
        'max-connections': { type: 'string' },
        'smtp-url': { type: 'string' },
        'mail-from': { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    print(CLI_HELP);
    return undefined;
  }
  const dbPath = values.db || environment.SAPA_DB || './.sapa/sapa.db';
  const databaseUrl = postgresUrl(values['database-url'] || environment.SAPA_DATABASE_URL);
  if (positionals.length > 0) {
    await runAgentsCommand(positionals, databaseUrl ?? dbPath, print);
    return undefined;
  }
  const heartbeatMs = integer(values['heartbeat-ms'], '--heartbeat-ms');
  const trustProxy = integer(values['trust-proxy'] ?? environment.SAPA_TRUST_PROXY, '--trust-proxy');
  const maxConnections = integer(values['max-connections'], '--max-connections');
  const sites = loadSites({
    ...(values.sites ? { sitesFile: values.sites } : {}),
    demo: values.demo ?? false,
    ...(environment.SAPA_IDENTITY_SECRET ? { identitySecret: environment.SAPA_IDENTITY_SECRET } : {}),
    ...(environment.SAPA_ALLOWED_ORIGINS ? { allowedOrigins: environment.SAPA_ALLOWED_ORIGINS } : {}),
  });
  const server = await startServer({
    port: integer(values.port ?? environment.SAPA_PORT, '--port') ?? 8787,
    host: values.host ?? '127.0.0.1',
    ...(databaseUrl ? { databaseUrl } : { dbPath }),
    sites,
    agentToken: environment.SAPA_AGENT_TOKEN || newToken(),
    ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
    ...(trustProxy !== undefined ? { trustProxy } : {}),
    ...(maxConnections !== undefined ? { maxConnections } : {}),
    ...smtpOptions(
      values['smtp-url'] || environment.SAPA_SMTP_URL,
      values['mail-from'] || environment.SAPA_MAIL_FROM,
    ),
    ...(environment.SAPA_PUBLIC_URL ? { publicUrl: environment.SAPA_PUBLIC_URL.replace(/\/+$/, '') } : {}),
  });
  const startupMs = Math.round(uptimeMs());
  // People open these in a browser: localhost reads better than the loopback address and means the same here.
  const shown = new URL(server.url);
  if (shown.hostname === '127.0.0.1' || shown.hostname === '0.0.0.0') shown.hostname = 'localhost';
  print(`Sapa demo: ${shown.origin}/`);
  // A generated token exists only in this process: printing it is the only way in. A token the operator set
  // is already known to them, and this line may end up in logs others read (issue 13).
  print(
    environment.SAPA_AGENT_TOKEN
      ? `Agent console: ${shown.origin}/console/ (sign in with SAPA_AGENT_TOKEN or an agent's token)`
      : `Agent console: ${shown.origin}/console/#token=${server.agentToken}`,
  );
  print(
    `Started in ${startupMs} ms (${server.url}, sites: ${sites.map((site) => site.siteKey).join(', ')}, ` +
      `store: ${server.storeName})`,
  );
  return server;
}

/** A PostgreSQL URL from the flag or the environment; anything else is a usage error. */
function postgresUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  // The URL holds a password: the message names the rule, not the value.
  if (!/^postgres(ql)?:\/\//.test(url))
    throw new UsageError(
      '--database-url (or SAPA_DATABASE_URL) must start with postgres:// or postgresql://.',
    );
  return url;
}

/**
 * `sapa-server agents add <name> | list | remove <name>`: named agents in the database at `database` (a
 * SQLite file, or a `postgres://` URL).
 */
async function runAgentsCommand(
  positionals: string[],
  database: string,
  print: (line: string) => void,
): Promise<void> {
  const [command, action, ...names] = positionals;
  const name = names.join(' ');
  const known =
    command === 'agents' &&
    ((action === 'list' && names.length === 0) || ((action === 'add' || action === 'remove') && name !== ''));
  if (!known) {
    throw new UsageError(`Unknown command "${positionals.join(' ')}"; try "agents add <name>".`);
  }
  if (database === ':memory:') throw new UsageError('Agents live in a database file; give one with --db.');
  const store = /^postgres(ql)?:\/\//.test(database)
    ? await PostgresChatStore.open(database)
    : new SqliteChatStore(openDatabase(database));
  try {
    const accounts = new AgentAccounts(store, '');
    if (action === 'add') {
      const { agent, token } = await accounts.add(name);
      print(`Added agent ${agent.name}. Their token (shown only now; keep it secret):`);
      print(token);
      print('They sign in at /console/ with it; "sapa-server agents remove" revokes it.');
    } else if (action === 'remove') {
      if (!(await accounts.remove(name))) throw new Error(`No agent is named ${JSON.stringify(name)}.`);
      print(`Removed agent ${name}; their token no longer works.`);
    } else {
      const agents = await accounts.list();
      if (agents.length === 0) print('No named agents yet; add one with "sapa-server agents add <name>".');
      for (const agent of agents) print(`${agent.name}\t(added ${agent.createdAt})`);
    }
  } finally {
    await store.close();
  }
}
