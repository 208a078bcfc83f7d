/** Fixture data for the console's component and logic tests: a Jakarta shop's support inbox. */
import type { Message } from '@sapa/protocol';
import type { AgentConversation, CareReport } from './agent-types.js';

export const NOW = new Date('2026-03-02T09:30:00Z');

export function conversationFixture(overrides: Partial<AgentConversation> = {}): AgentConversation {
  return {
    id: 'conversation-1',
    status: 'open',
    createdAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:10:00Z',
    lastSeq: 2,
    visitorReadSeq: 1,
    agentReadSeq: 0,
    unreadCount: 2,
    handedOver: false,
    siteKey: 'demo',
    visitor: {
      id: 'visitor-00001a2b',
      verified: false,
      online: true,
    },
    ...overrides,
  };
}

export function messageFixture(overrides: Partial<Message> = {}): Message {
  return {
    id: `message-${overrides.seq ?? 1}`,
    conversationId: 'conversation-1',
    seq: 1,
    author: { role: 'visitor', id: 'visitor-00001a2b' },
    type: 'text',
    text: 'Halo kak, pesanan saya belum sampai.',
    createdAt: '2026-03-02T09:05:00Z',
    ...overrides,
  };
}

/** Five days of a shop's customer care, as `GET /agent/v1/care` reports them. */
export function careReportFixture(overrides: Partial<CareReport> = {}): CareReport {
  const sari = { id: 'agent:Sari', name: 'Sari' };
  const budi = { id: 'agent:Budi', name: 'Budi' };
  return {
    siteKey: 'demo',
    timezone: 'Asia/Jakarta',
    from: '2026-03-02',
    to: '2026-03-06',
    campaigns: [
      { id: 'purchase-thank-you', sent: 2, seen: 1, answered: 1, csat: { count: 1, average: 5 } },
      { id: 'feedback-after-resolved', sent: 2, seen: 2, answered: 2, csat: { count: 0 } },
    ],
    ratings: { count: 2, average: 3.5, distribution: [0, 1, 0, 0, 1] },
    nps: { count: 2, score: 0, promoters: 1, passives: 0, detractors: 1 },
    series: [
      {
        date: '2026-03-02',
        sent: 3,
        seen: 2,
        answered: 1,
        ratings: { count: 1, average: 5 },
        nps: { count: 0 },
      },
      {
        date: '2026-03-03',
        sent: 0,
        seen: 0,
        answered: 0,
        ratings: { count: 1, average: 2 },
        nps: { count: 0 },
      },
      { date: '2026-03-04', sent: 0, seen: 0, answered: 0, ratings: { count: 0 }, nps: { count: 0 } },
      {
        date: '2026-03-05',
        sent: 1,
        seen: 1,
        answered: 1,
        ratings: { count: 0 },
        nps: { count: 1, score: 100 },
      },
      {
        date: '2026-03-06',
        sent: 1,
        seen: 1,
        answered: 1,
        ratings: { count: 0 },
        nps: { count: 1, score: -100 },
      },
    ],
    comments: [
      {
        kind: 'nps',
        score: 10,
        text: 'Sangat puas',
        conversationId: 'c-ani',
        reference: 'SP-7KQ2',
        agent: sari,
        createdAt: '2026-03-05T04:00:00.000Z',
      },
      {
        kind: 'rating',
        score: 2,
        text: 'Lama balasnya',
        conversationId: 'c-dodi',
        reference: 'SP-M3XR',
        agent: budi,
        createdAt: '2026-03-03T03:00:00.000Z',
      },
    ],
    agents: [budi, sari],
    ...overrides,
  };
}
