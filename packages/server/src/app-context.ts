import type { HttpBindings } from '@hono/node-server';
import type { OpenStreams } from './event-stream.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Services } from './services/create-services.js';
import type { VisitorRecord } from './store/records.js';

/** Everything the HTTP routes share: the services they call, and the HTTP-only settings. */
export interface AppContext {
  services: Services;
  agentToken: string;
  heartbeatMs: number;
  rateLimiter?: RateLimiter;
  /** Repository root the static folders are found under. */
  staticRoot: string;
  streams: OpenStreams;
  log: (message: string, error?: unknown) => void;
}

/** Hono environment of the app: the authenticated visitor is kept per request. */
export interface AppEnvironment {
  Bindings: HttpBindings;
  Variables: { visitor: VisitorRecord; token: string };
}
