// The plain `node:http` baseline: what Node itself can do here with the same streams and the least work a
// chat server must do. It speaks just enough of the Sapa Chat Protocol for the harness (sessions,
// conversations, the visitor send, the agent reply, both streams); a send or reply parses the JSON body,
// appends the message to an in-memory list, writes one SSE frame to the visitor's streams and answers 201
// with the message as JSON. No database, no validation beyond JSON, no agent fan-out.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { answerHarness } from './child-ipc.mjs';

const HEARTBEAT_MS = 15_000;
const agentToken = process.env.SAPA_AGENT_TOKEN || randomBytes(24).toString('base64url');
/** token → visitor `{ id, streams }` */
const visitorsByToken = new Map();
/** conversation id → `{ visitor, messages }` */
const conversations = new Map();
const agentStreams = new Set();
let position = 0;

const cursor = () => String(position).padStart(16, '0');

function answer(response, status, body) {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function readJson(request) {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk) => {
      text += chunk;
    });
    request.on('end', () => {
      try {
        resolve(text === '' ? {} : JSON.parse(text));
      } catch (error) {
        reject(error);
      }
    });
    request.on('error', reject);
  });
}

function openStream(request, response, streams) {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    'X-Accel-Buffering': 'no',
  });
  response.write(': open\n\n');
  streams.add(response);
  request.on('close', () => streams.delete(response));
}

/** Appends a message and writes it to the visitor's streams as one `message.created` frame. */
function postMessage(conversation, author, body, clientMessageId) {
  position += 1;
  const message = {
    id: randomUUID(),
    conversationId: conversation.id,
    seq: conversation.messages.length + 1,
    author,
    type: 'text',
    text: body.text,
    createdAt: new Date().toISOString(),
    ...(clientMessageId ? { clientMessageId } : {}),
  };
  conversation.messages.push(message);
  const frame = `id: ${cursor()}\nevent: message.created\ndata: ${JSON.stringify({ message })}\n\n`;
  for (const stream of conversation.visitor.streams) stream.write(frame);
  return message;
}

const bearer = (request) => request.headers.authorization?.slice('Bearer '.length);

async function handle(request, response) {
  const [path = ''] = (request.url ?? '').split('?');
  const parts = path.split('/');
  // ['', 'v1', …] or ['', 'agent', 'v1', …]
  if (parts[1] === 'agent') {
    if (bearer(request) !== agentToken) return answer(response, 401, { type: 'unauthorized' });
    if (request.method === 'GET' && parts[3] === 'stream') return openStream(request, response, agentStreams);
    const conversation = conversations.get(parts[4]);
    if (
      request.method === 'POST' &&
      parts[3] === 'conversations' &&
      parts[5] === 'messages' &&
      conversation
    ) {
      const body = await readJson(request);
      return answer(response, 201, postMessage(conversation, { role: 'agent', id: 'agent' }, body));
    }
    return answer(response, 404, { type: 'not_found' });
  }
  if (request.method === 'POST' && parts[2] === 'sessions') {
    await readJson(request);
    const visitor = { id: randomUUID(), streams: new Set() };
    const token = randomBytes(24).toString('base64url');
    visitorsByToken.set(token, visitor);
    return answer(response, 201, { visitorId: visitor.id, token, expiresAt: '', cursor: cursor() });
  }
  const visitor = visitorsByToken.get(bearer(request));
  if (!visitor) return answer(response, 401, { type: 'unauthorized' });
  if (request.method === 'GET' && parts[2] === 'stream')
    return openStream(request, response, visitor.streams);
  if (request.method === 'POST' && parts[2] === 'conversations' && parts.length === 3) {
    const body = await readJson(request);
    const conversation = { id: randomUUID(), visitor, messages: [], clientId: body.clientConversationId };
    conversations.set(conversation.id, conversation);
    return answer(response, 201, { id: conversation.id, status: 'open' });
  }
  const conversation = conversations.get(parts[3]);
  if (request.method === 'PUT' && parts[4] === 'messages' && conversation?.visitor === visitor) {
    const body = await readJson(request);
    return answer(
      response,
      201,
      postMessage(conversation, { role: 'visitor', id: visitor.id }, body, parts[5]),
    );
  }
  return answer(response, 404, { type: 'not_found' });
}

const server = createServer((request, response) => {
  handle(request, response).catch(() => answer(response, 400, { type: 'invalid_request' }));
});
// One timer pings every stream, as a lean server would (proxies drop silent connections).
setInterval(() => {
  for (const visitor of visitorsByToken.values())
    for (const stream of visitor.streams) stream.write(': ping\n\n');
  for (const stream of agentStreams) stream.write(': ping\n\n');
}, HEARTBEAT_MS).unref();

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  const streamCount = () =>
    [...visitorsByToken.values()].reduce((sum, visitor) => sum + visitor.streams.size, 0);
  answerHarness({
    url: `http://127.0.0.1:${port}`,
    agentToken,
    store: 'memory',
    stats: () => ({ visitorStreams: streamCount(), agentStreams: agentStreams.size }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
});
