export { backoffDelay, parseRetryAfter } from './backoff.js';
export { createClient } from './create-client.js';
export {
  AbortedError,
  HttpError,
  isSapaError,
  NetworkError,
  ProtocolError,
  SapaError,
  StorageError,
  ValidationError,
} from './errors.js';
export { MemoryStorage } from './memory-storage.js';
export { renderTemplate } from './render-template.js';
export type * from './types.js';
