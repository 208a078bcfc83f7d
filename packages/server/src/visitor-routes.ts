import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import { MAX_TEXT_LENGTH, type PageInfo, type ProfileSource } from '@sapa/protocol';
import { Hono } from 'hono';
import type { AppContext, AppEnvironment } from './app-context.js';
import { eventStreamHeadResponse, writeEventStream } from './event-stream.js';
import { ProblemError } from './problem.js';
import { field, readAttributes, readEventProperties, readJsonObject } from './request-body.js';
import { bearerToken, clientAddress, readPageQuery } from './request-input.js';
import type { VisitorSend } from './services/conversation-service.js';
import { cutToCodePoints } from './unicode-text.js';
import { receiveUpload, serveUpload } from './uploads.js';

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

/**
 * A string field cut to `maxLength` characters: page details are informational, so an overlong title never fails
 * a session. Cut by code point, so an emoji at the cut does not leave half of itself (issue 13).
 */
function clipped(body: Record<string, unknown>, name: string, maxLength: number): string | undefined {
  const value = field.optionalString(body, name, Number.MAX_SAFE_INTEGER);
  return value === undefined ? undefined : cutToCodePoints(value, maxLength);
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

/** The visitor protocol under `/v1`. */
export function visitorRoutes(app: AppContext): Hono<AppEnvironment> {
  const routes = new Hono<AppEnvironment>();
  const { sites, sessions, conversations, campaigns, rules, visitorStream, uploads } = app.services;

  routes.post('/sessions', async (c) => {
    app.rateLimiter?.take(`address:${clientAddress(c, app.trustProxyHops)}`);
    const body = await readJsonObject(c.req.raw);
    const siteKey = field.string(body, 'siteKey', 200);
    const token = field.optionalString(body, 'token', 200);
    const locale = clipped(body, 'locale', 35);
    return c.json(await sessions.start(siteKey, token, locale, readPage(body)), 201);
  });

  routes.get('/uploads/:id/:name?', (c) => serveUpload(uploads, c.req.param('id'), c.req.method === 'HEAD'));

  // Everything below needs the visitor's token.
  routes.use('*', async (c, next) => {
    const token = bearerToken(c.req.raw);
    const visitor = await sessions.authenticate(token);
    app.rateLimiter?.take(`visitor:${visitor.visitor.id}`);
    c.set('visitor', visitor);
    c.set('token', token as string);
    await next();
  });

  routes.get('/config', (c) => c.json(sites.config(c.get('visitor').siteKey)));

  routes.post('/identify', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const request = {
      userId: field.string(body, 'userId', 200),
      ...optionalProfile(body),
    } as Parameters<typeof sessions.identify>[2];
    const userHash = field.optionalString(body, 'userHash', 200);
    if (userHash !== undefined) request.userHash = userHash;
    return c.json(await sessions.identify(c.get('visitor'), c.get('token'), request));
  });

  routes.patch('/visitor', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const source = body.source;
    if (source !== undefined && source !== null && source !== 'form' && source !== 'chat') {
      throw new ProblemError('invalid_request', 'The field source must be "form" or "chat".');
    }
    const update = { ...optionalProfile(body), ...(source ? { source: source as ProfileSource } : {}) };
    return c.json({ visitor: await sessions.updateVisitor(c.get('visitor'), update) });
  });

  routes.get('/conversations', async (c) =>
    c.json({ conversations: await conversations.list(c.get('visitor')) }),
  );

  routes.post('/conversations', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const clientConversationId = field.string(body, 'clientConversationId', 200);
    const campaignId = field.optionalString(body, 'campaignId', 200);
    const { conversation, created } = await conversations.create(
      c.get('visitor'),
      clientConversationId,
      campaignId,
    );
    return c.json(conversation, created ? 201 : 200);
  });

  routes.get('/conversations/:id/messages', async (c) =>
    c.json(
      await conversations.page(
        c.get('visitor'),
        c.req.param('id'),
        readPageQuery((name) => c.req.query(name)),
      ),
    ),
  );

  routes.put('/conversations/:id/messages/:clientMessageId', async (c) => {
    const clientMessageId = c.req.param('clientMessageId');
    if (clientMessageId.length > 200)
      throw new ProblemError('invalid_request', 'The clientMessageId is too long.');
    const body = await readJsonObject(c.req.raw);
    const { message, created } = await conversations.send(
      c.get('visitor'),
      c.req.param('id'),
      clientMessageId,
      readSend(body),
    );
    return c.json(message, created ? 201 : 200);
  });

  routes.post('/conversations/:id/typing', async (c) => {
    const body = await readJsonObject(c.req.raw);
    await conversations.typing(c.get('visitor'), c.req.param('id'), field.boolean(body, 'typing'));
    return c.body(null, 204);
  });

  routes.post('/conversations/:id/read', async (c) => {
    const body = await readJsonObject(c.req.raw);
    await conversations.read(
      c.get('visitor'),
      c.req.param('id'),
      field.integer(body, 'seq', 0, Number.MAX_SAFE_INTEGER),
    );
    return c.body(null, 204);
  });

  routes.post('/conversations/:id/rating', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const score = field.integer(body, 'score', 1, 5);
    await conversations.rate(
      c.get('visitor'),
      c.req.param('id'),
      score,
      field.optionalString(body, 'comment', 2000),
    );
    return c.body(null, 204);
  });

  routes.post('/uploads', (c) => {
    const visitor = c.get('visitor');
    return receiveUpload(uploads, c.req.raw, visitor.siteKey, { id: visitor.visitor.id, quota: true });
  });

  routes.post('/events', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const name = field.string(body, 'name', 100);
    await rules.track(c.get('visitor'), name, readEventProperties(body));
    return c.body(null, 202);
  });

  routes.post('/campaigns/:campaignId/seen', async (c) => {
    const campaignId = c.req.param('campaignId');
    if (campaignId.length > 200) throw new ProblemError('invalid_request', 'The campaign id is too long.');
    await campaigns.markSeen(c.get('visitor'), campaignId);
    return c.body(null, 204);
  });

  routes.get('/stream', async (c) => {
    // The query parameter wins over Last-Event-ID (the protocol), so a client's own cursor is authoritative.
    const cursor = c.req.query('after') ?? c.req.header('last-event-id');
    // Hono answers HEAD with the GET handler: a HEAD checks what a GET would, but never subscribes or makes the
    // visitor "online" (issue 13).
    if (c.req.method === 'HEAD') {
      await visitorStream.check(c.get('visitor'), cursor);
      return eventStreamHeadResponse();
    }
    const opened = await visitorStream.open(c.get('visitor'), cursor);
    writeEventStream(c.env.outgoing, { ...opened, streams: app.streams });
    return RESPONSE_ALREADY_SENT;
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
