/**
 * Runtime guards for everything a backend sends. They ship in the visitor's browser, so they are hand-written
 * and tiny: each `parseX(value)` returns the value typed when it has the contract's shape and throws an
 * {@link InvalidDataError} naming the first wrong field otherwise. Unknown extra fields are accepted and kept
 * (forward compatibility, `docs/protocol.md`); `null` is not accepted where the contract says "optional"
 * (absent is the only way to leave a field out).
 */
import type {
  Action,
  Attachment,
  Campaign,
  Conversation,
  ConversationList,
  IdentifyResponse,
  Message,
  MessagePage,
  Participant,
  Problem,
  Session,
  StreamEvent,
  StreamEventMap,
  Visitor,
  VisitorResponse,
  WidgetConfig,
} from './types.js';

/**
 * Data from a backend does not have the shape the protocol promises.
 *
 * @example
 * try { parseMessage(json) } catch (error) { if (error instanceof InvalidDataError) console.warn(error.path) }
 */
export class InvalidDataError extends Error {
  override readonly name = 'InvalidDataError';
  /** Where the wrong value sits, e.g. `message.author.role`. */
  declare readonly path: string;
  /** What the contract expects there, e.g. `one of visitor, agent, bot, system`. */
  declare readonly expected: string;
  /** The value that was found. */
  declare readonly value: unknown;

  constructor(path: string, expected: string, value: unknown) {
    super(`${path} must be ${expected}`);
    Object.assign(this, { path, expected, value });
  }
}

/** Checks `value` at `path` and returns it typed, or throws {@link InvalidDataError}. */
export type Guard<T> = (value: unknown, path: string) => T;

function fail(path: string, expected: string, value: unknown): never {
  throw new InvalidDataError(path, expected, value);
}

const string: Guard<string> = (value, path) =>
  typeof value === 'string' ? value : fail(path, 'a string', value);
const boolean: Guard<boolean> = (value, path) =>
  typeof value === 'boolean' ? value : fail(path, 'a boolean', value);
const number: Guard<number> = (value, path) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fail(path, 'a number', value);
/** Sequence numbers, sizes and counts: whole numbers from 0. */
const count: Guard<number> = (value, path) =>
  Number.isInteger(value) && (value as number) >= 0
    ? (value as number)
    : fail(path, 'a whole number ≥ 0', value);

function oneOf<const T extends string>(...values: T[]): Guard<T> {
  return (value, path) =>
    values.includes(value as T) ? (value as T) : fail(path, `one of ${values.join(', ')}`, value);
}

function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value, path) => (value === undefined ? undefined : guard(value, path));
}

function array<T>(guard: Guard<T>): Guard<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) return fail(path, 'an array', value);
    value.forEach((item, index) => {
      guard(item, `${path}[${index}]`);
    });
    return value as T[];
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object whose listed fields pass their guards; other fields are kept as they are. */
function object<T>(shape: Record<string, Guard<unknown>>): Guard<T> {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'an object', value);
    for (const key in shape) shape[key]?.(value[key], `${path}.${key}`);
    return value as T;
  };
}

/** One of several object shapes, chosen by its `type` field. */
function variant<T>(shapes: Record<string, Record<string, Guard<unknown>>>): Guard<T> {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'an object', value);
    // Built per call, so an unused variant costs nothing in a bundle (no work at import).
    const type = oneOf(...Object.keys(shapes))(value.type, `${path}.type`);
    const shape = shapes[type] as Record<string, Guard<unknown>>;
    return object<T>(shape)(value, path);
  };
}

function record<T>(guard: Guard<T>): Guard<Record<string, T>> {
  return (value, path) => {
    if (!isObject(value)) return fail(path, 'an object', value);
    for (const key in value) guard(value[key], `${path}.${key}`);
    return value as Record<string, T>;
  };
}

const optionalString = optional(string);
const localizedText = object({ en: optionalString, id: optionalString });
const attributeValue: Guard<unknown> = (value, path) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value)
    ? value
    : fail(path, 'a string, number, boolean or null', value);

const action = variant<Action>({
  reply: { label: string, payload: string },
  link: { label: string, url: string },
});
const participant = object<Participant>({
  role: oneOf('visitor', 'agent', 'bot', 'system'),
  id: string,
  name: optionalString,
  avatarUrl: optionalString,
});
const attachment = object<Attachment>({
  id: string,
  name: string,
  size: count,
  mime: string,
  url: string,
  width: optional(count),
  height: optional(count),
});
const message = object<Message>({
  id: string,
  conversationId: string,
  seq: count,
  clientMessageId: optionalString,
  author: participant,
  type: oneOf('text', 'file', 'card', 'event'),
  text: optionalString,
  attachments: optional(array(attachment)),
  actions: optional(array(action)),
  card: optional(
    object({ title: string, text: optionalString, imageUrl: optionalString, url: optionalString }),
  ),
  createdAt: string,
});
const conversation = object<Conversation>({
  id: string,
  clientConversationId: optionalString,
  status: oneOf('open', 'pending', 'resolved'),
  createdAt: string,
  updatedAt: string,
  lastSeq: count,
  visitorReadSeq: count,
  agentReadSeq: count,
  assignee: optional(participant),
  rating: optional(object({ score: number, comment: optionalString })),
});
const visitor = object<Visitor>({
  id: string,
  userId: optionalString,
  name: optionalString,
  email: optionalString,
  phone: optionalString,
  attributes: record(attributeValue),
  verified: boolean,
});
const campaign = object<Campaign>({
  id: string,
  trigger: variant({
    page: { urlPattern: string },
    'time-on-page': { seconds: number, urlPattern: optionalString },
    'returning-visitor': { minVisits: count },
  }),
  message: localizedText,
  actions: optional(array(action)),
  frequency: oneOf('once', 'every-visit'),
  expiresAt: optionalString,
});
const widgetConfig = object<WidgetConfig>({
  siteKey: string,
  name: string,
  accentColor: optionalString,
  logoUrl: optionalString,
  defaultLocale: oneOf('en', 'id'),
  greeting: optional(localizedText),
  availability: object({
    online: boolean,
    replyTime: optional(oneOf('minutes', 'hours', 'day')),
    nextOpenAt: optionalString,
  }),
  prechat: object({
    enabled: boolean,
    fields: array(
      object({
        name: string,
        type: oneOf('text', 'email', 'tel'),
        required: boolean,
        label: optional(localizedText),
      }),
    ),
  }),
  channels: array(
    object({
      type: oneOf('whatsapp', 'instagram', 'messenger', 'telegram', 'email', 'link'),
      url: string,
      label: optional(localizedText),
    }),
  ),
  campaigns: array(campaign),
  upload: object({ maxBytes: count, accept: array(string) }),
  identityRequired: boolean,
});

const streamData: { [K in keyof StreamEventMap]: Guard<StreamEventMap[K]> } = {
  'message.created': object({ message }),
  'message.updated': object({ message }),
  'conversation.updated': object({ conversation }),
  'read.updated': object({ conversationId: string, role: oneOf('agent'), seq: count }),
  'campaign.triggered': object({
    campaign: object({ id: string, message: string, actions: optional(array(action)) }),
  }),
  typing: object({ conversationId: string, participant, typing: boolean }),
  'stream.reset': object({ cursor: string }),
};

/** Builds a `parseX(value)` whose error paths start with `root`. */
const parser =
  <T>(guard: Guard<T>, root: string) =>
  (value: unknown): T =>
    guard(value, root);

/** `POST /v1/sessions` answer. @throws {InvalidDataError} */
export const parseSession = parser(
  object<Session>({ visitorId: string, token: string, expiresAt: string, cursor: string }),
  'session',
);
/** A visitor profile. @throws {InvalidDataError} */
export const parseVisitor = parser(visitor, 'visitor');
/** `POST /v1/identify` answer. @throws {InvalidDataError} */
export const parseIdentifyResponse = parser(object<IdentifyResponse>({ visitor, token: string }), 'identify');
/** `PATCH /v1/visitor` answer. @throws {InvalidDataError} */
export const parseVisitorResponse = parser(object<VisitorResponse>({ visitor }), 'response');
/** `GET /v1/config` answer. @throws {InvalidDataError} */
export const parseWidgetConfig = parser(widgetConfig, 'config');
/** One campaign of the configuration. @throws {InvalidDataError} */
export const parseCampaign = parser(campaign, 'campaign');
/** A conversation. @throws {InvalidDataError} */
export const parseConversation = parser(conversation, 'conversation');
/** `GET /v1/conversations` answer. @throws {InvalidDataError} */
export const parseConversationList = parser(
  object<ConversationList>({ conversations: array(conversation) }),
  'response',
);
/** A message. @throws {InvalidDataError} */
export const parseMessage = parser(message, 'message');
/** `GET /v1/conversations/{id}/messages` answer. @throws {InvalidDataError} */
export const parseMessagePage = parser(
  object<MessagePage>({ messages: array(message), hasMore: boolean }),
  'page',
);
/** `POST /v1/uploads` answer. @throws {InvalidDataError} */
export const parseAttachment = parser(attachment, 'attachment');
/** A problem (`application/problem+json`). Codes outside the table are refused too. @throws {InvalidDataError} */
export const parseProblem = parser(
  object<Problem>({
    type: string,
    title: string,
    status: count,
    code: oneOf(
      'invalid_request',
      'unauthorized',
      'forbidden',
      'not_found',
      'in_flight',
      'gone',
      'payload_too_large',
      'unsupported_media_type',
      'idempotency_mismatch',
      'rate_limited',
      'server_error',
    ),
    detail: optionalString,
  }),
  'problem',
);

/**
 * Parses one stream frame. Returns `null` for an event type this version does not know (clients ignore those),
 * and the typed {@link StreamEvent} otherwise; `id` is the frame's cursor, if it had one.
 * Throws {@link InvalidDataError} when the data is not JSON (path `data`, expected `JSON`) or not the event's
 * shape (e.g. `data.message.author.role must be one of visitor, agent, bot, system`); a client skips and
 * reports such a frame and keeps the stream open.
 *
 * @example
 * const event = parseStreamEvent('message.created', frame.data, frame.id);
 * if (event?.type === 'message.created') show(event.data.message);
 */
export function parseStreamEvent(type: string, dataText: string, id?: string): StreamEvent | null {
  if (!Object.hasOwn(streamData, type)) return null;
  let data: unknown;
  try {
    data = JSON.parse(dataText);
  } catch {
    fail('data', 'JSON', dataText);
  }
  streamData[type as keyof StreamEventMap](data, 'data');
  return (id === undefined ? { type, data } : { type, id, data }) as StreamEvent;
}
