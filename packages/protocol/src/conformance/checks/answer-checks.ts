import { parseProblem } from '../../guards.js';
import { PROBLEM_STATUS, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../types.js';
import type { CheckDefinition } from '../conformance-types.js';
import { expect } from '../expectations.js';

/** What holds for every answer the other checks saw; they run last. */
export const answerChecks: CheckDefinition[] = [
  {
    check: 'protocolHeader',
    level: 'must',
    async run({ client }) {
      const { answers } = client;
      const without = answers.filter((answer) => answer.headers.get(PROTOCOL_HEADER) !== PROTOCOL_VERSION);
      expect(
        without.length === 0,
        `${without.length} of ${answers.length} answers lack it, e.g. ${without[0]?.label} (${without[0]?.status})`,
      );
      return `${answers.length} answers`;
    },
  },
  {
    check: 'problems',
    level: 'must',
    async run({ client }) {
      const errors = client.answers.filter((answer) => answer.status >= 400);
      expect(errors.length > 0, 'no error answers were seen');
      for (const answer of errors) {
        const type = answer.headers.get('content-type') ?? '(none)';
        expect(
          type.startsWith('application/problem+json'),
          `${answer.label} answered ${answer.status} with Content-Type ${type}`,
        );
        const problem = parseProblem(JSON.parse(answer.text));
        expect(
          PROBLEM_STATUS[problem.code] === answer.status ||
            (problem.code === 'server_error' && answer.status >= 500),
          `${answer.label} answered ${answer.status} with code ${problem.code}`,
        );
      }
      return `${errors.length} error answers`;
    },
  },
];
