/**
 * The protocol's retry timing (full-jitter backoff, `Retry-After`), written once in `@sapa/protocol` and shared with
 * the agent console; the SDK's modules import it from here.
 */
export { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoffDelay, parseRetryAfter } from '@sapa/protocol';
