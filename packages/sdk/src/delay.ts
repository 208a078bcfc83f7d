import { AbortedError } from './errors.js';

/** Resolves after `ms`; rejects with {@link AbortedError} when `signal` aborts first. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(resolve, ms);
    if (signal?.aborted) abort();
    // Left in place after the wait: aborting then changes nothing.
    signal?.addEventListener('abort', abort, { once: true });
  });
}
