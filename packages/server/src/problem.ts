import {
  PROBLEM_STATUS,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  type Problem,
  type ProblemCode,
} from '@sapa/protocol';

const TITLES: Record<ProblemCode, string> = {
  invalid_request: 'The request is not valid.',
  unauthorized: 'The token is missing, expired or unknown.',
  forbidden: 'This action is not allowed.',
  not_found: 'Nothing was found here.',
  in_flight: 'The same request is still running.',
  gone: 'The stream cursor is older than the events this server keeps.',
  payload_too_large: 'The request body is too large.',
  unsupported_media_type: 'This file type is not accepted.',
  idempotency_mismatch: 'The same client id was used with a different body.',
  rate_limited: 'Too many requests.',
  server_error: 'Something went wrong on the server.',
};

/**
 * An error that answers the request as an RFC 9457 problem with one of the protocol's codes.
 * Thrown anywhere inside a handler; the server's error handler turns it into `application/problem+json`.
 *
 * @example
 * throw new ProblemError('not_found', 'No conversation with id c_1 for this visitor.');
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly status: number;

  constructor(
    readonly code: ProblemCode,
    readonly detail?: string,
    /** Seconds to wait, sent as `Retry-After` (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail ?? TITLES[code]);
    this.status = PROBLEM_STATUS[code];
  }

  /** The RFC 9457 body. */
  toProblem(): Problem {
    const problem: Problem = {
      type: `https://sapa.dev/problems/${this.code}`,
      title: TITLES[this.code],
      status: this.status,
      code: this.code,
    };
    if (this.detail !== undefined) problem.detail = this.detail;
    return problem;
  }

  /** The whole HTTP answer, with the protocol header. */
  toResponse(): Response {
    const headers = new Headers({
      'Content-Type': 'application/problem+json',
      [PROTOCOL_HEADER]: PROTOCOL_VERSION,
    });
    if (this.retryAfterSeconds !== undefined) headers.set('Retry-After', String(this.retryAfterSeconds));
    return new Response(JSON.stringify(this.toProblem()), { status: this.status, headers });
  }
}
