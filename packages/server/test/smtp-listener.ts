import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach } from 'vitest';

/** One email as the SMTP listener received it. */
export interface ReceivedEmail {
  from: string;
  to: string[];
  /** The user the client signed in as. */
  user?: string;
  subject: string;
  /** The From header as written. */
  fromHeader: string;
  /** The plain-text body, decoded. */
  text: string;
}

const listeners: SMTPServer[] = [];
afterEach(async () => {
  for (const listener of listeners.splice(0))
    await new Promise<void>((resolve) => listener.close(() => resolve()));
});

/** Undoes a body's transfer encoding (quoted-printable or base64) and its charset (UTF-8). */
function decodeBody(encoding: string, body: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes: number[] = [];
  const joined = body.replace(/=\r?\n/g, '');
  for (let index = 0; index < joined.length; index++) {
    const hex = joined[index] === '=' ? joined.slice(index + 1, index + 3) : '';
    if (/^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else bytes.push(...Buffer.from(joined[index] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Decodes an RFC 2047 header (`=?UTF-8?Q?…?=` / `=?UTF-8?B?…?=`) as a mail client shows it. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeBody('quoted-printable', data.replace(/_/g, ' ')),
    );
}

function parse(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

/**
 * A real SMTP server on 127.0.0.1 (port 0) that keeps what it receives, for the emailed replies. It asks for a
 * user and password (plain AUTH allowed on loopback); `failNext` makes it refuse the next message.
 */
export async function startSmtpListener(credentials = { user: 'sapa', pass: 'rahasia' }) {
  const received: ReceivedEmail[] = [];
  let failures = 0;
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username });
      } else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          callback(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
          return;
        }
        const { headers, body } = parse(Buffer.concat(chunks).toString('utf8'));
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((address) => address.address),
          ...(typeof session.user === 'string' ? { user: session.user } : {}),
          subject: decodeHeader(headers.get('subject') ?? ''),
          fromHeader: decodeHeader(headers.get('from') ?? ''),
          // Mail travels with CRLF line ends; a reader sees lines.
          text: decodeBody((headers.get('content-transfer-encoding') ?? '7bit').toLowerCase(), body)
            .replace(/\r\n/g, '\n')
            .trimEnd(),
        });
        callback();
      });
    },
  });
  listeners.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`,
    received,
    failNext(count = 1) {
      failures += count;
    },
  };
}
