import type { Problem } from '@sapa/protocol';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import { delay } from './delay.js';
import {
  AbortedError,
  HttpError,
  isRetryableStatus,
  isSapaError,
  NetworkError,
  ProtocolError,
} from './errors.js';

/** One request to the protocol. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Path under `/v1`, e.g. `/conversations`. */
  path: string;
  /** JSON body. */
  json?: unknown;
  /** Raw body (uploads), sent as is. */
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Without auth for `POST /v1/sessions`. Default true. */
  auth?: boolean;
  signal?: AbortSignal;
  /** Most attempts for retryable failures (network, 408, 409, 429, 5xx). Default 5. */
  maxAttempts?: number;
}

export interface HttpTransportOptions {
  apiUrl: string;
  fetch: typeof fetch;
  /** The current session token. */
  getToken: () => string | undefined;
  /**
   * Called on a 401: re-creates the session (the protocol's rule) and resolves with the new token.
   * Rejects when that fails.
   */
  renewSession: (rejectedToken: string | undefined) => Promise<string>;
  random?: () => number;
  /** Observes every retry wait, for status display and tests. */
  onRetry?: (error: HttpError | NetworkError, waitMs: number) => void;
}

/**
 * REST client of the protocol. Applies the protocol's error table to every request: network errors, 408, 409 and
 * 5xx retry with full-jitter backoff; 429 waits for `Retry-After`; a 401 re-creates the session once and retries
 * once; everything else fails at once with an {@link HttpError}.
 */
export class HttpTransport {
  readonly baseUrl: string;
  private readonly options: HttpTransportOptions;

  constructor(options: HttpTransportOptions) {
    this.options = options;
    this.baseUrl = `${options.apiUrl.replace(/\/+$/, '')}/v1`;
  }

  /** Sends the request with the protocol's retries; resolves with the parsed JSON (undefined for 202/204). */
  async request<T>(request: HttpRequest): Promise<T> {
    const maxAttempts = request.maxAttempts ?? 5;
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const token = request.auth === false ? undefined : this.options.getToken();
      try {
        return await this.once<T>(request, token);
      } catch (error) {
        if (request.signal?.aborted) throw new AbortedError();
        if (error instanceof HttpError && error.status === 401 && request.auth !== false && !renewed) {
          renewed = true;
          await this.options.renewSession(token);
          attempt--;
          continue;
        }
        const retryable = error instanceof NetworkError || (error instanceof HttpError && error.retryable);
        if (!retryable || attempt + 1 >= maxAttempts) throw error;
        const wait =
          (error instanceof HttpError ? error.retryAfterMs : undefined) ??
          backoffDelay(attempt, this.options.random);
        this.options.onRetry?.(error as HttpError | NetworkError, wait);
        await delay(wait, request.signal);
      }
    }
  }

  /** One attempt, no retries. */
  async once<T>(request: HttpRequest, token: string | undefined): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    let body = request.body;
    if (request.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(request.json);
    }
    let response: Response;
    try {
      response = await this.options.fetch(`${this.baseUrl}${request.path}`, {
        method: request.method,
        headers,
        body,
        signal: request.signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw new AbortedError();
      throw new NetworkError(
        `The request ${request.method} ${request.path} got no answer from the chat server.`,
        {
          cause: error,
        },
      );
    }
    if (!response.ok) throw await httpErrorFrom(response, `${request.method} ${request.path}`);
    if (response.status === 202 || response.status === 204) {
      await response.body?.cancel().catch(() => {});
      return undefined as T;
    }
    const text = await readText(response, `${request.method} ${request.path}`);
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new ProtocolError(`The answer to ${request.method} ${request.path} is not valid JSON.`, {
        text: text.slice(0, 200),
        cause: error,
      });
    }
  }
}

async function readText(response: Response, what: string): Promise<string> {
  try {
    return await response.text();
  } catch (error) {
    throw new NetworkError(`The answer to ${what} was cut off before it was complete.`, { cause: error });
  }
}

/** Builds the {@link HttpError} for a non-2xx answer, reading its problem document when there is one. */
export async function httpErrorFrom(response: Response, what: string): Promise<HttpError> {
  let problem: Problem | undefined;
  try {
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as Problem).code === 'string') {
      problem = parsed as Problem;
    }
  } catch {
    // A proxy's HTML error page or a cut body: the status alone decides.
  }
  const detail = problem?.detail ?? problem?.title;
  const message = `The chat server answered ${what} with ${response.status}${detail ? `: ${detail}` : '.'}`;
  return new HttpError(response.status, message, {
    problem,
    retryable: isRetryableStatus(response.status),
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

/** Whether an error should stay in the outbox for a later flush rather than fail for good. */
export function isTransientError(error: unknown): boolean {
  if (error instanceof NetworkError) return true;
  if (error instanceof HttpError) return error.retryable;
  return isSapaError(error) && error.code === 'network_error';
}
