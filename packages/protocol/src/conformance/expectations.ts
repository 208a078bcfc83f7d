import { parseProblem } from '../guards.js';
import { PROBLEM_STATUS, type ProblemCode } from '../types.js';
import type { Answer } from './recording-client.js';

/** A check's expectation was not met; the message says what was seen. */
export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

/** Fails the check with `why` unless `condition` holds. */
export function expect(condition: unknown, why: string): asserts condition {
  if (!condition) throw new ConformanceFailure(why);
}

/** A result of an earlier check, or a failure saying this check needs it. */
export function need<T>(value: T | undefined, what: string): T {
  expect(value !== undefined, `needs ${what} from an earlier check`);
  return value;
}

export function expectStatus(answer: Pick<Answer, 'status' | 'text'>, status: number, what: string): void {
  expect(
    answer.status === status,
    `${what} answered ${answer.status} instead of ${status}${answer.text ? `: ${answer.text.slice(0, 200)}` : ''}`,
  );
}

/** The answer is the problem of `code`: its status, `application/problem+json`, and `status` in the body. */
export function expectProblem(answer: Answer, code: ProblemCode, what: string): void {
  expectStatus(answer, PROBLEM_STATUS[code], what);
  const type = answer.headers.get('content-type') ?? '(none)';
  expect(
    type.startsWith('application/problem+json'),
    `${what} answered Content-Type ${type} instead of application/problem+json`,
  );
  const problem = parseProblem(answer.json);
  expect(problem.code === code, `${what} answered code ${problem.code} instead of ${code}`);
  expect(
    problem.status === answer.status,
    `problem.status ${problem.status} differs from HTTP ${answer.status}`,
  );
}
