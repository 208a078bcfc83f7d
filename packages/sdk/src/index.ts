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
export type * from './types.js';
