import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { acceptsMime, FILENAME_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '@sapa/protocol';
import type { AppContext } from './app-context.js';
import { ProblemError } from './problem.js';
import { readBody } from './request-body.js';

/** Raster images are safe to show inline; everything else (SVG above all) is served as a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/** Makes a percent-encoded file name safe to store and show: no paths, no control characters. */
export function cleanFileName(encoded: string | undefined): string {
  if (encoded === undefined || encoded === '') return 'file';
  let name: string;
  try {
    name = decodeURIComponent(encoded);
  } catch {
    throw new ProblemError('invalid_request', `The ${FILENAME_HEADER} header must be percent-encoded.`);
  }
  // Control characters (below U+0020, and DEL) could forge lines in logs and headers.
  const printable = [...name].filter((character) => character >= ' ' && character !== '\u007f').join('');
  const cleaned = printable.split(/[\\/]/).pop()?.trim() ?? '';
  return (cleaned === '' || cleaned === '.' || cleaned === '..' ? 'file' : cleaned).slice(0, 255);
}

/** Saves an upload after checking its type and size against the site's limits. */
export async function receiveUpload(
  app: AppContext,
  request: Request,
  siteKey: string,
  owner: string,
): Promise<Response> {
  const site = app.service.site(siteKey);
  const mime = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!acceptsMime(site.upload.accept, mime)) {
    throw new ProblemError(
      'unsupported_media_type',
      `Files of type ${mime || '(none)'} are not accepted; accepted: ${site.upload.accept.join(', ')}.`,
    );
  }
  const name = cleanFileName(request.headers.get(FILENAME_HEADER) ?? undefined);
  const bytes = await readBody(request, site.upload.maxBytes);
  if (bytes.length === 0) throw new ProblemError('invalid_request', 'The upload is empty.');
  // Bytes first, row second: a failed write leaves no upload that points at nothing.
  const id = app.store.newUploadId();
  await mkdir(app.uploadDir, { recursive: true });
  await writeFile(join(app.uploadDir, id), bytes);
  const upload = app.store.insertUpload({ id, siteKey, owner, name, size: bytes.length, mime });
  return Response.json(app.store.toAttachment(upload), {
    status: 201,
    headers: { [PROTOCOL_HEADER]: PROTOCOL_VERSION },
  });
}

function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Answers with a stored file. Files are fetched by `<img>` and links, which cannot send a bearer token:
 * the unguessable id is the key. Only raster images are inline; nosniff and a sandbox CSP keep any file
 * from running as a page.
 */
export async function serveUpload(app: AppContext, id: string): Promise<Response> {
  const upload = app.store.getUpload(id);
  const path = upload && join(app.uploadDir, upload.id);
  const size = path
    ? await stat(path).then(
        (info) => info.size,
        () => undefined,
      )
    : undefined;
  if (!upload || !path || size === undefined) throw new ProblemError('not_found', 'No such file.');
  const inline = INLINE_TYPES.has(upload.mime);
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
    headers: {
      'Content-Type': upload.mime,
      'Content-Length': String(size),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', upload.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  });
}
