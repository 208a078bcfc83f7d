import type { HttpBindings } from '@hono/node-server';
import type { AgentAccount } from '@sapa/protocol/agent';
import type { OpenStreams } from './event-stream.js';
import type { RateLimiter } from './rate-limiter.js';
import type { Services } from './services/create-services.js';
import type { VisitorRecord } from './store/records.js';

/** Everything the HTTP routes share: the services they call, and the HTTP-only settings. */
export interface AppContext {
  services: Services;
  heartbeatMs: number;
  rateLimiter?: RateLimiter;
  /** Failed agent sign-ins per client address; over it, 429 before any token is checked. */
  authFailureLimiter?: RateLimiter;
  /** Proxies of our own in front of the server; 0 means the socket's address is the client's. */
  trustProxyHops: number;
  /** Repository root the static folders are found under. */
  staticRoot: string;
  streams: OpenStreams;
  log: (message: string, error?: unknown) => void;
}

/** Hono environment of the app: the authenticated visitor or agent is kept per request. */
export interface AppEnvironment {
  Bindings: HttpBindings;
  Variables: { visitor: VisitorRecord; token: string; agent: AgentAccount };
}
