import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@sapa/protocol';
import { Hono } from 'hono';
import { agentRoutes } from './agent-routes.js';
import type { AppContext, AppEnvironment } from './app-context.js';
import { ProblemError } from './problem.js';
import { originAllowed } from './site-config.js';
import { serveFile } from './static-files.js';
import { visitorRoutes } from './visitor-routes.js';

const ALLOWED_HEADERS = 'Authorization, Content-Type, Last-Event-ID, X-Sapa-Filename';
const EXPOSED_HEADERS = 'Sapa-Protocol, Retry-After';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';

/**
 * The console's policy (issue 13): its own scripts, styles and API only; images also from the web (card images
 * agents link); no plugins, no `<base>`, no form posts, never inside a frame (clickjacking of the sign-in form),
 * and Trusted Types so no string ever becomes script.
 */
export const CONSOLE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: http:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types',
].join('; ');

const CONSOLE_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONSOLE_CONTENT_SECURITY_POLICY,
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Example folders are named in lower case, digits and dashes; anything else is no example. */
const EXAMPLE_NAME = /^[a-z0-9-]+$/;

/** The path segments after a prefix such as `/widget/`, still percent-encoded. */
function segmentsAfter(url: string, prefix: string): string[] {
  const path = new URL(url).pathname;
  return path.slice(prefix.length).split('/');
}

/** The whole HTTP surface: protocol, agent API, static files, CORS, problems for every error. */
export function createApp(app: AppContext): Hono<AppEnvironment> {
  const http = new Hono<AppEnvironment>();
  const origins = app.services.sites.allowedOrigins();

  http.use('*', async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin !== undefined && originAllowed(origin, origins);
    const corsHeaders: Record<string, string> = allowed
      ? {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Expose-Headers': EXPOSED_HEADERS,
          Vary: 'Origin',
        }
      : {};
    if (c.req.method === 'OPTIONS') {
      if (!allowed) throw new ProblemError('forbidden', `The origin ${origin ?? '(none)'} is not allowed.`);
      return new Response(null, {
        status: 204,
        headers: {
          ...corsHeaders,
          'Access-Control-Allow-Methods': ALLOWED_METHODS,
          'Access-Control-Allow-Headers': ALLOWED_HEADERS,
          'Access-Control-Max-Age': '600',
          [PROTOCOL_HEADER]: PROTOCOL_VERSION,
        },
      });
    }
    // Set on the Node response, so that every answer carries them: those Hono makes (Node adds these to the
    // headers of the answer) and those written to it directly (event streams).
    const outgoing = c.env.outgoing;
    outgoing.setHeader(PROTOCOL_HEADER, PROTOCOL_VERSION);
    for (const [name, value] of Object.entries(corsHeaders)) outgoing.setHeader(name, value);
    await next();
  });

  // Hono answers HEAD with the GET handler and drops its body unread; a streamed body (a file, an event stream)
  // would then stay open. Routes answer HEAD without one; this cancels any body that slipped through.
  http.use('*', async (c, next) => {
    await next();
    if (c.req.method === 'HEAD' && c.res.body) {
      await c.res.body.cancel().catch(() => {});
      c.res = new Response(null, { status: c.res.status, headers: c.res.headers });
    }
  });

  for (const path of ['/console', '/console/*']) {
    http.use(path, async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(CONSOLE_HEADERS)) c.res.headers.set(name, value);
    });
  }

  http.route('/v1', visitorRoutes(app));
  http.route('/agent/v1', agentRoutes(app));

  const root = app.staticRoot;
  const folders = {
    widget: join(root, 'packages', 'widget', 'dist'),
    console: join(root, 'packages', 'server', 'dist', 'console'),
    storybook: join(root, 'storybook-static'),
  };
  for (const [name, folder] of Object.entries(folders)) {
    http.get(`/${name}`, (c) => c.redirect(`/${name}/`, 301));
    http.get(`/${name}/*`, (c) => serveFile(folder, segmentsAfter(c.req.url, `/${name}/`)));
  }
  // An example with a build (a Vite config) is served only from its `dist`: its sources are not pages, and
  // serving them showed the code instead of the example (issue 13). The others are plain static pages.
  const exampleFolder = (name: string) => {
    const folder = join(root, 'examples', name);
    const dist = join(folder, 'dist');
    if (existsSync(dist)) return dist;
    if (existsSync(join(folder, 'vite.config.ts'))) {
      throw new ProblemError(
        'not_found',
        `The ${name} example is not built; run npx vite build -c examples/${name}/vite.config.ts.`,
      );
    }
    return folder;
  };
  const exampleName = (encoded: string) => {
    if (!EXAMPLE_NAME.test(encoded)) throw new ProblemError('not_found', 'No such example.');
    return encoded;
  };
  http.get('/', () => serveFile(exampleFolder('shop'), ['index.html']));
  // The name is checked before it goes into Location: a decoded `%0d%0a` there was a 500 (issue 13).
  http.get('/examples/:name', (c) => {
    const [encoded = ''] = segmentsAfter(c.req.url, '/examples/');
    return c.redirect(`/examples/${exampleName(encoded)}/`, 301);
  });
  http.get('/examples/:name/*', (c) => {
    const [encoded = '', ...rest] = segmentsAfter(c.req.url, '/examples/');
    return serveFile(exampleFolder(exampleName(encoded)), rest);
  });

  // The shop is the page at `/`, so its relative links (`./shop.css`) resolve at the root: serve them from there.
  http.get('/*', (c) => {
    const segments = segmentsAfter(c.req.url, '/');
    if (['v1', 'agent', ...Object.keys(folders), 'examples'].includes(segments[0] ?? '')) {
      throw new ProblemError('not_found', `Nothing at GET ${c.req.path}.`);
    }
    return serveFile(exampleFolder('shop'), segments);
  });

  http.notFound((c) =>
    new ProblemError('not_found', `Nothing at ${c.req.method} ${c.req.path}.`).toResponse(),
  );
  http.onError((error) => {
    if (error instanceof ProblemError) return error.toResponse();
    app.log('A request failed unexpectedly.', error);
    return new ProblemError('server_error').toResponse();
  });
  return http;
}
