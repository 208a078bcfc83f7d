/** Fixture data for the console's component and logic tests: a Jakarta shop's support inbox. */
import type { Message } from '@sapa/protocol';
import type { AgentConversation } from './agent-types.js';

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
