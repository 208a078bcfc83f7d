import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { ProblemError } from './problem.js';

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/**
 * A file name with a bundler content hash (`index-3fA9_x1Z.js`: 8 base64url characters, with a capital or a
 * digit so words such as `-fallback` do not count): its content never changes, so caches may keep it.
 */
const HASHED_NAME = /[-.](?=[A-Za-z0-9_-]*[A-Z0-9])[A-Za-z0-9_-]{8}\.[a-z0-9]+$/;

/**
 * Turns URL path segments (still percent-encoded) into a path inside `root`, or refuses: encoded slashes,
 * `..`, hidden files, NUL and anything resolving outside `root` are a 404, never a file elsewhere on disk.
 */
export function safeJoin(root: string, encodedSegments: readonly string[]): string {
  const segments: string[] = [];
  for (const encoded of encodedSegments) {
    if (encoded === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      throw new ProblemError('not_found', 'No such file.');
    }
    // Hidden files (`.env`, `.vite/`) are never content; `.` and `..` would walk the tree.
    if (segment.startsWith('.') || /[/\\\0]/.test(segment)) {
      throw new ProblemError('not_found', 'No such file.');
    }
    segments.push(segment);
  }
  const base = resolve(root);
  const path = resolve(base, ...segments);
  if (path !== base && !path.startsWith(base + sep)) throw new ProblemError('not_found', 'No such file.');
  return path;
}

/** How long browsers may keep a file: hashed names forever, the loader briefly, the rest revalidated. */
export function cacheControlFor(path: string): string {
  if (path.endsWith(`${sep}sapa.js`)) return 'public, max-age=300';
  if (HASHED_NAME.test(path) && !path.endsWith('.html')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

/**
 * Answers with the file at `encodedSegments` under `root` (a folder gives its `index.html`).
 * @throws {ProblemError} 404 when there is no such file.
 */
export async function serveFile(root: string, encodedSegments: readonly string[]): Promise<Response> {
  let path = safeJoin(root, encodedSegments);
  let info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    info = await stat(path).catch(() => undefined);
  }
  if (!info?.isFile()) throw new ProblemError('not_found', 'No such file.');
  const body = await readFile(path);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': String(body.length),
      'Cache-Control': cacheControlFor(path),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
