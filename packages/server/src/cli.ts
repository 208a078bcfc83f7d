import { parseArgs } from 'node:util';
import { loadSites } from './load-sites.js';
import { type RunningServer, startServer } from './start-server.js';

/** Text of `sapa-server --help`. */
export const CLI_HELP = `Usage: sapa-server [options]

  --port <n>           port to listen on (env SAPA_PORT; default 8787; 0 = any free port)
  --host <address>     address to listen on (default 127.0.0.1)
  --db <path>          SQLite database file (env SAPA_DB; default ./.sapa/sapa.db; :memory: allowed)
  --sites <file>       JSON list of site configurations (see docs/server.md)
  --heartbeat-ms <n>   interval of stream pings (default 15000)
  --smtp-url <url>     email agents' replies to visitors who are away (env SAPA_SMTP_URL;
                       smtp://user:pass@host:587 or smtps://user:pass@host:465)
  --mail-from <email>  address those emails come from (env SAPA_MAIL_FROM)
  --demo               also serve the demo site "Toko Sapa" (siteKey demo)
  --help               this text

Environment: SAPA_AGENT_TOKEN, SAPA_IDENTITY_SECRET, SAPA_ALLOWED_ORIGINS, SAPA_PUBLIC_URL.`;

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
 * prints the demo URL, the console URL with the agent token, and the start-up time.
 * Returns undefined for `--help`.
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
    sites?: string;
    'heartbeat-ms'?: string;
    'smtp-url'?: string;
    'mail-from'?: string;
    demo?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        sites: { type: 'string' },
        'heartbeat-ms': { type: 'string' },
        'smtp-url': { type: 'string' },
        'mail-from': { type: 'string' },
        demo: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    print(CLI_HELP);
    return undefined;
  }
  const heartbeatMs = integer(values['heartbeat-ms'], '--heartbeat-ms');
  const sites = loadSites({
    ...(values.sites ? { sitesFile: values.sites } : {}),
    demo: values.demo ?? false,
    ...(environment.SAPA_IDENTITY_SECRET ? { identitySecret: environment.SAPA_IDENTITY_SECRET } : {}),
    ...(environment.SAPA_ALLOWED_ORIGINS ? { allowedOrigins: environment.SAPA_ALLOWED_ORIGINS } : {}),
  });
  const server = await startServer({
    port: integer(values.port ?? environment.SAPA_PORT, '--port') ?? 8787,
    host: values.host ?? '127.0.0.1',
    dbPath: values.db || environment.SAPA_DB || './.sapa/sapa.db',
    sites,
    ...(environment.SAPA_AGENT_TOKEN ? { agentToken: environment.SAPA_AGENT_TOKEN } : {}),
    ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
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
  print(`Agent console: ${shown.origin}/console/#token=${server.agentToken}`);
  print(`Started in ${startupMs} ms (${server.url}, sites: ${sites.map((site) => site.siteKey).join(', ')})`);
  return server;
}
