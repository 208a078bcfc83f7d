import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../guard-combinators.js';
import {
  parseAgentAccount,
  parseAgentConversation,
  parseAgentConversationList,
  parseAgentStreamEvent,
  parseAgentVisitor,
  parseCareReport,
} from './index.js';

const visitor = {
  id: 'v_4f1c',
  name: 'Budi Santoso',
  attributes: { plan: 'gold', orders: 3 },
  verified: true,
  online: false,
  lastSeenAt: '2026-03-02T09:00:00.000Z',
  page: { url: 'https://toko.example/keranjang', title: 'Keranjang' },
  locale: 'id-ID',
};
const message = {
  id: 'm_1',
  conversationId: 'c_1',
  seq: 1,
  author: { role: 'visitor', id: 'v_4f1c' },
  type: 'text',
  text: 'Halo, pesanan saya belum sampai.',
  createdAt: '2026-03-02T09:00:00.000Z',
};
const conversation = {
  id: 'c_1',
  status: 'pending',
  createdAt: '2026-03-02T09:00:00.000Z',
  updatedAt: '2026-03-02T09:01:00.000Z',
  lastSeq: 1,
  visitorReadSeq: 1,
  agentReadSeq: 0,
  visitor,
  lastMessage: message,
  unreadCount: 1,
  handedOver: true,
  siteKey: 'demo',
};

describe('the agent API guards', () => {
  it('return what the server sends, unknown fields kept', () => {
    const withExtra = { ...conversation, priority: 'high' };
    expect(parseAgentConversation(withExtra)).toBe(withExtra);
    expect(parseAgentConversationList({ conversations: [conversation] }).conversations).toHaveLength(1);
    expect(parseAgentVisitor({ id: 'v', attributes: {}, verified: false, online: true })).toMatchObject({
      online: true,
    });
  });

  it('name the first wrong field, in the conversation and in what the agent API adds', () => {
    expect(() => parseAgentConversation({ ...conversation, status: 'closed' })).toThrow(
      new InvalidDataError('conversation.status', 'one of open, pending, resolved', 'closed'),
    );
    const { siteKey: _, ...withoutSite } = conversation;
    expect(() => parseAgentConversation(withoutSite)).toThrow('conversation.siteKey must be a string');
    const offline = { ...conversation, visitor: { ...visitor, online: 'yes' } };
    expect(() => parseAgentConversationList({ conversations: [offline] })).toThrow(
      'response.conversations[0].visitor.online must be a boolean',
    );
    expect(() => parseAgentConversation({ ...conversation, lastMessage: null })).toThrow(
      'conversation.lastMessage must be an object',
    );
  });

  it('read a page of the inbox with its cursor, rows with a visitor summary, and the signed-in account', () => {
    const summary = { id: 'v_1', name: 'Budi', verified: false, online: true };
    const page = { conversations: [{ ...conversation, visitor: summary }], nextCursor: 'MjAyNg' };
    expect(parseAgentConversationList(page).nextCursor).toBe('MjAyNg');
    expect(() => parseAgentConversationList({ ...page, nextCursor: 7 })).toThrow(
      'response.nextCursor must be a string',
    );
    expect(() => parseAgentConversation({ ...conversation, visitor: { id: 'v_1', online: true } })).toThrow(
      'conversation.visitor.verified must be a boolean',
    );
    expect(() => parseAgentVisitor(summary)).toThrow('visitor.attributes must be an object');
    expect(parseAgentAccount({ id: 'operator', operator: true })).toEqual({ id: 'operator', operator: true });
    expect(() => parseAgentAccount({ id: 'a_1', name: 'Rina' })).toThrow(
      'account.operator must be a boolean',
    );
  });

  it('parse every agent stream event, and ignore types they do not know', () => {
    const events: [string, unknown][] = [
      ['message.created', { conversationId: 'c_1', message }],
      ['conversation.updated', { conversation }],
      ['typing', { conversationId: 'c_1', participant: { role: 'visitor', id: 'v_4f1c' }, typing: true }],
      ['read.updated', { conversationId: 'c_1', role: 'visitor', seq: 1 }],
      ['visitor.updated', { visitor }],
    ];
    for (const [type, data] of events) {
      expect(parseAgentStreamEvent(type, JSON.stringify(data))).toEqual({ type, data });
    }
    expect(parseAgentStreamEvent('campaign.triggered', '{}')).toBeNull();
  });

  it('throw for data that is not JSON or not the event shape', () => {
    expect(() => parseAgentStreamEvent('typing', '{not json')).toThrow(
      new InvalidDataError('data', 'JSON', '{not json'),
    );
    expect(() =>
      parseAgentStreamEvent('read.updated', '{"conversationId":"c_1","role":"agent","seq":1}'),
    ).toThrow('data.role must be one of visitor');
  });
});

describe('the customer-care additions of the agent API', () => {
  const report = {
    siteKey: 'demo',
    timezone: 'Asia/Jakarta',
    from: '2026-03-01',
    to: '2026-03-02',
    campaigns: [{ id: 'purchase-thank-you', sent: 3, seen: 2, answered: 1, csat: { count: 1, average: 5 } }],
    ratings: { count: 1, average: 5, distribution: [0, 0, 0, 0, 1] },
    nps: { count: 2, score: 50, promoters: 1, passives: 1, detractors: 0 },
    series: [
      { date: '2026-03-01', sent: 3, seen: 2, answered: 1, ratings: { count: 0 }, nps: { count: 0 } },
      {
        date: '2026-03-02',
        sent: 0,
        seen: 0,
        answered: 0,
        ratings: { count: 1, average: 5 },
        nps: { count: 2, score: 50 },
      },
    ],
    comments: [
      {
        kind: 'nps',
        score: 9,
        text: 'Pengirimannya cepat!',
        conversationId: 'c_1',
        reference: 'SP-7KQ2',
        agent: { id: 'agent:Sari', name: 'Sari' },
        createdAt: '2026-03-02T09:00:00.000Z',
      },
    ],
    agents: [{ id: 'agent:Sari', name: 'Sari' }],
  };

  it('parse a care report, and name its first wrong field', () => {
    expect(parseCareReport(report)).toBe(report);
    expect(() => parseCareReport({ ...report, nps: { ...report.nps, promoters: -1 } })).toThrow(
      'report.nps.promoters must be a whole number ≥ 0',
    );
    expect(() => parseCareReport({ ...report, comments: [{ ...report.comments[0], kind: 'csat' }] })).toThrow(
      'report.comments[0].kind must be one of rating, nps',
    );
  });

  it('check profile sources and a conversation feedback', () => {
    const withSources = { ...visitor, sources: { name: 'identity-verified', email: 'form' } };
    expect(parseAgentVisitor(withSources)).toBe(withSources);
    expect(() => parseAgentVisitor({ ...visitor, sources: { phone: 'whatsapp' } })).toThrow(
      'visitor.sources.phone must be one of identity-verified, identity, form, chat',
    );
    const rated = {
      ...conversation,
      reference: 'SP-7KQ2',
      feedback: [
        {
          kind: 'rating',
          score: 4,
          comment: 'Ramah sekali',
          createdAt: '2026-03-02T09:00:00.000Z',
          updatedAt: '2026-03-02T09:01:00.000Z',
        },
      ],
    };
    expect(parseAgentConversation(rated)).toBe(rated);
    expect(() =>
      parseAgentConversation({ ...rated, feedback: [{ ...rated.feedback[0], score: 4.5 }] }),
    ).toThrow('conversation.feedback[0].score must be a whole number ≥ 0');
  });
});
