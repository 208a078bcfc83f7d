import type { Problem } from '@sapa/protocol';
import { backoffDelay, parseRetryAfter } from './backoff.js';
import { delay } from './delay.js';
import { AbortedError, HttpError, isTransientError, NetworkError, ProtocolError } from './errors.js';
import { progressFetch } from './file-upload.js';

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
  /** Upload progress from 0 to 1. */
  onProgress?: (fraction: number) => void;
}

export interface HttpTransportOptions {
  /** `${apiUrl}/v1`. */
  baseUrl: string;
  fetch: typeof fetch;
  /** The current session token. */
  getToken: () => string | undefined;
  /**
   * Called on a 401: re-creates the session (the protocol's rule) and resolves with the new token.
   * Rejects when that fails.
   */
  renewSession: (rejectedToken: string | undefined) => Promise<unknown>;
}

/** Sends a request with the protocol's retries; resolves with the parsed JSON (undefined for 202/204). */
export type HttpTransport = <T>(request: HttpRequest) => Promise<T>;

/**
 * REST client of the protocol. Applies the protocol's error table to every request: network errors, 408, 409 and
 * 5xx retry with full-jitter backoff; 429 waits for `Retry-After`; a 401 re-creates the session once and retries
 * once; everything else fails at once with an {@link HttpError}.
 */
export function createHttpTransport({
  baseUrl,
  fetch,
  getToken,
  renewSession,
}: HttpTransportOptions): HttpTransport {
  return async <T>(request: HttpRequest): Promise<T> => {
    const { method, path, json, signal, auth = true, onProgress } = request;
    const what = `${method} ${path}`;
    let renewed = false;
    for (let attempt = 0; ; ) {
      const token = auth ? getToken() : undefined;
      try {
        const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
        if (token !== undefined) headers.Authorization = `Bearer ${token}`;
        if (json !== undefined) headers['Content-Type'] = 'application/json';
        let response: Response;
        try {
          response = await (onProgress ? progressFetch(fetch, onProgress) : fetch)(baseUrl + path, {
            method,
            headers,
            body: json === undefined ? request.body : JSON.stringify(json),
            signal,
          });
        } catch (cause) {
          throw new NetworkError(`The chat server did not answer ${what}.`, { cause });
        }
        if (!response.ok) throw await httpErrorFrom(response, what);
        const text = await response.text().catch((cause) => {
          throw new NetworkError(`The answer to ${what} was cut off.`, { cause });
        });
        // 202 and 204 carry nothing to read.
        if (text === '' || response.status > 201) return undefined as T;
        try {
          return JSON.parse(text);
        } catch {
          throw new ProtocolError(`The answer to ${what} is not JSON.`, text.slice(0, 200));
        }
      } catch (error) {
        if (signal?.aborted) throw new AbortedError();
        if (auth && (error as HttpError).status === 401 && !renewed) {
          renewed = true;
          await renewSession(token);
          continue;
        }
        if (!isTransientError(error) || ++attempt >= (request.maxAttempts ?? 5)) throw error;
        await delay((error as HttpError).retryAfterMs ?? backoffDelay(attempt - 1), signal);
      }
    }
  };
}

/** Builds the {@link HttpError} for a non-2xx answer, reading its problem document when there is one. */
export async function httpErrorFrom(response: Response, what: string): Promise<HttpError> {
  let problem: Problem | undefined;
  try {
    problem = JSON.parse(await response.text());
    if (typeof problem?.code !== 'string') problem = undefined;
  } catch {
    // A proxy's HTML error page or a cut body: the status alone decides.
  }
  const detail = problem?.detail ?? problem?.title;
  return new HttpError(
    response.status,
    `The chat server answered ${what} with ${response.status}${detail ? `: ${detail}` : '.'}`,
    { problem, retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')) },
  );
}
