import { describe, expect, it } from 'vitest';
import {
  InvalidDataError,
  parseAttachment,
  parseCampaign,
  parseConversation,
  parseConversationList,
  parseIdentifyResponse,
  parseMessage,
  parseMessagePage,
  parseProblem,
  parseSession,
  parseStreamEvent,
  parseVisitor,
  parseVisitorResponse,
  parseWidgetConfig,
} from '../src/index.js';

const participant = { role: 'agent', id: 'agent_1', name: 'Rina' };
const attachment = {
  id: 'att_1',
  name: 'struk.pdf',
  size: 2048,
  mime: 'application/pdf',
  url: '/v1/uploads/att_1',
};
const message = {
  id: 'msg_1',
  conversationId: 'conversation_1',
  seq: 1,
  clientMessageId: '8d3c4f36-0b1a-4d8e-9f00-2b7a4c1e9d11',
  author: participant,
  type: 'text',
  text: 'Halo, ada yang bisa kami bantu?',
  actions: [
    { type: 'reply', label: 'Lacak pesanan', payload: 'track_order' },
    { type: 'link', label: 'Bantuan', url: 'https://example.com/bantuan' },
  ],
  attachments: [attachment],
  card: { title: 'Pesanan #123', url: 'https://example.com/pesanan/123' },
  createdAt: '2026-11-25T10:00:00.000Z',
};
const conversation = {
  id: 'conversation_1',
  clientConversationId: 'c0b2',
  status: 'open',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  lastSeq: 1,
  visitorReadSeq: 0,
  agentReadSeq: 1,
  assignee: participant,
  rating: { score: 5, comment: 'Cepat sekali' },
};
const visitor = {
  id: 'visitor_1',
  name: 'Budi',
  attributes: { plan: 'gold', orders: 3, vip: true, note: null },
  verified: false,
};
const campaign = {
  id: 'welcome',
  trigger: { type: 'time-on-page', seconds: 30, urlPattern: '/produk/*' },
  message: { en: 'Hi {{name}}', id: 'Halo {{name}}' },
  actions: [{ type: 'reply', label: 'Ya', payload: 'yes' }],
  frequency: 'once',
};
const config = {
  siteKey: 'demo',
  name: 'Toko Sapa',
  defaultLocale: 'id',
  greeting: { id: 'Halo!' },
  availability: { online: false, replyTime: 'hours', nextOpenAt: '2026-11-26T01:00:00.000Z' },
  prechat: {
    enabled: true,
    fields: [{ name: 'email', type: 'email', required: true, label: { en: 'Email' } }],
  },
  channels: [{ type: 'whatsapp', url: 'https://wa.me/620000' }],
  campaigns: [
    campaign,
    {
      id: 'back',
      trigger: { type: 'returning-visitor', minVisits: 2 },
      message: {},
      frequency: 'every-visit',
    },
  ],
  upload: { maxBytes: 10_485_760, accept: ['image/*', 'application/pdf'] },
  identityRequired: false,
};

/** The error a guard throws for `value`, so tests can assert its path and message. */
function errorOf(parse: () => unknown): InvalidDataError {
  try {
    parse();
  } catch (error) {
    if (error instanceof InvalidDataError) return error;
    throw error;
  }
  throw new Error('The guard accepted data it should refuse.');
}

describe('guards accept the contract and keep unknown fields', () => {
  it('returns the same objects typed, extra fields included', () => {
    const withExtra = { ...message, reactions: ['👍'] };
    expect(parseMessage(withExtra)).toBe(withExtra);
    expect(
      parseSession({
        visitorId: 'v',
        token: 't',
        expiresAt: '2026-12-25T00:00:00Z',
        cursor: '0',
        region: 'id',
      }),
    ).toMatchObject({ token: 't' });
    expect(parseVisitor(visitor).attributes.orders).toBe(3);
    expect(
      parseIdentifyResponse({ visitor: { ...visitor, userId: 'u1', verified: true }, token: 't2' }).token,
    ).toBe('t2');
    expect(parseVisitorResponse({ visitor }).visitor.id).toBe('visitor_1');
    expect(parseWidgetConfig(config).campaigns).toHaveLength(2);
    expect(parseCampaign(campaign).id).toBe('welcome');
    expect(parseConversation(conversation).status).toBe('open');
    expect(parseConversationList({ conversations: [conversation] }).conversations).toHaveLength(1);
    expect(parseMessagePage({ messages: [message], hasMore: false }).hasMore).toBe(false);
    expect(parseAttachment({ ...attachment, width: 10, height: 20 }).size).toBe(2048);
    expect(
      parseProblem({ type: 'https://sapa.dev/problems/gone', title: 'Gone', status: 410, code: 'gone' }).code,
    ).toBe('gone');
  });
});

describe('the customer-care additions (optional fields a v1 client may meet)', () => {
  const survey = {
    ...message,
    author: { role: 'bot', id: 'bot' },
    survey: { type: 'nps' },
    actions: Array.from({ length: 11 }, (_, score) => ({
      type: 'reply',
      label: String(score),
      payload: `nps:${score}`,
    })),
  };
  const recommendation = {
    title: 'Batik Tulis Parang',
    imageUrl: 'https://toko.example/batik.jpg',
    url: 'https://toko.example/produk/42',
    price: { amount: 250_000, currency: 'IDR' },
  };

  it('accepts the care fields where the contract puts them', () => {
    expect(parseMessage(survey).survey?.type).toBe('nps');
    expect(parseMessage({ ...message, type: 'card', card: recommendation }).card?.price?.amount).toBe(
      250_000,
    );
    expect(parseConversation({ ...conversation, reference: 'SP-7KQ2' }).reference).toBe('SP-7KQ2');
    const offline = {
      ...config,
      offline: 'chat',
      availability: { ...config.availability, timezone: 'Asia/Jakarta', emailReplies: true },
    };
    expect(parseWidgetConfig(offline).availability.timezone).toBe('Asia/Jakarta');
    const event = parseStreamEvent(
      'campaign.triggered',
      JSON.stringify({ campaign: { id: 'rekomendasi', message: 'Masih tertarik?', card: recommendation } }),
    );
    expect(event?.type === 'campaign.triggered' && event.data.campaign.card?.title).toBe(
      'Batik Tulis Parang',
    );
  });

  it('keeps a survey type or offline mode it does not know, so a later one never breaks this client', () => {
    expect(parseMessage({ ...survey, survey: { type: 'csat' } }).survey?.type).toBe('csat');
    expect(parseWidgetConfig({ ...config, offline: 'callback' }).offline).toBe('callback');
  });

  it('names the wrong care field', () => {
    expect(
      errorOf(() => parseMessage({ ...message, card: { ...recommendation, price: 250_000 } })).message,
    ).toBe('message.card.price must be an object');
    expect(
      errorOf(() =>
        parseMessage({
          ...message,
          card: { ...recommendation, price: { amount: '250.000', currency: 'IDR' } },
        }),
      ).path,
    ).toBe('message.card.price.amount');
    expect(errorOf(() => parseConversation({ ...conversation, reference: 7 })).path).toBe(
      'conversation.reference',
    );
    expect(
      errorOf(() => parseWidgetConfig({ ...config, availability: { online: false, emailReplies: 'yes' } }))
        .path,
    ).toBe('config.availability.emailReplies');
    expect(errorOf(() => parseMessage({ ...survey, survey: {} })).path).toBe('message.survey.type');
  });
});

describe('guards name the wrong field', () => {
  it.each([
    [
      'a participant role',
      () => parseMessage({ ...message, author: { ...participant, role: 'admin' } }),
      'message.author.role must be one of visitor, agent, bot, system',
    ],
    [
      'a missing seq',
      () => parseMessage({ ...message, seq: undefined }),
      'message.seq must be a whole number ≥ 0',
    ],
    [
      'a fractional seq',
      () => parseMessage({ ...message, seq: 1.5 }),
      'message.seq must be a whole number ≥ 0',
    ],
    [
      'null for an optional field',
      () => parseMessage({ ...message, text: null }),
      'message.text must be a string',
    ],
    [
      'an action type',
      () => parseMessage({ ...message, actions: [{ type: 'call', label: 'x' }] }),
      'message.actions[0].type must be one of reply, link',
    ],
    [
      'an action field',
      () => parseMessage({ ...message, actions: [{ type: 'link', label: 'x' }] }),
      'message.actions[0].url must be a string',
    ],
    [
      'an attachment size',
      () => parseMessage({ ...message, attachments: [{ ...attachment, size: '2kB' }] }),
      'message.attachments[0].size must be a whole number ≥ 0',
    ],
    ['a card title', () => parseMessage({ ...message, card: {} }), 'message.card.title must be a string'],
    ['a non-object', () => parseMessage('hello'), 'message must be an object'],
    ['an array for an object', () => parseConversation([]), 'conversation must be an object'],
    [
      'a conversation status',
      () => parseConversation({ ...conversation, status: 'closed' }),
      'conversation.status must be one of open, pending, resolved',
    ],
    [
      'a list that is no array',
      () => parseConversationList({ conversations: {} }),
      'response.conversations must be an array',
    ],
    ['hasMore', () => parseMessagePage({ messages: [], hasMore: 'no' }), 'page.hasMore must be a boolean'],
    [
      'a session cursor',
      () => parseSession({ visitorId: 'v', token: 't', expiresAt: 'x', cursor: 5 }),
      'session.cursor must be a string',
    ],
    [
      'an attribute value',
      () => parseVisitor({ ...visitor, attributes: { tags: ['a'] } }),
      'visitor.attributes.tags must be a string, number, boolean or null',
    ],
    [
      'verified',
      () => parseIdentifyResponse({ visitor: { ...visitor, verified: 'yes' }, token: 't' }),
      'identify.visitor.verified must be a boolean',
    ],
    [
      'a locale',
      () => parseWidgetConfig({ ...config, defaultLocale: 'fr' }),
      'config.defaultLocale must be one of en, id',
    ],
    [
      'a channel type',
      () => parseWidgetConfig({ ...config, channels: [{ type: 'fax', url: 'x' }] }),
      'config.channels[0].type must be one of whatsapp, instagram, messenger, telegram, email, link',
    ],
    [
      'a prechat field type',
      () =>
        parseWidgetConfig({
          ...config,
          prechat: { enabled: true, fields: [{ name: 'n', type: 'date', required: true }] },
        }),
      'config.prechat.fields[0].type must be one of text, email, tel',
    ],
    [
      'upload limits',
      () => parseWidgetConfig({ ...config, upload: { maxBytes: -1, accept: [] } }),
      'config.upload.maxBytes must be a whole number ≥ 0',
    ],
    [
      'a campaign trigger',
      () => parseWidgetConfig({ ...config, campaigns: [{ ...campaign, trigger: { type: 'scroll' } }] }),
      'config.campaigns[0].trigger.type must be one of page, time-on-page, returning-visitor',
    ],
    [
      'a trigger field',
      () => parseCampaign({ ...campaign, trigger: { type: 'page' } }),
      'campaign.trigger.urlPattern must be a string',
    ],
    [
      'a campaign frequency',
      () => parseCampaign({ ...campaign, frequency: 'always' }),
      'campaign.frequency must be one of once, every-visit',
    ],
    [
      'availability',
      () => parseWidgetConfig({ ...config, availability: { online: 1 } }),
      'config.availability.online must be a boolean',
    ],
    [
      'an attachment url',
      () => parseAttachment({ ...attachment, url: undefined }),
      'attachment.url must be a string',
    ],
    [
      'a problem code',
      () => parseProblem({ type: 't', title: 'x', status: 418, code: 'teapot' }),
      'problem.code must be one of invalid_request, unauthorized, forbidden, not_found, in_flight, gone, payload_too_large, unsupported_media_type, idempotency_mismatch, rate_limited, server_error',
    ],
  ])('%s', (_name, parse, text) => {
    const error = errorOf(parse);
    expect(error.message).toBe(text);
    expect(error.path).toBe(text.split(' must be ')[0]);
  });

  it('carries the expectation and the value found', () => {
    const error = errorOf(() => parseConversation({ ...conversation, lastSeq: -2 }));
    expect(error).toMatchObject({
      path: 'conversation.lastSeq',
      expected: 'a whole number ≥ 0',
      value: -2,
      name: 'InvalidDataError',
    });
  });
});

describe('parseStreamEvent', () => {
  it('types every event of the contract and keeps the cursor', () => {
    const frames: [string, unknown][] = [
      ['message.created', { message }],
      ['message.updated', { message }],
      ['conversation.updated', { conversation }],
      ['read.updated', { conversationId: 'conversation_1', role: 'agent', seq: 4 }],
      ['campaign.triggered', { campaign: { id: 'birthday', message: 'Selamat ulang tahun, Budi!' } }],
      ['typing', { conversationId: 'conversation_1', participant, typing: true }],
      ['stream.reset', { cursor: '0000000000000042' }],
    ];
    for (const [type, data] of frames) {
      expect(parseStreamEvent(type, JSON.stringify(data), '0000000000000007')).toEqual({
        type,
        id: '0000000000000007',
        data,
      });
    }
    expect(parseStreamEvent('typing', JSON.stringify(frames[5]?.[1]))).not.toHaveProperty('id');
  });

  it('returns null for an event type it does not know', () => {
    expect(parseStreamEvent('reaction.added', '{"emoji":"👍"}', '1')).toBeNull();
    expect(parseStreamEvent('toString', '{}')).toBeNull();
  });

  it('throws for data that is not JSON', () => {
    expect(errorOf(() => parseStreamEvent('message.created', '{"message":')).message).toBe(
      'data must be JSON',
    );
  });

  it('throws naming the field for data of the wrong shape', () => {
    const bad = { message: { ...message, author: { role: 'robot', id: 'b' } } };
    expect(errorOf(() => parseStreamEvent('message.created', JSON.stringify(bad))).message).toBe(
      'data.message.author.role must be one of visitor, agent, bot, system',
    );
    expect(
      errorOf(() => parseStreamEvent('read.updated', '{"conversationId":"c","role":"visitor","seq":1}')).path,
    ).toBe('data.role');
    expect(errorOf(() => parseStreamEvent('stream.reset', '[]')).message).toBe('data must be an object');
  });
});
