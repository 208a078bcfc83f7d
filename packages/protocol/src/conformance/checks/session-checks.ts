import { parseSession } from '../../guards.js';
import type { CheckDefinition } from '../conformance-types.js';
import { expect, expectProblem, expectStatus, need } from '../expectations.js';

/** Sessions, token rotation and calls without a token. */
export const sessionChecks: CheckDefinition[] = [
  {
    check: 'sessionCreate',
    level: 'must',
    async run({ client, state }) {
      const answer = await client.newSession();
      expectStatus(answer, 201, 'POST /v1/sessions');
      state.session = parseSession(answer.json);
    },
  },
  {
    check: 'sessionResume',
    level: 'must',
    async run({ client, state }) {
      const first = need(state.session, 'a session');
      const answer = await client.newSession(first.token);
      expectStatus(answer, 201, 'POST /v1/sessions with a token');
      const rotated = parseSession(answer.json);
      state.rotated = rotated;
      expect(
        rotated.visitorId === first.visitorId,
        `a new visitor ${rotated.visitorId} instead of ${first.visitorId}`,
      );
      expect(rotated.token !== first.token, 'the token was not rotated');
      state.token = rotated.token;
    },
  },
  {
    check: 'sessionOldToken',
    level: 'must',
    async run({ client, state }) {
      const first = need(state.session, 'a session');
      need(state.rotated, 'a resumed session');
      expectProblem(
        await client.call('GET', '/v1/conversations', { token: first.token }),
        'unauthorized',
        'the old token',
      );
      expectStatus(
        await client.call('GET', '/v1/conversations', { token: state.token }),
        200,
        'the new token',
      );
    },
  },
  {
    check: 'noToken',
    level: 'must',
    async run({ client }) {
      expectProblem(
        await client.call('GET', '/v1/conversations'),
        'unauthorized',
        'GET /v1/conversations without a token',
      );
    },
  },
];
