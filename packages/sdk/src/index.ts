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
export { forgetStoredVisitor } from './forget-stored-visitor.js';
export { MemoryStorage } from './memory-storage.js';
export type * from './types.js';
