import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Action, Card, ConversationStatus } from '@sapa/protocol';
import { Hono } from 'hono';
import type { AppContext, AppEnvironment } from './app-context.js';
import { eventStreamHeadResponse, writeEventStream } from './event-stream.js';
import { ProblemError } from './problem.js';
import { field, readJsonObject } from './request-body.js';
import { bearerToken, clientAddress, readPageQuery } from './request-input.js';
import type { AgentSend } from './services/agent-inbox.js';
import { receiveUpload } from './uploads.js';

/** The inbox filters: a status, `active` (open and pending: everything still to answer) or `all`. */
const STATUS_FILTERS: Record<string, ConversationStatus[] | undefined> = {
  open: ['open'],
  pending: ['pending'],
  resolved: ['resolved'],
  active: ['open', 'pending'],
  all: undefined,
};
const DEFAULT_INBOX_PAGE = 50;
const MAX_INBOX_PAGE = 100;

function readInboxLimit(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_INBOX_PAGE;
  if (!/^\d{1,4}$/.test(value) || Number(value) < 1) {
    throw new ProblemError('invalid_request', 'The query parameter limit must be a positive integer.');
  }
  return Math.min(Number(value), MAX_INBOX_PAGE);
}

function readActions(body: Record<string, unknown>): Action[] | undefined {
  const value = body.actions;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > 10) {
    throw new ProblemError('invalid_request', 'The field actions must be a list of at most 10 actions.');
  }
  return value.map((action, index) => {
    const entry = (typeof action === 'object' && action !== null ? action : {}) as Record<string, unknown>;
    const label = field.string(entry, 'label', 100);
    if (entry.type === 'reply')
      return { type: 'reply', label, payload: field.string(entry, 'payload', 1000) };
    if (entry.type === 'link') {
      const url = field.string(entry, 'url', 2000);
      if (!/^(https?:|mailto:|tel:)/i.test(url)) {
        throw new ProblemError(
          'invalid_request',
          `actions[${index}].url must be an http, https, mailto or tel URL.`,
        );
      }
      return { type: 'link', label, url };
    }
    throw new ProblemError('invalid_request', `actions[${index}].type must be "reply" or "link".`);
  });
}

function readCard(body: Record<string, unknown>): Card {
  const value = field.optionalObject(body, 'card');
  if (!value) throw new ProblemError('invalid_request', 'The field card must be an object.');
  const card: Card = { title: field.string(value, 'title', 200) };
  const text = field.optionalString(value, 'text', 2000);
  const imageUrl = field.optionalString(value, 'imageUrl', 2000);
  const url = field.optionalString(value, 'url', 2000);
  // Card links open from the visitor's page: only web addresses, never javascript: or data: URLs.
  for (const [name, link] of [
    ['card.imageUrl', imageUrl],
    ['card.url', url],
  ] as const) {
    if (link !== undefined && !/^https?:\/\//i.test(link)) {
      throw new ProblemError('invalid_request', `${name} must be an http or https URL.`);
    }
  }
  if (text !== undefined) card.text = text;
  if (imageUrl !== undefined) card.imageUrl = imageUrl;
  if (url !== undefined) card.url = url;
  return card;
}

function readAgentSend(body: Record<string, unknown>): AgentSend {
  const actions = readActions(body);
  const text = (required: boolean) => {
    const value = required
      ? field.string(body, 'text', 100_000)
      : field.optionalString(body, 'text', 100_000);
    if (value !== undefined && value.length > 10_000) {
      throw new ProblemError('payload_too_large', 'A message text may be at most 10000 characters.');
    }
    return value;
  };
  switch (body.type) {
    case 'text':
      return actions
        ? { type: 'text', text: text(true) as string, actions }
        : { type: 'text', text: text(true) as string };
    case 'card':
      return actions
        ? { type: 'card', card: readCard(body), actions }
        : { type: 'card', card: readCard(body) };
    case 'file': {
      const attachmentIds = field.stringList(body, 'attachmentIds', 10);
      const caption = text(false);
      return caption === undefined
        ? { type: 'file', attachmentIds }
        : { type: 'file', attachmentIds, text: caption };
    }
    default:
      throw new ProblemError('invalid_request', 'The field type must be "text", "card" or "file".');
  }
}

/**
 * The agent API under `/agent/v1`. Every call carries an agent's token in the `Authorization` header (never in
 * the URL, where logs and history keep it); failed sign-ins are limited per client address.
 */
export function agentRoutes(app: AppContext): Hono<AppEnvironment> {
  const routes = new Hono<AppEnvironment>();
  const { agentInbox, agentAccounts, care, sites, uploads } = app.services;

  routes.use('*', async (c, next) => {
    const address = `agent-auth:${clientAddress(c, app.trustProxyHops)}`;
    // While an address is over its failures, nothing it sends is checked: guessing gets no answer at all.
    app.authFailureLimiter?.check(address);
    const account = await agentAccounts.authenticate(bearerToken(c.req.raw));
    if (!account) {
      app.authFailureLimiter?.take(address);
      throw new ProblemError('unauthorized', 'The agent token is missing, wrong or revoked.');
    }
    c.set('agent', account);
    await next();
  });

  routes.get('/me', (c) => c.json(c.get('agent')));

  routes.get('/conversations', async (c) => {
    const status = c.req.query('status') ?? 'all';
    if (!Object.hasOwn(STATUS_FILTERS, status)) {
      throw new ProblemError('invalid_request', 'The status must be open, pending, resolved, active or all.');
    }
    const cursor = c.req.query('cursor');
    const query = c.req.query('q');
    if (query !== undefined && query.length > 200) {
      throw new ProblemError('invalid_request', 'The query parameter q may be at most 200 characters.');
    }
    return c.json(
      await agentInbox.list(
        STATUS_FILTERS[status],
        cursor || undefined,
        readInboxLimit(c.req.query('limit')),
        query,
      ),
    );
  });

  routes.get('/care', async (c) => {
    const query: Record<string, string> = {};
    for (const name of ['siteKey', 'from', 'to', 'agent'] as const) {
      const value = c.req.query(name);
      if (value !== undefined && value !== '') query[name] = value.slice(0, 200);
    }
    return c.json(await care.report(query));
  });

  routes.get('/visitors/:id', async (c) => c.json(await agentInbox.visitor(c.req.param('id'))));

  routes.get('/conversations/:id', async (c) => c.json(await agentInbox.view(c.req.param('id'))));

  routes.get('/conversations/:id/messages', async (c) =>
    c.json(
      await agentInbox.page(
        c.req.param('id'),
        readPageQuery((name) => c.req.query(name)),
      ),
    ),
  );

  // The author's name comes from the account; an `agentName` in the body (older consoles sent one) is ignored.
  routes.post('/conversations/:id/messages', async (c) => {
    const body = await readJsonObject(c.req.raw);
    return c.json(await agentInbox.send(c.req.param('id'), readAgentSend(body), c.get('agent')), 201);
  });

  routes.post('/uploads', (c) =>
    receiveUpload(uploads, c.req.raw, c.req.query('siteKey') ?? sites.defaultSiteKey(), {
      id: c.get('agent').id,
      quota: false,
    }),
  );

  routes.post('/conversations/:id/typing', async (c) => {
    const body = await readJsonObject(c.req.raw);
    await agentInbox.typing(c.req.param('id'), field.boolean(body, 'typing'), c.get('agent'));
    return c.body(null, 204);
  });

  routes.post('/conversations/:id/read', async (c) => {
    const body = await readJsonObject(c.req.raw);
    await agentInbox.read(c.req.param('id'), field.integer(body, 'seq', 0, Number.MAX_SAFE_INTEGER));
    return c.body(null, 204);
  });

  routes.post('/conversations/:id/resolve', async (c) =>
    c.json(await agentInbox.setStatus(c.req.param('id'), 'resolved')),
  );
  routes.post('/conversations/:id/reopen', async (c) =>
    c.json(await agentInbox.setStatus(c.req.param('id'), 'open')),
  );

  routes.get('/stream', (c) => {
    // Hono answers HEAD with the GET handler: without this, a HEAD would subscribe and count as an agent online.
    if (c.req.method === 'HEAD') return eventStreamHeadResponse();
    const account = c.get('agent');
    const token = bearerToken(c.req.raw);
    writeEventStream(c.env.outgoing, {
      replay: [],
      subscribe: (listener) => agentInbox.subscribe(listener),
      streams: app.streams,
      // A removed agent's stream ends at the next heartbeat.
      stillAllowed: async () => (await agentAccounts.authenticate(token))?.id === account.id,
    });
    return RESPONSE_ALREADY_SENT;
  });

  return routes;
}
