import { MAX_TEXT_LENGTH } from '../../types.js';
import type { CheckDefinition } from '../conformance-types.js';
import { expectProblem, need } from '../expectations.js';

/** Problems for a malformed body, an unknown conversation and a text over the limit. */
export const errorChecks: CheckDefinition[] = [
  {
    check: 'badRequest',
    level: 'must',
    async run({ client, state }) {
      const answer = await client.call('POST', '/v1/conversations', {
        token: need(state.token, 'a token'),
        raw: '{"clientConversationId":',
        headers: { 'Content-Type': 'application/json' },
      });
      expectProblem(answer, 'invalid_request', 'POST /v1/conversations with broken JSON');
    },
  },
  {
    check: 'notFound',
    level: 'must',
    async run({ client, state }) {
      const answer = await client.call('GET', '/v1/conversations/sapa-conformance-missing/messages', {
        token: need(state.token, 'a token'),
      });
      expectProblem(answer, 'not_found', 'GET …/messages of an unknown conversation');
    },
  },
  {
    check: 'textTooLong',
    level: 'must',
    async run({ client, state }) {
      const id = need(state.conversation, 'a conversation').id;
      const text = 'a'.repeat(MAX_TEXT_LENGTH + 1);
      const answer = await client.sendText(need(state.token, 'a token'), id, crypto.randomUUID(), text);
      expectProblem(answer, 'payload_too_large', `a text of ${MAX_TEXT_LENGTH + 1} characters`);
    },
  },
];
