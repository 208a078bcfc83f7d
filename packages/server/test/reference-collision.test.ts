import { describe, expect, it, vi } from 'vitest';
import { call, newSession, startTestServer } from './helpers.js';

// The references drawn, in order: the second conversation draws the first one's reference twice before a free one.
const draws = ['SP-2222', 'SP-2222', 'SP-2222', 'SP-3333'];
vi.mock('../src/conversation-reference.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../src/conversation-reference.js')>();
  return {
    ...actual,
    newConversationReference: (attempt?: number) => draws.shift() ?? actual.newConversationReference(attempt),
  };
});

describe('a reference collision', () => {
  it('is retried with a new draw until the reference is free on the site', async () => {
    const server = await startTestServer();
    const session = await newSession(server);
    const first = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'a' },
      session.token,
    );
    const second = await call(
      server,
      'POST',
      '/v1/conversations',
      { clientConversationId: 'b' },
      session.token,
    );
    expect([first.status, second.status]).toEqual([201, 201]);
    expect([first.body.reference, second.body.reference]).toEqual(['SP-2222', 'SP-3333']);
    expect(draws).toEqual([]);
  });
});
