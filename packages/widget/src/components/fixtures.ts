import type { Participant } from '@sapa/protocol';
import type { ClientMessage } from '@sapa/sdk';

/** Shared test data for component tests. */
export const visitor: Participant = { role: 'visitor', id: 'visitor-1' };
export const agent: Participant = { role: 'agent', id: 'agent-1', name: 'Rina' };
export const bot: Participant = { role: 'bot', id: 'bot' };

/** A text message from `author` at `createdAt` (local time). */
export function textMessage(
  seq: number,
  author: Participant,
  text: string,
  createdAt = new Date(2026, 10, 25, 10, seq % 60),
  extra: Partial<ClientMessage> = {},
): ClientMessage {
  return {
    id: `message-${seq}`,
    conversationId: 'conversation-1',
    seq,
    author,
    type: 'text',
    text,
    createdAt: createdAt.toISOString(),
    ...extra,
  };
}
