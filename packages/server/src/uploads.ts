import { acceptsMime, FILENAME_HEADER, PROTOCOL_HEADER, PROTOCOL_VERSION } from '@sapa/protocol';
import { ProblemError } from './problem.js';
import { readBody } from './request-body.js';
import type { UploadService } from './services/upload-service.js';
import { cutToCodePoints, withoutBidiControls } from './unicode-text.js';
import { extensionAgrees, extensionOf, extensionsOf } from './upload-types.js';

/** Raster images are safe to show inline; everything else (SVG above all) is served as a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/** Longest file name kept, in characters (code points). */
const MAX_FILE_NAME_LENGTH = 255;

/**
 * Makes a percent-encoded file name safe to store and show: no paths, no control characters, no bidirectional
 * formatting characters (`invoice\u202Efdp.exe` would read "invoiceexe.pdf"), no trailing dots or spaces (which
 * Windows drops, so `a.exe.` saves as `a.exe`), and at most 255 characters, cut between characters and keeping
 * the extension.
 */
export function cleanFileName(encoded: string | undefined): string {
  if (encoded === undefined || encoded === '') return 'file';
  let name: string;
  try {
    // Throws for malformed escapes and for UTF-8 that does not decode, lone surrogates included.
    name = decodeURIComponent(encoded);
  } catch {
    throw new ProblemError('invalid_request', `The ${FILENAME_HEADER} header must be percent-encoded UTF-8.`);
  }
  // Control characters (C0, DEL, C1) could forge lines in logs and headers.
  const printable = withoutBidiControls(name.normalize('NFC')).replace(/\p{Cc}/gu, '');
  const cleaned = (printable.split(/[\\/]/).pop() ?? '').trim().replace(/[. ]+$/, '');
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'file';
  return cutKeepingExtension(cleaned, MAX_FILE_NAME_LENGTH);
}

/** Cuts a name to `max` code points, keeping a short extension so the type check still sees it. */
function cutKeepingExtension(name: string, max: number): string {
  if ([...name].length <= max) return name;
  const extension = extensionOf(name);
  const suffix = extension !== '' && extension.length <= 16 ? name.slice(name.lastIndexOf('.')) : '';
  const stem = name.slice(0, name.length - suffix.length);
  return `${cutToCodePoints(stem, max - [...suffix].length)}${suffix}`;
}

/**
 * Saves an upload after checking its type, size and name against the site's limits and, for a visitor
 * (`owner.quota`), their upload quota.
 */
export async function receiveUpload(
  uploads: UploadService,
  request: Request,
  siteKey: string,
  owner: { id: string; quota: boolean },
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
  const declared = Number(request.headers.get('content-length') ?? 0);
  // A declared size lets the quota refuse before the body is read; the save checks again with the real size.
  if (owner.quota) await uploads.checkQuota(owner.id, Number.isFinite(declared) ? declared : 0);
  const bytes = await readBody(request, limits.maxBytes);
  if (bytes.length === 0) throw new ProblemError('invalid_request', 'The upload is empty.');
  // After the size, so an oversized file is a 413 whatever its name (the protocol checks 413 while reading).
  if (!extensionAgrees(name, mime)) {
    const allowed = extensionsOf(mime);
    throw new ProblemError(
      'unsupported_media_type',
      `The file name ${JSON.stringify(name)} does not agree with its type ${mime}` +
        (allowed
          ? `, whose files end in .${allowed.join(', .')}.`
          : '; it would open as a program or a page.'),
    );
  }
  const attachment = await uploads.save(siteKey, owner.id, { name, mime, bytes }, { quota: owner.quota });
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
export async function serveUpload(uploads: UploadService, id: string, head = false): Promise<Response> {
  const { upload, bytes } = await uploads.find(id);
  const inline = INLINE_TYPES.has(upload.mime);
  // A HEAD answer has no body: opening the file for it would leave the descriptor open.
  return new Response(head ? null : bytes.stream(), {
    headers: {
      'Content-Type': upload.mime,
      'Content-Length': String(bytes.size),
      'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', upload.name),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, max-age=31536000, immutable',
    },
  });
}
