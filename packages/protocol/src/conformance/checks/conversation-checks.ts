import { parseConversation, parseConversationList } from '../../guards.js';
import type { CheckDefinition } from '../conformance-types.js';
import { expect, expectStatus, need } from '../expectations.js';

/** Idempotent conversation creation and the list. */
export const conversationChecks: CheckDefinition[] = [
  {
    check: 'conversationCreate',
    level: 'must',
    async run({ client, state }) {
      const body = { clientConversationId: crypto.randomUUID() };
      const token = need(state.token, 'a token');
      const first = await client.call('POST', '/v1/conversations', { token, body });
      expectStatus(first, 201, 'POST /v1/conversations');
      const conversation = parseConversation(first.json);
      state.conversation = conversation;
      const repeat = await client.call('POST', '/v1/conversations', { token, body });
      expectStatus(repeat, 200, 'the repeated POST /v1/conversations');
      const again = parseConversation(repeat.json);
      expect(
        again.id === conversation.id,
        `the repeat made conversation ${again.id} besides ${conversation.id}`,
      );
    },
  },
  {
    check: 'conversationList',
    level: 'must',
    async run({ client, state }) {
      const id = need(state.conversation, 'a conversation').id;
      const answer = await client.call('GET', '/v1/conversations', { token: state.token });
      expectStatus(answer, 200, 'GET /v1/conversations');
      const list = parseConversationList(answer.json);
      expect(
        list.conversations.some((item) => item.id === id),
        `conversation ${id} is missing from the list`,
      );
    },
  },
];
