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
