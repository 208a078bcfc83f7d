import { parseWidgetConfig } from '../../guards.js';
import type { CheckDefinition } from '../conformance-types.js';
import { expect, expectStatus, need } from '../expectations.js';

/** The site's configuration. */
export const configChecks: CheckDefinition[] = [
  {
    check: 'config',
    level: 'must',
    async run({ client, settings, state }) {
      const answer = await client.call('GET', '/v1/config', { token: need(state.token, 'a token') });
      expectStatus(answer, 200, 'GET /v1/config');
      const config = parseWidgetConfig(answer.json);
      state.config = config;
      expect(
        config.siteKey === settings.siteKey,
        `config.siteKey is ${config.siteKey}, not ${settings.siteKey}`,
      );
    },
  },
];
