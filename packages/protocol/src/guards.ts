/**
 * Runtime guards for everything a backend sends. They ship in the visitor's browser, so they are hand-written
 * and tiny: each `parseX(value)` returns the value typed when it has the contract's shape and throws an
 * {@link InvalidDataError} naming the first wrong field otherwise. Unknown extra fields are accepted and kept
 * (forward compatibility, `docs/protocol.md`); `null` is not accepted where the contract says "optional"
 * (absent is the only way to leave a field out).
 */
import {
  array,
  boolean,
  count,
  fail,
  type Guard,
  number,
  object,
  oneOf,
  optional,
  optionalString,
  parser,
  string,
  variant,
} from './guard-combinators.js';
import type {
  Campaign,
  ConversationList,
  IdentifyResponse,
  MessagePage,
  Problem,
  Session,
  StreamEvent,
  StreamEventMap,
  VisitorResponse,
  WidgetConfig,
} from './types.js';
import { action, attachment, card, conversation, message, participant, visitor } from './wire-guards.js';

export { type Guard, InvalidDataError } from './guard-combinators.js';

const localizedText = object({ en: optionalString, id: optionalString });
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
    timezone: optionalString,
    emailReplies: optional(boolean),
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
  // A string, not one of the two modes: a mode added later must not make this client refuse the whole config.
  offline: optionalString,
});

const streamData: { [K in keyof StreamEventMap]: Guard<StreamEventMap[K]> } = {
  'message.created': object({ message }),
  'message.updated': object({ message }),
  'conversation.updated': object({ conversation }),
  'read.updated': object({ conversationId: string, role: oneOf('agent'), seq: count }),
  'campaign.triggered': object({
    campaign: object({ id: string, message: string, actions: optional(array(action)), card: optional(card) }),
  }),
  typing: object({ conversationId: string, participant, typing: boolean }),
  'stream.reset': object({ cursor: string }),
};

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
  // Inline rather than `parseJson`: this parser ships to every visitor, and the call costs bytes there.
  let data: unknown;
  try {
    data = JSON.parse(dataText);
  } catch {
    fail('data', 'JSON', dataText);
  }
  streamData[type as keyof StreamEventMap](data, 'data');
  return (id === undefined ? { type, data } : { type, id, data }) as StreamEvent;
}
