import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { call, newSession, startTestServer, visitorWithConversation } from './helpers.js';

/** A raw GET, so the path reaches the server exactly as written (fetch would normalise `..`). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string; type?: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path, method: 'GET' }, (incoming) => {
      let body = '';
      incoming.on('data', (chunk) => {
        body += chunk;
      });
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, body, type: incoming.headers['content-type'] }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('problems', () => {
  it('answers unknown routes with a 404 problem and the protocol header', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    for (const [path, token] of [
      ['/v1/nothing', session.token],
      ['/agent/v1/nothing', server.agentToken],
      ['/nothing', undefined],
    ] as const) {
      const response = await call(server, 'GET', path, undefined, token);
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(response.headers.get('sapa-protocol')).toBe('1');
      expect(response.body).toMatchObject({
        code: 'not_found',
        status: 404,
        type: 'https://sapa.dev/problems/not_found',
      });
    }
  });

  it('refuses oversized JSON bodies with 413 before reading them whole', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const response = await call(
      server,
      'PATCH',
      '/v1/visitor',
      { name: 'x'.repeat(300 * 1024) },
      session.token,
    );
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('payload_too_large');
  });
});

describe('CORS', () => {
  it("answers preflight for the site's origins with the protocol's headers", async () => {
    const server = await startTestServer();
    const response = await fetch(`${server.url}/v1/conversations`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization, content-type, last-event-id, x-sapa-filename',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    for (const header of ['authorization', 'content-type', 'last-event-id', 'x-sapa-filename']) {
      expect(allowed).toContain(header);
    }
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    const session = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { Origin: 'http://127.0.0.1:3000', 'Content-Type': 'application/json' },
      body: JSON.stringify({ siteKey: 'demo' }),
    });
    expect(session.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    expect(session.headers.get('access-control-expose-headers')).toBe('Sapa-Protocol, Retry-After');
  });

  it('puts CORS headers on problems too, so a browser can read a 401 or a 429', async () => {
    const server = await startTestServer({ rateLimit: { perMinute: 1 } });
    const origin = { Origin: 'http://localhost:8080' };
    const unauthorized = await call(server, 'GET', '/v1/conversations', undefined, 'stale-token', origin);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    const session = await newSession(server);
    await call(server, 'GET', '/v1/conversations', undefined, session.token, origin);
    const limited = await call(server, 'GET', '/v1/conversations', undefined, session.token, origin);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(limited.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('gives other origins no CORS headers', async () => {
    const server = await startTestServer();
    const preflight = await fetch(`${server.url}/v1/sessions`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(`${server.url}/v1/sessions`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example' },
      body: JSON.stringify({ siteKey: 'demo' }),
    });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After once a visitor is over the limit', async () => {
    const server = await startTestServer({ rateLimit: { perMinute: 5 } });
    const session = await newSession(server);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let index = 0; index < 6; index++) {
      const response = await call(server, 'GET', '/v1/conversations', undefined, session.token);
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(limited?.body.code).toBe('rate_limited');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Another visitor has their own budget.
    const other = await newSession(server);
    expect((await call(server, 'GET', '/v1/conversations', undefined, other.token)).status).toBe(200);
  });
});

describe('uploads', () => {
  async function upload(
    server: { url: string },
    token: string,
    bytes: Uint8Array<ArrayBuffer> | string,
    type: string,
    name: string,
  ) {
    const response = await fetch(`${server.url}/v1/uploads`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': type,
        'X-Sapa-Filename': encodeURIComponent(name),
      },
      body: bytes,
    });
    return { status: response.status, body: await response.json() };
  }

  it('stores a file and serves it with safe headers, usable in a file message', async () => {
    const server = await startTestServer();
    const { session, conversationId } = await visitorWithConversation(server);
    const uploaded = await upload(server, session.token, 'nota pembelian', 'text/plain', 'nota ✓ "1".txt');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'nota ✓ "1".txt', size: 14, mime: 'text/plain' });
    const file = await fetch(uploaded.body.url);
    expect(file.status).toBe(200);
    expect(await file.text()).toBe('nota pembelian');
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(file.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''nota%20%E2%9C%93%20%221%22.txt",
    );
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    const sent = await call(
      server,
      'PUT',
      `/v1/conversations/${conversationId}/messages/file-1`,
      { type: 'file', attachmentIds: [uploaded.body.id], text: 'Ini notanya' },
      session.token,
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      type: 'file',
      attachments: [{ id: uploaded.body.id, url: uploaded.body.url }],
    });
  });

  it('shows raster images inline but never SVG', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const png = await upload(server, session.token, new Uint8Array([137, 80, 78, 71]), 'image/png', 'a.png');
    expect((await fetch(png.body.url)).headers.get('content-disposition')).toMatch(/^inline; /);
    const svg = await upload(
      server,
      session.token,
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
      'image/svg+xml',
      'a.svg',
    );
    expect(svg.status).toBe(201);
    const served = await fetch(svg.body.url);
    expect(served.headers.get('content-disposition')).toMatch(/^attachment; /);
    expect(served.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('refuses types outside accept (415) and files over maxBytes (413)', async () => {
    const server = await startTestServer({
      sites: [{ siteKey: 'demo', name: 'Small', upload: { maxBytes: 10, accept: ['text/plain'] } }],
    });
    const session = await newSession(server);
    const wrongType = await upload(server, session.token, 'x', 'application/zip', 'a.zip');
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.code).toBe('unsupported_media_type');
    const tooBig = await upload(server, session.token, 'x'.repeat(11), 'text/plain', 'a.txt');
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.code).toBe('payload_too_large');
    const unknown = await fetch(`${server.url}/v1/uploads/f_nothing/a.txt`);
    expect(unknown.status).toBe(404);
  });
});

describe('static files', () => {
  it('refuses path traversal out of the served folders', async () => {
    const server = await startTestServer();
    for (const path of [
      '/widget/../package.json',
      '/widget/..%2f..%2fpackage.json',
      '/widget/%2e%2e/%2e%2e/package.json',
      '/examples/shop/..%2f..%2fpackage.json',
      '/examples/..%2f..%2f/package.json',
      '/console/%2e%2e%5c%2e%2e%5cpackage.json',
      '/storybook/..%00/package.json',
      '/..%2f..%2fpackage.json',
      '/widget/.vite/manifest.json',
      '/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await rawGet(server.url, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"workspaces"');
    }
  });
});
