import type { Problem } from '@sapa/protocol';

const SAPA_ERROR = Symbol.for('sapa.error');

/**
 * Base class of every error the SDK throws. `code` is a protocol problem code or one of the SDK's own
 * (`network_error`, `protocol_error`, `storage_error`, `aborted`, `not_connected`).
 *
 * @example
 * ```ts
 * try { await client.sendText(text); } catch (error) { if (isSapaError(error)) show(error.code); }
 * ```
 */
export class SapaError extends Error {
  declare readonly code: string;
  /** Marks SDK errors across bundles, where `instanceof` fails. */
  readonly [SAPA_ERROR] = true;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SapaError';
    this.code = code;
  }
}

/** True for any error made by any copy of the SDK. */
export function isSapaError(value: unknown): value is SapaError {
  return (value as Record<symbol, unknown> | undefined)?.[SAPA_ERROR] === true;
}

/** The backend answered with a non-2xx status. */
export class HttpError extends SapaError {
  declare readonly status: number;
  declare readonly problem?: Problem;
  /** Whether the protocol's error table allows retrying this answer (by default: 408, 409, 429, 5xx). */
  declare readonly retryable: boolean;
  /** Seconds or date from `Retry-After`, as milliseconds to wait; undefined when absent. */
  declare readonly retryAfterMs?: number;

  constructor(
    status: number,
    message: string,
    data: { problem?: Problem; retryable?: boolean; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(data.problem?.code ?? codeForStatus(status), message, data);
    this.name = 'HttpError';
    this.status = status;
    this.problem = data.problem;
    this.retryable = data.retryable ?? isRetryableStatus(status);
    this.retryAfterMs = data.retryAfterMs;
  }
}

/** The request never got an answer (offline, connection reset, DNS). Always retryable. */
export class NetworkError extends SapaError {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super('network_error', message, options);
    this.name = 'NetworkError';
  }
}

/** The backend sent data that does not follow the protocol. */
export class ProtocolError extends SapaError {
  /** What arrived, for reporting. */
  declare readonly data: unknown;
  constructor(message: string, data?: unknown) {
    super('protocol_error', message);
    this.name = 'ProtocolError';
    this.data = data;
  }
}

/** Persistent storage failed; the client keeps running in memory. */
export class StorageError extends SapaError {
  declare readonly operation: string;
  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super('storage_error', message, options);
    this.name = 'StorageError';
    this.operation = operation;
  }
}

/** A client-side check failed before anything was sent (a file too large, a type not accepted, empty text). */
export class ValidationError extends SapaError {
  /** The limit that was exceeded, when there is one (bytes for files, characters for text). */
  declare readonly limit?: number;
  /** What was accepted, for a type check. */
  declare readonly accept?: string[];
  constructor(code: string, message: string, data: { limit?: number; accept?: string[] } = {}) {
    super(code, message);
    this.name = 'ValidationError';
    this.limit = data.limit;
    this.accept = data.accept;
  }
}

/** The caller cancelled the operation (an `AbortSignal`). */
export class AbortedError extends SapaError {
  constructor(message = 'The operation was cancelled.') {
    super('aborted', message);
    this.name = 'AbortedError';
  }
}

/** Problem codes of the protocol's error table, by status. */
const CODES: Record<number, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'in_flight',
  410: 'gone',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'idempotency_mismatch',
  429: 'rate_limited',
};

/** Problem code for a status when the body did not carry one. */
export function codeForStatus(status: number): string {
  return CODES[status] ?? (status >= 500 ? 'server_error' : 'invalid_request');
}

/** The protocol's retry rule: 408, 409, 429, 5xx; nothing else. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Whether an error is worth trying again later (no answer, or an answer the protocol retries). */
export function isTransientError(error: unknown): boolean {
  return (error as { retryable?: unknown } | undefined)?.retryable === true;
}

/** Plain data for the snapshot. */
export function toErrorInfo(error: unknown): { code: string; message: string } {
  return {
    code: isSapaError(error) ? error.code : 'unknown',
    message: error instanceof Error ? error.message : String(error),
  };
}
