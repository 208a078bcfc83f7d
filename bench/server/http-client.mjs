// The load generator's HTTP client: raw `http.request` on keep-alive agents (fetch/undici costs several
// times more CPU per request, and the load generator shares the machine's two cores with the server).
import http from 'node:http';

/** A keep-alive agent with at most `maxSockets` connections to the server. */
export function keepAliveAgent(maxSockets) {
  return new http.Agent({ keepAlive: true, maxSockets });
}

/** `{ hostname, port }` of a base URL such as `http://127.0.0.1:41234`, parsed once per target. */
export function endpoint(url) {
  const parsed = new URL(url);
  return { hostname: parsed.hostname, port: Number(parsed.port) };
}

/**
 * One request with an optional JSON body; resolves with the status and the body text once the body has been
 * read to the end (a keep-alive socket is reused only after that). Network errors reject.
 */
export function request(agent, server, method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const outgoing = http.request(
      {
        agent,
        hostname: server.hostname,
        port: server.port,
        method,
        path,
        headers:
          payload === undefined
            ? headers
            : {
                ...headers,
                'Content-Type': 'application/json',
                'Content-Length': Buffer.byteLength(payload),
              },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => {
          text += chunk;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** `request` that expects a 2xx JSON answer; anything else rejects with the status and body. */
export async function requestJson(agent, server, method, path, headers, body) {
  const { status, text } = await request(agent, server, method, path, headers, body);
  if (status < 200 || status > 299)
    throw new Error(`${method} ${path} answered ${status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
