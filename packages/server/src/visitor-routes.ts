import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import {
  DEFAULT_PAGE_LIMIT,
  FILENAME_HEADER,
  MAX_PAGE_LIMIT,
  MAX_TEXT_LENGTH,
  type PageInfo,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
} from '@sapa/protocol';
import { type Context, Hono } from 'hono';
import type { AppContext, AppEnvironment } from './app-context.js';
import type { VisitorSend } from './chat-service.js';
import { eventStreamResponse } from './event-stream.js';
import { parseCursor } from './ids.js';
import { ProblemError } from './problem.js';
import { field, readAttributes, readBody, readJsonObject } from './request-body.js';

/** Raster images are safe to show inline; everything else (SVG above all) is served as a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif']);

/** The bearer token of a request, if any. */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** The peer address, for rate limits before a visitor is known. */
export function clientAddress(context: Context<AppEnvironment>): string {
  return context.env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

function readText(body: Record<string, unknown>, name: string, required: boolean): string | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || (required && value.trim() === '')) {
    throw new ProblemError('invalid_request', `The field ${name} must be a non-empty string.`);
  }
  if (value.length > MAX_TEXT_LENGTH) {
    throw new ProblemError(
      'payload_too_large',
      `A message text may be at most ${MAX_TEXT_LENGTH} characters.`,
    );
  }
  return value;
}

/** A string field cut to `maxLength`: page details are informational, so an overlong title never fails a session. */
function clipped(body: Record<string, unknown>, name: string, maxLength: number): string | undefined {
  const value = field.optionalString(body, name, Number.MAX_SAFE_INTEGER);
  return value?.slice(0, maxLength);
}

function readPage(body: Record<string, unknown>): PageInfo | undefined {
  const page = field.optionalObject(body, 'page');
  if (!page) return undefined;
  const url = clipped(page, 'url', 2000);
  if (url === undefined) throw new ProblemError('invalid_request', 'The field page.url must be a string.');
  const info: PageInfo = { url };
  const title = clipped(page, 'title', 500);
  const referrer = clipped(page, 'referrer', 2000);
  if (title !== undefined) info.title = title;
  if (referrer !== undefined) info.referrer = referrer;
  return info;
}

function readSend(body: Record<string, unknown>): VisitorSend {
  switch (body.type) {
    case 'text':
      return { type: 'text', text: readText(body, 'text', true) as string };
    case 'file': {
      const attachmentIds = field.stringList(body, 'attachmentIds', 10);
      const text = readText(body, 'text', false);
      return text === undefined ? { type: 'file', attachmentIds } : { type: 'file', attachmentIds, text };
    }
    case 'postback':
      return {
        type: 'postback',
        payload: field.string(body, 'payload', 1000),
        text: readText(body, 'text', true) as string,
      };
    default:
      throw new ProblemError('invalid_request', 'The field type must be "text", "file" or "postback".');
  }
}

function optionalInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d{1,15}$/.test(value)) {
    throw new ProblemError('invalid_request', `The query parameter ${name} must be a non-negative integer.`);
  }
  return Number(value);
}

/** Reads `after`, `before` and `limit` (≤ 200, default 50) of a message page request. */
export function readPageQuery(query: (name: string) => string | undefined): {
  after?: number;
  before?: number;
  limit: number;
} {
  const after = optionalInteger(query('after'), 'after');
  const before = optionalInteger(query('before'), 'before');
  if (after !== undefined && before !== undefined) {
    throw new ProblemError('invalid_request', 'Give either after or before, not both.');
  }
  const limit = Math.min(optionalInteger(query('limit'), 'limit') ?? DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT);
  if (limit < 1) throw new ProblemError('invalid_request', 'The query parameter limit must be at least 1.');
  const page: { after?: number; before?: number; limit: number } = { limit };
  if (after !== undefined) page.after = after;
  if (before !== undefined) page.before = before;
  return page;
}

/** Whether a MIME type is allowed by a list such as `['image/*', 'application/pdf']`. */
export function mimeAccepted(mime: string, accept: readonly string[]): boolean {
  return accept.some((pattern) => {
    const normalized = pattern.trim().toLowerCase();
    if (normalized === '*/*' || normalized === mime) return true;
    return normalized.endsWith('/*') && mime.startsWith(normalized.slice(0, -1));
  });
}

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
  if (mime === '' || !mimeAccepted(mime, site.upload.accept)) {
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

/** The visitor protocol under `/v1`. */
export function visitorRoutes(app: AppContext): Hono<AppEnvironment> {
  const routes = new Hono<AppEnvironment>();
  const { service } = app;

  routes.post('/sessions', async (c) => {
    app.rateLimiter?.take(`address:${clientAddress(c)}`);
    const body = await readJsonObject(c.req.raw);
    const siteKey = field.string(body, 'siteKey', 200);
    const token = field.optionalString(body, 'token', 200);
    const locale = clipped(body, 'locale', 35);
    return c.json(service.startSession(siteKey, token, locale, readPage(body)), 201);
  });

  // Files are fetched by <img> and links, which cannot send a bearer token: the unguessable id is the key.
  routes.get('/uploads/:id/:name?', async (c) => {
    const upload = app.store.getUpload(c.req.param('id'));
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
  });

  // Everything below needs the visitor's token.
  routes.use('*', async (c, next) => {
    const token = bearerToken(c.req.raw);
    const visitor = service.authenticate(token);
    app.rateLimiter?.take(`visitor:${visitor.visitor.id}`);
    c.set('visitor', visitor);
    c.set('token', token as string);
    await next();
  });

  routes.get('/config', (c) => c.json(service.config(service.site(c.get('visitor').siteKey))));

  routes.post('/identify', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const request = {
      userId: field.string(body, 'userId', 200),
      ...optionalProfile(body),
    } as Parameters<typeof service.identify>[2];
    const userHash = field.optionalString(body, 'userHash', 200);
    if (userHash !== undefined) request.userHash = userHash;
    return c.json(service.identify(c.get('visitor'), c.get('token'), request));
  });

  routes.patch('/visitor', async (c) => {
    const body = await readJsonObject(c.req.raw);
    return c.json({ visitor: service.updateVisitor(c.get('visitor'), optionalProfile(body)) });
  });

  routes.get('/conversations', (c) => c.json({ conversations: service.listConversations(c.get('visitor')) }));

  routes.post('/conversations', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const clientConversationId = field.string(body, 'clientConversationId', 200);
    const campaignId = field.optionalString(body, 'campaignId', 200);
    const { conversation, created } = service.createConversation(
      c.get('visitor'),
      clientConversationId,
      campaignId,
    );
    return c.json(conversation, created ? 201 : 200);
  });

  routes.get('/conversations/:id/messages', (c) => {
    const record = service.visitorConversation(c.get('visitor'), c.req.param('id'));
    return c.json(
      service.pageMessages(
        record.conversation.id,
        readPageQuery((name) => c.req.query(name)),
      ),
    );
  });

  routes.put('/conversations/:id/messages/:clientMessageId', async (c) => {
    const clientMessageId = c.req.param('clientMessageId');
    if (clientMessageId.length > 200)
      throw new ProblemError('invalid_request', 'The clientMessageId is too long.');
    const body = await readJsonObject(c.req.raw);
    const { message, created } = service.sendVisitorMessage(
      c.get('visitor'),
      c.req.param('id'),
      clientMessageId,
      readSend(body),
    );
    return c.json(message, created ? 201 : 200);
  });

  routes.post('/conversations/:id/typing', async (c) => {
    const body = await readJsonObject(c.req.raw);
    service.visitorTyping(c.get('visitor'), c.req.param('id'), field.boolean(body, 'typing'));
    return c.body(null, 204);
  });

  routes.post('/conversations/:id/read', async (c) => {
    const body = await readJsonObject(c.req.raw);
    service.visitorRead(
      c.get('visitor'),
      c.req.param('id'),
      field.integer(body, 'seq', 0, Number.MAX_SAFE_INTEGER),
    );
    return c.body(null, 204);
  });

  routes.post('/conversations/:id/rating', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const score = field.integer(body, 'score', 1, 5);
    service.rate(c.get('visitor'), c.req.param('id'), score, field.optionalString(body, 'comment', 2000));
    return c.body(null, 204);
  });

  routes.post('/uploads', (c) => {
    const visitor = c.get('visitor');
    return receiveUpload(app, c.req.raw, visitor.siteKey, visitor.visitor.id);
  });

  routes.post('/events', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const name = field.string(body, 'name', 100);
    field.optionalObject(body, 'properties');
    service.trackEvent(c.get('visitor'), name);
    return c.body(null, 202);
  });

  routes.get('/stream', (c) => {
    const visitor = c.get('visitor');
    // The query parameter wins over Last-Event-ID (the protocol), so a client's own cursor is authoritative.
    const given = c.req.query('after') ?? c.req.header('last-event-id');
    let position: number | undefined;
    if (given !== undefined && given !== '') {
      position = parseCursor(given);
      if (position === undefined)
        throw new ProblemError('invalid_request', 'The cursor is not one this server made.');
      // Older than what is kept, or from another database (ahead of anything written): resync over REST.
      if (position < visitor.prunedThrough || position > app.store.headPosition()) {
        throw new ProblemError('gone', 'The cursor is older than the events kept; refetch over REST.');
      }
    }
    const visitorId = visitor.visitor.id;
    const replay =
      position === undefined
        ? []
        : app.store.eventsAfter(visitorId, position).map((event) => ({
            type: event.type,
            id: event.cursor,
            data: event.data,
          }));
    const wasOnline = app.hub.isVisitorOnline(visitorId);
    const response = eventStreamResponse({
      replay,
      subscribe: (listener) => {
        const unsubscribe = app.hub.subscribeVisitor(visitorId, listener);
        return () => {
          unsubscribe();
          if (!app.hub.isVisitorOnline(visitorId)) service.visitorPresenceChanged(visitorId);
        };
      },
      heartbeatMs: app.heartbeatMs,
      signal: c.req.raw.signal,
      registry: app.streams,
    });
    app.store.touchVisitor(visitorId);
    if (!wasOnline) service.visitorPresenceChanged(visitorId);
    return response;
  });

  return routes;
}

function optionalProfile(body: Record<string, unknown>): {
  name?: string;
  email?: string;
  phone?: string;
  attributes?: Record<string, string | number | boolean | null>;
} {
  const profile: ReturnType<typeof optionalProfile> = {};
  const name = field.optionalString(body, 'name', 200);
  const email = field.optionalString(body, 'email', 320);
  const phone = field.optionalString(body, 'phone', 50);
  const attributes = readAttributes(body);
  if (name !== undefined) profile.name = name;
  if (email !== undefined) profile.email = email;
  if (phone !== undefined) profile.phone = phone;
  if (attributes !== undefined) profile.attributes = attributes;
  return profile;
}
