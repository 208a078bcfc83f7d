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
  const exampleFolder = (name: string) => {
    const dist = join(root, 'examples', name, 'dist');
    return existsSync(dist) ? dist : join(root, 'examples', name);
  };
  http.get('/', () => serveFile(exampleFolder('shop'), ['index.html']));
  http.get('/examples/:name', (c) => c.redirect(`/examples/${c.req.param('name')}/`, 301));
  http.get('/examples/:name/*', (c) => {
    const [name = '', ...rest] = segmentsAfter(c.req.url, '/examples/');
    if (!/^[a-z0-9-]+$/.test(name)) throw new ProblemError('not_found', 'No such example.');
    return serveFile(exampleFolder(name), rest);
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
