import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { acceptsMime, FILENAME_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '@sapa/protocol';
import { ProblemError } from './problem.js';
import { readBody } from './request-body.js';
import type { UploadService } from './services/upload-service.js';

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
  uploads: UploadService,
  request: Request,
  siteKey: string,
  owner: string,
): Promise<Response> {
  const limits = uploads.limits(siteKey);
  const mime = (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!acceptsMime(limits.accept, mime)) {
    throw new ProblemError(
      'unsupported_media_type',
      `Files of type ${mime || '(none)'} are not accepted; accepted: ${limits.accept.join(', ')}.`,
    );
  }
  const name = cleanFileName(request.headers.get(FILENAME_HEADER) ?? undefined);
  const bytes = await readBody(request, limits.maxBytes);
  if (bytes.length === 0) throw new ProblemError('invalid_request', 'The upload is empty.');
  const attachment = await uploads.save(siteKey, owner, { name, mime, bytes });
  return Response.json(attachment, {
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
export async function serveUpload(uploads: UploadService, id: string): Promise<Response> {
  const { upload, path, size } = await uploads.find(id);
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
