import type { CheckDefinition } from '../conformance-types.js';
import { expect, expectStatus, need } from '../expectations.js';

/** Access-Control-Allow-Origin is the checks' origin or `*`. */
function expectAllowedOrigin(headers: Headers, origin: string): void {
  const allowOrigin = headers.get('access-control-allow-origin');
  expect(
    allowOrigin === origin || allowOrigin === '*',
    `Access-Control-Allow-Origin is ${allowOrigin ?? '(none)'}`,
  );
}

/** The CORS preflight and the headers answers expose to the widget's page. */
export const corsChecks: CheckDefinition[] = [
  {
    check: 'corsPreflight',
    level: 'must',
    async run({ client, settings, state }) {
      const id = need(state.conversation, 'a conversation').id;
      const answer = await client.call('OPTIONS', `/v1/conversations/${id}/messages/${crypto.randomUUID()}`, {
        headers: {
          Origin: settings.origin,
          'Access-Control-Request-Method': 'PUT',
          'Access-Control-Request-Headers': 'authorization,content-type,last-event-id,x-sapa-filename',
        },
      });
      expect(answer.status >= 200 && answer.status < 300, `the preflight answered ${answer.status}`);
      expectAllowedOrigin(answer.headers, settings.origin);
      const allowHeaders = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'content-type', 'last-event-id', 'x-sapa-filename']) {
        expect(
          allowHeaders.includes(header) || allowHeaders === '*',
          `Access-Control-Allow-Headers "${allowHeaders}" lacks ${header}`,
        );
      }
      const allowMethods = (answer.headers.get('access-control-allow-methods') ?? '').toUpperCase();
      expect(
        allowMethods.includes('PUT') || allowMethods === '*',
        `Access-Control-Allow-Methods "${allowMethods}" lacks PUT`,
      );
    },
  },
  {
    check: 'corsExpose',
    level: 'must',
    async run({ client, settings, state }) {
      const answer = await client.call('GET', '/v1/config', {
        token: need(state.token, 'a token'),
        headers: { Origin: settings.origin },
      });
      expectStatus(answer, 200, 'GET /v1/config with an Origin');
      expectAllowedOrigin(answer.headers, settings.origin);
      const exposed = (answer.headers.get('access-control-expose-headers') ?? '').toLowerCase();
      for (const header of ['sapa-protocol', 'retry-after']) {
        expect(exposed.includes(header), `Access-Control-Expose-Headers "${exposed}" lacks ${header}`);
      }
    },
  },
];
