import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer } from './helpers.js';

let root: string;

/** A repository layout in a temp folder: built widget, console, storybook and examples. */
function layout(files: Record<string, string>): string {
  root = mkdtempSync(join(tmpdir(), 'sapa-static-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('static files', () => {
  it('serves the widget: sapa.js briefly cached, hashed chunks immutable, with their MIME types', async () => {
    const server = await startTestServer({
      staticRoot: layout({
        'packages/widget/dist/sapa.js': 'console.log("loader")',
        'packages/widget/dist/chunks/app-Bx3kQ9aZ.js': 'export {}',
        'packages/widget/dist/chunks/style-Bx3kQ9aZ.css': ':host{}',
        'packages/widget/dist/chunks/loader-fallback.js': 'export {}',
      }),
    });
    const loader = await fetch(`${server.url}/widget/sapa.js`);
    expect(loader.status).toBe(200);
    expect(loader.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(loader.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await loader.text()).toBe('console.log("loader")');
    const chunk = await fetch(`${server.url}/widget/chunks/app-Bx3kQ9aZ.js`);
    expect(chunk.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const unhashed = await fetch(`${server.url}/widget/chunks/loader-fallback.js`);
    expect(unhashed.headers.get('cache-control')).toBe('no-cache');
    const style = await fetch(`${server.url}/widget/chunks/style-Bx3kQ9aZ.css`);
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const missing = await fetch(`${server.url}/widget/nothing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('application/problem+json');
  });

  it('serves the shop at /, examples from dist when built, the console and storybook with their index', async () => {
    const server = await startTestServer({
      staticRoot: layout({
        'examples/shop/index.html': '<title>Toko Sapa</title>',
        'examples/shop/shop.css': '.toko{}',
        'examples/headless/index.html': 'source',
        'examples/headless/dist/index.html': 'built',
        'examples/script-tag/index.html': 'script tag',
        'packages/server/dist/console/index.html': 'console',
        'storybook-static/index.html': 'storybook',
      }),
    });
    expect(await (await fetch(`${server.url}/shop.css`)).text()).toBe('.toko{}');
    expect((await fetch(`${server.url}/shop.css`)).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const home = await fetch(`${server.url}/`);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await home.text()).toBe('<title>Toko Sapa</title>');
    expect(await (await fetch(`${server.url}/examples/headless/`)).text()).toBe('built');
    expect(await (await fetch(`${server.url}/examples/script-tag/`)).text()).toBe('script tag');
    expect(await (await fetch(`${server.url}/console/`)).text()).toBe('console');
    expect(await (await fetch(`${server.url}/console`)).text()).toBe('console');
    expect(await (await fetch(`${server.url}/storybook/`)).text()).toBe('storybook');
    const redirect = await fetch(`${server.url}/examples/shop`, { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/examples/shop/');
  });
});

describe('the console and the examples (issue 13)', () => {
  it('serves the console with a strict CSP, no framing and no referrer, on every console answer', async () => {
    const server = await startTestServer({
      staticRoot: layout({
        'packages/server/dist/console/index.html': 'console',
        'packages/server/dist/console/assets/index-Bx3kQ9aZ.js': 'export {}',
      }),
    });
    for (const path of [
      '/console/',
      '/console/assets/index-Bx3kQ9aZ.js',
      '/console/missing.js',
      '/console',
    ]) {
      const answer = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      const policy = answer.headers.get('content-security-policy') ?? '';
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("script-src 'self'");
      expect(policy, path).toContain("default-src 'none'");
      expect(policy, path).not.toContain('unsafe');
      expect(answer.headers.get('x-frame-options'), path).toBe('DENY');
      expect(answer.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
    // The widget is framed and embedded by other sites' pages: no console policy there.
    const widget = await fetch(`${server.url}/widget/sapa.js`);
    expect(widget.headers.get('x-frame-options')).toBeNull();
  });

  it('serves a built example only from its dist: its sources are never served', async () => {
    const server = await startTestServer({
      staticRoot: layout({
        'examples/headless/index.html': '<script type="module" src="./main.ts"></script>',
        'examples/headless/main.ts': 'import { createClient } from "@sapa/sdk";',
        'examples/headless/vite.config.ts': 'export default {}',
        'examples/script-tag/index.html': 'script tag',
      }),
    });
    for (const path of [
      '/examples/headless/',
      '/examples/headless/main.ts',
      '/examples/headless/vite.config.ts',
    ]) {
      const answer = await fetch(`${server.url}${path}`);
      expect(answer.status, path).toBe(404);
      expect(await answer.text(), path).not.toContain('createClient');
    }
    expect((await (await fetch(`${server.url}/examples/headless/`)).json()).detail).toBe(
      'The headless example is not built; run npx vite build -c examples/headless/vite.config.ts.',
    );
    expect(await (await fetch(`${server.url}/examples/script-tag/`)).text()).toBe('script tag');
  });
});
